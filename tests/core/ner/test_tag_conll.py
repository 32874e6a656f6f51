"""``khana tag --conll`` gives back every input line: the same tokens, the same blank lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

TYPES = ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")


def _tag(tmp_path: Path, source: str) -> str:
    given = tmp_path / "tokens.txt"
    given.write_bytes(source.encode("utf-8"))
    out = tmp_path / "tagged.conll"
    assert main(["tag", "--conll", str(given), "-o", str(out)]) == 0
    return out.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    "source",
    [
        # Leading and repeated blank lines, no newline at the end.
        "\n\nوزیر\nخارجه\nآمریکا\nگفت\n.\n\n\n\nمايك\nپمپئو\nبه\nتوكيو\nرفت",
        # Arabic letters, ZWNJ, a token with an inner space, a tag column to be replaced, digits.
        "سخنگوی\nوزارت\nامور خارجه\nژاپن\tB-ORG\nمی‌گوید\n۱۴۰۲\nنفر\n.\n\n«\nهمشهری\n»\n",
        # One token, one sentence.
        "تهران\n",
    ],
)
def test_tokens_and_blank_lines_come_back_exactly(tmp_path: Path, source: str) -> None:
    text = _tag(tmp_path, source)
    assert text.endswith("\n") == source.endswith("\n")
    given_lines = source.split("\n")
    out_lines = text.split("\n")
    assert len(out_lines) == len(given_lines)
    for given, got in zip(given_lines, out_lines):
        if given == "":
            assert got == ""
            continue
        token, tag = got.split("\t")
        assert token == given.split("\t")[0]
        assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in TYPES)


def test_an_office_after_a_title_is_no_organisation(tmp_path: Path) -> None:
    lines = _tag(tmp_path, "وزیر\nخارجه\nآمریکا\nگفت\n.\n").split("\n")
    tags = [line.split("\t")[1] for line in lines if line]
    assert "ORG" not in "".join(tags[:3])
