"""Khana's page rules against maintained article extractors, on Persian stories in news-site chrome.

    python benchmarks/extractors.py [--articles 10]

Needs the extractors, which are not Khana's dependencies, in a Python of their own (pip 23.2
cannot resolve readability-lxml's ``lxml[html_clean]`` beside the project's extras)::

    python3.11 -m venv /tmp/extractors
    /tmp/extractors/bin/pip install trafilatura readability-lxml jdatetime convertdate
    PYTHONPATH=. /tmp/extractors/bin/python benchmarks/extractors.py

trafilatura brings htmldate; jdatetime and convertdate are what Khana's page reader imports. Each known article
text (the sample, NSURL and Hamshahri articles from shared/) is placed in four page layouts a Persian
news site might have: menus, breadcrumbs, a lead, a figure, share bars, tags, related headlines,
most-read lists, readers' comments, a footer, JSON-LD, and the publication date as a Gregorian or
Jalali meta tag, JSON-LD or a ``<time>``. The furniture is Persian too (other articles' sentences
as headlines and comments), so a word taken from it counts against precision.

Scores are over words (punctuation stripped, each word counted as often as it occurs):
recall is the share of the article's words an extractor returns, precision the share of what
it returns that is the article (a line that is the headline is left out of both: keeping it in
the text is a choice, not furniture); "verbatim" is the share of the article's paragraphs found
character for character (a dropped ZWNJ, «می‌گوید» read as «میگوید», fails it). The date is right when it is the publication day (Jalali dates
converted); the title when it is the article's headline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
HAMSHAHRI = ROOT.parent / "shared" / "data" / "unlabeled" / "hamshahri.txt"
NSURL = ROOT.parent / "shared" / "data" / "nsurl" / "train.txt"  # news sentences written with ZWNJ

MENU = ["صفحه اصلی", "سیاسی", "اقتصادی", "اجتماعی", "ورزشی", "فرهنگی", "بین‌الملل", "عکس", "فیلم", "آرشیو"]
FOOTER = "کلیه حقوق مادی و معنوی این سایت محفوظ است. استفاده از مطالب با ذکر منبع آزاد است. درباره ما | تماس با ما"
SHARE = "اشتراک‌گذاری در تلگرام واتس‌اپ توییتر لینک کوتاه چاپ خبر ارسال به دوستان"


@dataclass
class Case:
    title: str
    paragraphs: list[str]
    date: dt.date
    others: list[str]  # sentences of other articles: headlines and comments


def _sentences(line: str) -> list[str]:
    return [s.strip() + "." for s in re.split(r"[.!؟?]\s+", line) if len(s.split()) > 3]


def _nsurl(count: int) -> list[tuple[str, list[str]]]:
    """Articles of twelve consecutive NSURL sentences that hold ZWNJ-joined words (Hamshahri has none)."""
    sentences: list[str] = []
    words: list[str] = []
    with NSURL.open(encoding="utf-8") as source:
        for line in source:
            if line.strip():
                words.append(line.split("\t")[0])
            elif words:
                sentences.append(" ".join(words))
                words = []
            if len(sentences) >= 2_000:
                break
    found = []
    for at in range(0, len(sentences) - 12, 97):
        group = sentences[at : at + 12]
        if sum("\u200c" in s for s in group) >= 4 and len(found) < count:
            found.append((" ".join(group[0].split()[:8]), [" ".join(group[i : i + 3]) for i in range(1, 12, 3)]))
    return found


def _articles(count: int) -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) for the sample, three NSURL articles and Hamshahri articles of 150-900 words."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    found = [(" ".join(lines[0].split()[:9]), [line for line in lines if line.strip()]), *_nsurl(3)]
    with HAMSHAHRI.open(encoding="utf-8") as source:
        for line in source:
            if 150 <= len(line.split()) <= 900 and len(found) < count:
                sentences = _sentences(line)
                if len(sentences) < 4:
                    continue
                title = " ".join(sentences[0].split()[:8])
                paragraphs = [" ".join(sentences[at : at + 3]) for at in range(1, len(sentences), 3)]
                found.append((title, paragraphs))
    return found


def _cases(count: int) -> list[Case]:
    stories = _articles(count + 6)
    spare = [s for _title, paragraphs in stories[count:] for p in paragraphs for s in _sentences(p)]
    cases = []
    for index, (title, paragraphs) in enumerate(stories[:count]):
        date = dt.date(2023, 1, 1) + dt.timedelta(days=37 * index)
        others = spare[index * 12 :] + spare[: index * 12]
        cases.append(Case(title, paragraphs, date, others[:24]))
    return cases


def _jalali(day: dt.date) -> str:
    from reader.core.dates.calendar import gregorian_to_jalali

    year, month, date = gregorian_to_jalali(day)
    return f"{year}/{month:02d}/{date:02d}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _links(items: list[str], cls: str = "") -> str:
    return f"<ul{cls}>" + "".join(f"<li><a href='/n/{i}'>{_e(t)}</a></li>" for i, t in enumerate(items)) + "</ul>"


def _headlines(case: Case, at: int, n: int = 5) -> list[str]:
    return [" ".join(s.split()[:9]) for s in case.others[at : at + n]]


def _comments(case: Case, markup: Callable[[str, str], str]) -> str:
    return "".join(markup(name, text) for name, text in zip(["علی", "مریم", "رضا"], case.others[18:21]))


def classic(case: Case) -> str:
    """A portal of the 2010s: div soup with class names, meta date in ISO, share bar, comments box."""
    body = "".join(f"<p>{_e(p)}</p>" for p in case.paragraphs)
    return f"""<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>{_e(case.title)} | خبرگزاری نمونه</title>
<meta property="og:title" content="{_e(case.title)}">
<meta property="article:published_time" content="{case.date.isoformat()}T09:30:00+03:30">
<script>var ads = {{slot: "top"}};</script><style>.x{{color:red}}</style></head>
<body><div class="header"><div class="logo">خبرگزاری نمونه</div>{_links(MENU, " class='menu'")}</div>
<div class="breadcrumb"><a href="/">خانه</a> » <a href="/pol">سیاسی</a></div>
<div class="container"><div class="col-main"><div class="news-body">
<h1>{_e(case.title)}</h1><div class="date">تاریخ انتشار: {_jalali(case.date)}</div>
<div class="body">{body}</div>
<div class="share">{SHARE}</div><div class="tags">برچسب‌ها: {_links(MENU[1:4])}</div>
<div class="related"><h3>اخبار مرتبط</h3>{_links(_headlines(case, 0))}</div>
<div id="comments"><h3>نظرات کاربران</h3>{_comments(case, lambda n, t: f"<div class='comment'><b>{n}</b><p>{_e(t)}</p></div>")}</div>
</div></div><div class="sidebar"><h3>پربازدیدترین‌ها</h3>{_links(_headlines(case, 5))}</div></div>
<div class="footer">{FOOTER}</div></body></html>"""


def semantic(case: Case) -> str:
    """A current site: header, nav, main > article, time, figure, aside; the date only in JSON-LD."""
    lead, *rest = case.paragraphs
    body = "".join(f"<p>{_e(p)}</p>" for p in rest)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": case.title,
                     "datePublished": f"{case.date.isoformat()}T08:00:00Z"}, ensure_ascii=False)
    return f"""<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{_e(case.title)}</title>
<script type="application/ld+json">{ld}</script></head>
<body><header><a href="/">خبرنامه</a><nav>{_links(MENU)}</nav></header>
<main><article><h1>{_e(case.title)}</h1><p class="lead"><strong>{_e(lead)}</strong></p>
<figure><img src="a.jpg" alt=""><figcaption>{_e(_headlines(case, 12, 1)[0])}</figcaption></figure>
{body}<footer class="article-footer">{SHARE}</footer></article>
<section class="related-news"><h2>بیشتر بخوانید</h2>{_links(_headlines(case, 0))}</section>
<section class="comments"><h2>دیدگاه‌ها</h2>{_comments(case, lambda n, t: f"<article class='comment'><h4>{n}</h4><p>{_e(t)}</p></article>")}</section>
</main><aside><h2>پربیننده</h2>{_links(_headlines(case, 5))}</aside><footer>{FOOTER}</footer></body></html>"""


def tables(case: Case) -> str:
    """An older Persian site: table layout, Persian class names the furniture rules do not know,
    text broken by <br>, a Jalali meta date."""
    body = "<br><br>".join(_e(p) for p in case.paragraphs)
    rows = "".join(f"<tr><td><a href='/k/{i}'>{_e(t)}</a></td></tr>" for i, t in enumerate(_headlines(case, 0, 6)))
    nazar = _comments(case, lambda n, t: f"<div class='nazar'><span class='nam'>{n}</span> {_e(t)}</div>")
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(case.title)}</title><meta name="date" content="{_jalali(case.date)}"></head>
<body><table width="100%"><tr><td class="balaye-safhe">{" | ".join(_e(m) for m in MENU)}</td></tr>
<tr><td class="sotun-rast"><table>{rows}</table></td>
<td class="khabar"><div class="titr">{_e(case.title)}</div><div class="matn">{body}</div>
<div class="box-payin">اخبار مرتبط: {" - ".join(_e(h) for h in _headlines(case, 6, 3))}</div>
<div class="nazarat">نظر شما: {nazar}</div></td></tr>
<tr><td colspan="2" class="payin">{FOOTER}</td></tr></table></body></html>"""


def cards(case: Case) -> str:
    """A mobile/AMP-style page: many short cards before and after the story, a <time> date."""
    body = "".join(f"<div class='paragraph'><p>{_e(p)}</p></div>" for p in case.paragraphs)
    card = "".join(f"<div class='card'><a href='/c/{i}'><h3>{_e(h)}</h3></a></div>" for i, h in enumerate(_headlines(case, 0, 6)))
    return f"""<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8"><title>{_e(case.title)} - نمونه</title>
<meta name="twitter:title" content="{_e(case.title)}"></head>
<body><div class="top-bar">{_links(MENU)}</div><div class="cards">{card}</div>
<div class="post"><h1 class="post-title">{_e(case.title)}</h1><time datetime="{case.date.isoformat()}">{_jalali(case.date)}</time>
<div class="post-content">{body}</div>
<div class="social-share">{SHARE}</div></div>
<div class="more"><h2>مطالب پیشنهادی</h2>{card}</div>
<div class="user-comments">{_comments(case, lambda n, t: f"<div class='cm'><p>{n}: {_e(t)}</p></div>")}</div>
<div class="copyright">{FOOTER}</div></body></html>"""


LAYOUTS: dict[str, Callable[[Case], str]] = {"classic": classic, "semantic": semantic, "tables": tables, "cards": cards}


@dataclass
class Found:
    text: str
    title: str | None
    date: dt.date | None


def _hand(page: str) -> Found:
    from reader.core.loading.html import extract

    got = extract(page)
    return Found(got.text, got.title, got.date)


def _trafilatura(page: str) -> Found:
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True)
    if doc is None:
        return Found("", None, None)
    date = getattr(doc, "date", None)
    return Found(getattr(doc, "text", "") or "", getattr(doc, "title", None), _parse(date))


def _readability(page: str) -> Found:
    import lxml.html
    from readability import Document

    doc = Document(page)
    text = lxml.html.fromstring(doc.summary(html_partial=True)).text_content()
    return Found(text, doc.short_title(), None)


def _htmldate(page: str) -> dt.date | None:
    from htmldate import find_date

    return _parse(find_date(page, extensive_search=True, original_date=True))


def _parse(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


EXTRACTORS: dict[str, Callable[[str], Found]] = {"hand rules": _hand, "trafilatura": _trafilatura, "readability-lxml": _readability}


def _words(text: str) -> Counter[str]:
    return Counter(w for w in re.sub(r"[^\w\u200c]+", " ", text).split() if w)


def score(truth: str, found: str) -> tuple[float, float]:
    want, got = _words(truth), _words(found)
    common = sum((want & got).values())
    return common / max(sum(want.values()), 1), common / max(sum(got.values()), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10)
    args = parser.parse_args()
    cases = _cases(args.articles)
    rows: dict[tuple[str, str], list[tuple[float, float, bool, bool, float]]] = {}
    dates: dict[str, list[bool]] = {}
    for case in cases:
        truth = "\n".join(case.paragraphs)
        for layout, build in LAYOUTS.items():
            page = build(case)
            for name, extractor in EXTRACTORS.items():
                found = extractor(page)
                # Whether the headline is a line of the text is a choice, not furniture: left out.
                body = "\n".join(line for line in found.text.split("\n") if line.strip() != case.title)
                recall, precision = score(truth, body)
                title_ok = (found.title or "").strip() == case.title
                flat = " ".join(found.text.split())
                exact = sum(" ".join(p.split()) in flat for p in case.paragraphs) / len(case.paragraphs)
                rows.setdefault((name, layout), []).append(
                    (recall, precision, found.date == case.date, title_ok, exact))
            dates.setdefault(layout, []).append(_htmldate(page) == case.date)
    print(f"{len(cases)} articles x {len(LAYOUTS)} layouts; word recall / precision (mean, min), paragraphs found"
          " verbatim, date and title right")
    print(f"{'extractor':18} {'layout':9} {'recall':>14} {'precision':>14} {'verbatim':>8} {'date':>6} {'title':>6}")
    for (name, layout), values in rows.items():
        r = [v[0] for v in values]
        p = [v[1] for v in values]
        print(f"{name:18} {layout:9} {statistics.mean(r):6.3f} ({min(r):.2f}) {statistics.mean(p):6.3f} ({min(p):.2f}) "
              f"{statistics.mean(v[4] for v in values):8.3f} "
              f"{sum(v[2] for v in values):3}/{len(values)} {sum(v[3] for v in values):3}/{len(values)}")
    for name in EXTRACTORS:
        values = [v for (n, _layout), vs in rows.items() if n == name for v in vs]
        r = statistics.mean(v[0] for v in values)
        p = statistics.mean(v[1] for v in values)
        exact = statistics.mean(v[4] for v in values)
        print(f"{name:18} {'all':9} recall {r:.3f} precision {p:.3f} F1 {2 * r * p / (r + p):.3f} verbatim {exact:.3f} "
              f"dates {sum(v[2] for v in values)}/{len(values)} titles {sum(v[3] for v in values)}/{len(values)}")
    print("htmldate alone, dates right: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in dates.items()))


if __name__ == "__main__":
    main()
