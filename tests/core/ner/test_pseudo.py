"""Pseudo-labelled text (``pseudo``) and training on it beside the gold data (``train --extra``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.core.ner import pseudo
from reader.core.ner.corpus import read_tagged

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "ner" / "tiny.txt"

ARTICLES = [
    "حسن روحانی به تهران رفت. او در تهران گفت که سفر خوبی بود.",
    "علی کریمی در شیراز گفت. کریمی فردا به اصفهان می‌رود.",
    "سازمان ملل بیانیه‌ای داد.",
    "مریم احمدی از تهران به شیراز سفر کرد. احمدی گفت سفر کوتاه بود.",
    "روز شنبه وزیر خارجه ایران با سازمان ملل دیدار کرد.",
]


def _unlabelled(tmp_path: Path) -> Path:
    # As Hamshahri: one article a line, a blank line between articles, and stray blank lines.
    path = tmp_path / "articles.txt"
    path.write_text("\n\n".join(ARTICLES) + "\n\n\n", encoding="utf-8")
    return path


def _by_word(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """A stand-in teacher: a person wherever a known first name or surname stands."""
    people = {"حسن", "روحانی", "علی", "کریمی", "مریم", "احمدی"}
    return [[("B-PER" if t in people else "O") for t in s] for s in sentences]


def _articles_of(path: Path) -> list[list[list[tuple[str, str]]]]:
    """The articles of a pseudo file: runs of sentences split at the double blank lines."""
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n\n\n")
    articles: list[list[list[tuple[str, str]]]] = []
    for block in text.split("\n\n\n"):
        if block.strip():
            sentences = []
            for sentence in block.strip("\n").split("\n\n"):
                pairs = [line.split("\t") for line in sentence.split("\n")]
                assert all(len(pair) == 2 for pair in pairs)
                sentences.append([(tok, tag) for tok, tag in pairs])
            articles.append(sentences)
    return articles


def test_articles_are_one_a_line_in_a_fixed_shuffled_order(tmp_path: Path) -> None:
    articles = pseudo.read_articles(_unlabelled(tmp_path))
    assert articles == ARTICLES
    order = pseudo.article_order(len(articles), seed=3)
    assert sorted(order) == list(range(len(articles)))
    assert order == pseudo.article_order(len(articles), seed=3)
    assert any(pseudo.article_order(len(articles), seed=s) != order for s in range(4, 10))


def test_sentences_come_from_the_apps_tokeniser() -> None:
    from reader.core.text import tokenize

    sentences = pseudo.article_sentences(ARTICLES[0])
    assert sentences == [[t.norm for t in s.tokens] for s in tokenize(ARTICLES[0])]
    assert len(sentences) == 2 and sentences[0][:2] == ["حسن", "روحانی"]


def test_output_is_tagged_text_with_article_boundaries_and_the_same_bytes_twice(tmp_path: Path) -> None:
    articles = pseudo.read_articles(_unlabelled(tmp_path))
    calls: list[int] = []

    def teacher(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        calls.append(len(sentences))
        return _by_word(sentences)

    out = tmp_path / "pseudo.txt"
    written = pseudo.label_articles(articles, teacher, out, tokens=10**6, keys=set(), seed=3)
    assert written[0] == len(ARTICLES)
    # The teacher saw one whole article per call (its document pass needs the article).
    expected = [pseudo.article_sentences(articles[i]) for i in pseudo.article_order(len(articles), 3)]
    assert calls == [len(a) for a in expected]
    # Articles stay whole and in the seeded order, each sentence token TAB label.
    found = _articles_of(out)
    assert [[[tok for tok, _ in s] for s in a] for a in found] == expected
    assert [[[tag for _, tag in s] for s in a] for a in found] == [_by_word(a) for a in expected]
    assert written[1] == sum(len(s) for a in expected for s in a)
    # The training reader takes it as plain sentences.
    assert read_tagged(out) == [list(zip(s, _by_word([s])[0])) for a in expected for s in a]

    again = tmp_path / "again.txt"
    pseudo.label_articles(articles, teacher, again, tokens=10**6, keys=set(), seed=3)
    assert again.read_bytes() == out.read_bytes()
    # A smaller budget stops after the article that reaches it: a prefix of the larger file.
    first = sum(len(s) for s in expected[0])
    small = tmp_path / "small.txt"
    assert pseudo.label_articles(articles, teacher, small, tokens=first + 1, keys=set(), seed=3)[0] == 2
    assert out.read_bytes().startswith(small.read_bytes())
    assert len(_articles_of(small)) == 2


def test_articles_sharing_a_dev_sentence_are_skipped(tmp_path: Path) -> None:
    articles = pseudo.read_articles(_unlabelled(tmp_path))
    # A dev sentence equal, under the spelling fold (Arabic «ي»/«ك»), to one of article 3's.
    target = pseudo.article_sentences(ARTICLES[3])[0]
    dev = [[(tok.replace("ی", "ي").replace("ک", "ك"), "O") for tok in target]]
    short = [[("سازمان", "B-ORG"), ("ملل", "I-ORG")]]  # too short to mean shared text
    keys = pseudo.overlap_keys(dev + short)
    assert len(keys) == 1
    skipped: list[int] = []
    out = tmp_path / "pseudo.txt"
    n_articles, _ = pseudo.label_articles(articles, _by_word, out, 10**6, keys, seed=3, skipped=skipped)
    assert skipped == [3] and n_articles == len(ARTICLES) - 1
    assert target not in [[tok for tok, _ in s] for s in read_tagged(out)]


def test_unfit_tokens_are_refused(tmp_path: Path) -> None:
    with open(tmp_path / "x.txt", "w", encoding="utf-8") as handle, pytest.raises(ValueError):
        pseudo.write_article(handle, [["a\tb"]], [["O"]])


def test_command_with_a_tiny_neural_teacher_and_crf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from reader.core.ner import train_neural
    from reader.core.ner.features import FeatureConfig
    from reader.core.ner.train import train_model

    corpus = read_tagged(FIXTURE)
    settings = train_neural.Settings(hidden=8, char_filters=8, epochs=30, lr=0.02, batch=4, features=False)
    trained = train_neural.train(corpus * 3, {}, settings, None, log=lambda *_: None)
    train_neural.export(trained, tmp_path / "teacher")
    crf = tmp_path / "crf.crfsuite"
    train_model(corpus * 3, crf, FeatureConfig(frozenset({"word", "context", "document"})), c1=0.0, c2=0.01,
                iterations=30)
    outputs = []
    for name in ("a.txt", "b.txt"):
        argv = [
            "--teacher", str(tmp_path / "teacher"), "--crf", str(crf), "--tokens", "1000",
            "--out", str(tmp_path / name), "--unlabelled", str(_unlabelled(tmp_path)),
            "--train", str(FIXTURE), "--dev", str(tmp_path / "absent.txt"), "--nsurl", str(tmp_path / "absent.txt"),
        ]
        assert pseudo.main(argv) == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert f"{len(ARTICLES)} of {len(ARTICLES)} articles" in capsys.readouterr().out
    labels = {tag for s in read_tagged(tmp_path / "a.txt") for _, tag in s}
    assert "B-PER" in labels and labels <= {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "LOC", "ORG", "DAT",
                                                                                      "TIM", "MON", "PCT")}


def test_training_with_extra_sentences_counts_lists_on_gold_alone(tmp_path: Path) -> None:
    from reader.core.ner import train
    from reader.core.ner.tagger import NerTagger, load_config

    gold = read_tagged(FIXTURE)
    # Pseudo-labelled text naming a new organisation head three times and a new person.
    extra_sentences = [
        [("بنیاد", "B-ORG"), ("سعدی", "I-ORG"), ("جلسه", "O"), ("داشت", "O"), (".", "O")],
        [("بنیاد", "B-ORG"), ("فارابی", "I-ORG"), ("فیلم", "O"), ("ساخت", "O"), (".", "O")],
        [("بنیاد", "B-ORG"), ("نخبگان", "I-ORG"), ("جایزه", "O"), ("داد", "O"), (".", "O")],
        [("پرویز", "B-PER"), ("تناولی", "I-PER"), ("در", "O"), ("کرج", "B-LOC"), ("گفت", "O"), (".", "O")],
    ]
    extra = tmp_path / "pseudo.txt"
    extra.write_text(
        "".join("".join(f"{t}\t{g}\n" for t, g in s) + "\n" for s in extra_sentences) + "\n", encoding="utf-8"
    )
    assert "بنیاد" in train.org_heads(gold * 3 + extra_sentences)
    model = tmp_path / "s.crfsuite"
    argv = [
        "--train", str(FIXTURE), "--dev", str(tmp_path / "absent.txt"), "--nsurl", str(tmp_path / "absent.txt"),
        "--only", "word", "affix", "context", "shape", "orghead", "--c1", "0", "--iterations", "60",
        "--out", str(model), "--extra", str(extra), str(extra),
    ]
    assert train.main(argv) == 0
    saved = load_config(model)
    assert "بنیاد" not in saved.org_heads
    assert saved.org_heads == train.org_heads(gold)
    assert saved.first_names == train.person_first_names(gold)
    # The model learnt both the gold and the extra sentences.
    tagger = NerTagger.load(model)
    every = gold + extra_sentences
    assert tagger.tag([[t for t, _ in s] for s in every], document=False) == [[g for _, g in s] for s in every]


def test_extra_is_refused_with_stacking(tmp_path: Path) -> None:
    from reader.core.ner import train

    extra = tmp_path / "pseudo.txt"
    extra.write_text("تهران\tB-LOC\n\n", encoding="utf-8")
    argv = [
        "--train", str(FIXTURE), "--dev", str(tmp_path / "absent.txt"), "--nsurl", str(tmp_path / "absent.txt"),
        "--only", "word", "--stack", "--out", str(tmp_path / "m.crfsuite"), "--extra", str(extra),
    ]
    with pytest.raises(SystemExit):
        train.main(argv)
    assert not (tmp_path / "m.crfsuite").exists()
