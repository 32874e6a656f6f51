"""Title and pronoun links on real news, for reading by hand: random Hamshahri articles through analyse().

    .venv/bin/python benchmarks/coref_spot.py [SEED] [COUNT]

Prints every title and pronoun mention with the entity it was linked to and the words around it,
then the totals. Reads ../shared/data/unlabeled/hamshahri.txt (not shipped).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from reader.core.document import Document
from reader.core.pipeline import analyse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "unlabeled" / "hamshahri.txt"


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    articles = [a for a in CORPUS.read_text(encoding="utf-8").split("\n\n") if a.strip()]
    random.seed(seed)
    news = [a for a in articles if ("وي " in a or "وزير" in a) and 800 < len(a) < 3500]
    totals: Counter[str] = Counter()
    for number, text in enumerate(random.sample(news, count)):
        ann = analyse(Document(text=text))
        print(f"=== article {number}")
        for entity in ann.entities:
            for m in entity.mentions:
                if m.kind == "name" or entity.type not in ("PER", "ORG"):
                    continue
                totals[f"{m.kind} {entity.type}"] += 1
                around = f"{text[max(0, m.start - 60):m.start]}[[{text[m.start:m.end]}]]{text[m.end:m.end + 30]}"
                print(f"{m.kind:8} {entity.name} | {entity.role} || {' '.join(around.split())}")
    print(dict(totals))


if __name__ == "__main__":
    main()
