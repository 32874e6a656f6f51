"""DAT entity-level F1 on PEYMA dev: the date extractor alone, the CRF alone, and the two merged.

    .venv/bin/python benchmarks/dat_eval.py [--data ../shared/data/peyma/dev.txt] [--errors]

Strict CoNLL chunk scoring (``reader.core.ner.scoring``). The CRF figures need the trained
model at ``resources/models/ner.crfsuite``; without it only the extractor is measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.dates import merge_date_tags  # noqa: E402
from reader.core.ner.corpus import read_tagged  # noqa: E402
from reader.core.ner.scoring import chunks, evaluate  # noqa: E402


def _only(tags: list[str], kinds: tuple[str, ...]) -> list[str]:
    return [t if t[2:] in kinds else "O" for t in tags]


def _errors(sentences: list[list[str]], gold: list[list[str]], pred: list[list[str]], kind: str) -> None:
    for tokens, g, p in zip(sentences, gold, pred):
        gc = {c for c in chunks(g) if c[0] == kind}
        pc = {c for c in chunks(p) if c[0] == kind}
        for _, s, e in sorted(gc - pc):
            print(f"MISS  {' '.join(tokens[s:e])!r:40}  …{' '.join(tokens[max(0, s - 4):e + 4])}")
        for _, s, e in sorted(pc - gc):
            print(f"FALSE {' '.join(tokens[s:e])!r:40}  …{' '.join(tokens[max(0, s - 4):e + 4])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "peyma" / "dev.txt"))
    parser.add_argument("--errors", choices=("extractor", "crf", "merged"), help="list DAT mistakes")
    args = parser.parse_args()

    data = read_tagged(args.data)
    tokens = [[tok for tok, _ in s] for s in data]
    gold = [[tag for _, tag in s] for s in data]
    runs: dict[str, list[list[str]]] = {}
    runs["extractor"] = [merge_date_tags(t, ["O"] * len(t)) for t in tokens]
    try:
        from reader.core.ner.tagger import NerTagger

        crf = NerTagger.load().tag(tokens)
    except (FileNotFoundError, ImportError) as exc:
        print(f"CRF not measured: {exc}")
    else:
        runs["crf"] = crf
        runs["merged"] = [merge_date_tags(t, c) for t, c in zip(tokens, crf)]
    for name, pred in runs.items():
        report = evaluate(gold, pred)
        dat, tim = report.micro(["DAT"]), report.micro(["TIM"])
        print(f"{name:<10} DAT P {dat.precision:.3f} R {dat.recall:.3f} F1 {dat.f1:.3f}"
              f"   TIM F1 {tim.f1:.3f}  (gold DAT {dat.gold}, predicted {dat.predicted})")
    if args.errors and args.errors in runs:
        _errors(tokens, gold, runs[args.errors], "DAT")


if __name__ == "__main__":
    main()
