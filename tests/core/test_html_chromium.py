"""The annotated copy in a real browser: it renders right to left with its marks, runs nothing, fetches nothing.

Headless Chromium opens the copy from a file:// URL with every host name
resolving to nothing and a network log on. Chromium makes a few requests of
its own (update and account checks, "initiator: not an origin"); a request
from the page carries the page's origin as initiator, and there must be none.
A control page that does reference a remote image proves the check would see
one. The screenshot is kept as ``docs/annotated-copy.png``; refresh it with
``KHANA_UPDATE_SCREENSHOT=1 .venv/bin/pytest tests/core/test_html_chromium.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.core.document import Annotations, DateMention, DateRange, Entity, Quote, Span
from reader.core.export.html import render_annotated_html

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
SCREENSHOT = ROOT / "docs" / "annotated-copy.png"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]


def _all(text: str, words: str) -> tuple[Span, ...]:
    spans, at = [], text.find(words)
    while at != -1:
        spans.append(Span(at, at + len(words)))
        at = text.find(words, at + 1)
    return tuple(spans)


def sample_annotations() -> Annotations:
    """The sample article annotated by hand (the pipeline's output depends on a trained model)."""
    text = SAMPLE.read_text(encoding="utf-8")
    people = [
        ("p1", "آنتونی بلینکن", "وزیر خارجه آمریکا", ["آنتونی بلینکن", "«بلینکن"]),
        ("p2", "پارک جین", "وزیر امور خارجه کره جنوبی", ["پارک جین"]),
        ("p3", "یوکو کامیکاوا", "وزیر امور خارجه ژاپن", ["یوکو کامیکاوا"]),
        ("p4", "کیم جونگ اون", "رهبر کره شمالی", ["کیم جونگ اون", "کیم جونگاون"]),
        ("p5", "ولادیمیر پوتین", "رئیس‌جمهور روسیه", ["ولادیمیر پوتین"]),
        ("p6", "یون سوک یول", "رئیس‌جمهور کره جنوبی", ["یون سوک یول"]),
        ("p7", "سرگئی شویگو", "وزیر دفاع روسیه", ["سرگئی شویگو"]),
    ]
    places = [("l1", "LOC", "کره جنوبی"), ("l2", "LOC", "کره شمالی"), ("l3", "LOC", "روسیه"), ("l4", "LOC", "ژاپن"),
              ("l5", "LOC", "ولادیوستوک"), ("l6", "LOC", "اوکراین"), ("o1", "ORG", "خبرگزاری مهر"), ("o2", "ORG", "رویترز"),
              ("o3", "ORG", "شورای امنیت سازمان ملل")]
    entities = []
    for eid, name, role, forms in people:
        mentions = sorted({s for form in forms for s in _all(text, form.lstrip("«"))})
        entities.append(Entity(eid, "PER", name, role, tuple(mentions)))
    taken = {(m.start, m.end) for e in entities for m in e.mentions}
    for eid, etype, name in places:
        mentions = tuple(s for s in _all(text, name) if not any(a <= s.start < b for a, b in taken))
        entities.append(Entity(eid, etype, name, None, mentions))
    quote_1 = _all(text, "«بلینکن، وزیر خارجه آمریکا،")[0]
    quote_1_end = text.index("پاسخ دهند.»") + len("پاسخ دهند.»")
    quote_2 = _all(text, "«برای کره شمالی، روابط با روسیه اولویت اول است»")[0]
    quotes = (
        Quote(quote_1.start, quote_1_end, speaker_text="بیانیه وزارت خارجه کره جنوبی"),
        Quote(quote_2.start, quote_2.end, speaker="p4"),
        Quote(*list(_all(text, "«تحریک مستقیم»")[0].__dict__.values())[:2], speaker="p6"),
    )
    sept13 = DateRange("2023-09-13", "2023-09-13")
    dates = [
        DateMention(*list(_all(text, "امروز شنبه")[0].__dict__.values())[:2], "relative", DateRange("2023-09-16", "2023-09-16"), DateRange("1402-06-25", "1402-06-25")),
        DateMention(*list(_all(text, "روز جمعه")[0].__dict__.values())[:2], "relative", DateRange("2023-09-15", "2023-09-15"), DateRange("1402-06-24", "1402-06-24")),
        DateMention(*list(_all(text, "هفته گذشته")[0].__dict__.values())[:2], "relative", DateRange("2023-09-04", "2023-09-10"), None),
        DateMention(*list(_all(text, "چهارشنبه گذشته")[0].__dict__.values())[:2], "relative", DateRange("2023-09-13", "2023-09-13"), None),
        DateMention(*list(_all(text, "۲۲ شهریور")[0].__dict__.values())[:2], "date", None, DateRange("1402-06-22", "1402-06-22")),
    ] + [DateMention(s.start, s.end, "date", sept13, None) for s in _all(text, "۱۳ سپتامبر")]
    return Annotations(
        text=text.rstrip("\n"),
        title="نگرانی آمریکا، کره جنوبی و ژاپن از همکاری نظامی روسیه و کره شمالی",
        article_date=dt.date(2023, 9, 16),
        entities=tuple(entities),
        quotes=quotes,
        dates=tuple(sorted(dates, key=lambda d: d.start)),
    )


def chromium(page: Path, work: Path, *extra: str) -> tuple[str, list[str]]:
    """(dumped DOM or "", URLs of requests the page made) for ``page`` opened headless."""
    net_log = work / "net.json"
    result = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            f"--user-data-dir={work / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--log-net-log={net_log}", *extra, page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, cwd=work,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    log = json.loads(net_log.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    requests = [
        event["params"]["url"]
        for event in log["events"]
        if names.get(event["type"]) == "URL_REQUEST_START_JOB"
        and "url" in event.get("params", {})  # the job's start; its end event has no parameters
        and event["params"].get("initiator") != "not an origin"
    ]
    return result.stdout, requests


def test_control_page_requests_are_seen(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text('<html><body><img src="http://canary.example/x.png">x</body></html>', encoding="utf-8")
    _, requests = chromium(page, tmp_path, "--dump-dom")
    assert any("canary.example" in url for url in requests)


def test_copy_renders_rtl_with_marks_and_fetches_nothing(tmp_path: Path) -> None:
    page = tmp_path / "sample.khana.html"
    page.write_text(render_annotated_html(sample_annotations()), encoding="utf-8")
    dom, requests = chromium(page, tmp_path, "--dump-dom")
    assert requests == []
    assert '<html dir="rtl" lang="fa">' in dom
    assert '<mark class="ent PER" data-entity="p1"' in dom
    assert 'class="quote"' in dom and '<mark class="date"' in dom
    assert "ولادیمیر پوتین" in dom


def test_hostile_text_does_not_run_in_the_browser(tmp_path: Path) -> None:
    text = (
        "<script>document.title='PWNED'</script>\n"
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\n"
        "<img src=\"http://canary.example/y.png\"> <link rel=stylesheet href=\"https://canary.example/z.css\">"
    )
    ann = Annotations(text=text, title="</title><script>document.title='PWNED'</script>",
                      entities=(Entity("e", "PER", "<img src=x onerror=alert(1)>", None, (Span(0, 8),)),))
    page = tmp_path / "hostile.khana.html"
    page.write_text(render_annotated_html(ann), encoding="utf-8")
    dom, requests = chromium(page, tmp_path, "--dump-dom")
    assert requests == []
    assert "PWNED" not in dom.split("<body", 1)[0].replace("&lt;/title&gt;&lt;script&gt;document.title='PWNED'", "")
    assert "data-pwned" not in dom.replace("setAttribute('data-pwned'", "")
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom


def test_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "sample.khana.html"
    page.write_text(render_annotated_html(sample_annotations()), encoding="utf-8")
    shot = tmp_path / "shot.png"
    _, requests = chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1200,1600")
    assert requests == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    # Refreshed on request only, so a test run leaves the checkout clean.
    if os.environ.get("KHANA_UPDATE_SCREENSHOT") or not SCREENSHOT.exists():
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
