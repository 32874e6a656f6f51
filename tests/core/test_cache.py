"""The fast hazm start-up gives hazm's own results, keeps its cache right, and leaves full hazm usable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import cache

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
TRICKY = "اصلاح نويسه ها و استفاده از نیم‌فاصله پردازش را آسان مي كند... ۱۲۳ 45 می روم «سلام»!! کتاب‌هایمان"

_PROBE = r"""
import json, sys
text = open(sys.argv[1], encoding="utf-8").read() + "\n" + sys.argv[2]
if sys.argv[3] == "lean":
    from reader.core.cache import load_hazm
    normalizer, sentences, words = load_hazm()
else:
    import hazm
    normalizer, sentences, words = hazm.Normalizer(), hazm.SentenceTokenizer(), hazm.WordTokenizer(join_verb_parts=False)
out = [[words.tokenize(s) for s in sentences.tokenize(normalizer.normalize(p))] for p in text.split("\n")]
# Stand-ins (no __file__) are not imports: the real module loads on first use.
loaded = [m for m, mod in sys.modules.items() if getattr(mod, "__file__", None) is not None]
heavy = sorted({m.split(".")[0] for m in loaded} & {"sklearn", "scipy", "gensim", "numpy"})
extra = None
if sys.argv[3] == "lean":
    from hazm import SequenceTagger, POSTagger  # the rest of hazm still imports on demand
    import nltk
    from nltk.tokenize import TreebankWordTokenizer
    extra = [SequenceTagger.__name__, POSTagger.__name__, nltk.__version__ != "", TreebankWordTokenizer().tokenize("a b")]
print(json.dumps({"out": out, "heavy": heavy, "extra": extra}, ensure_ascii=False))
"""


def _probe(mode: str, cache_dir: Path) -> dict:
    env = {"KHANA_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(SAMPLE), TRICKY, mode],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, check=True, timeout=300,
    )
    return json.loads(result.stdout)


def test_lean_load_matches_full_hazm_and_writes_then_reads_its_cache(tmp_path: Path) -> None:
    full = _probe("full", tmp_path)
    cold = _probe("lean", tmp_path)
    written = sorted(p.name.split("-f")[0] for p in tmp_path.glob("*.marshal"))
    warm = _probe("lean", tmp_path)
    assert cold["out"] == full["out"] == warm["out"]
    assert written == ["hazm-verbs", "hazm-words"]
    assert cold["heavy"] == [] and warm["heavy"] == []
    assert warm["extra"] == ["SequenceTagger", "POSTagger", True, ["a", "b"]]


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    calls = []
    key = cache.cache_key([])
    (tmp_path / f"table-{key}.marshal").write_bytes(b"\x00garbage")
    (tmp_path / "table-old.marshal").write_bytes(b"stale")
    value = cache.cached_table("table", key, lambda: calls.append(1) or {"a": ("b", 1)})
    assert value == {"a": ("b", 1)} and calls == [1]
    assert cache.cached_table("table", key, lambda: calls.append(2)) == {"a": ("b", 1)} and calls == [1]
    assert [p.name for p in tmp_path.iterdir()] == [f"table-{key}.marshal"]


def test_the_key_follows_the_data_files(tmp_path: Path) -> None:
    data = tmp_path / "words.dat"
    data.write_text("a", encoding="utf-8")
    before = cache.cache_key([str(data)])
    data.write_text("ab", encoding="utf-8")
    assert cache.cache_key([str(data)]) != before
    assert f"py{sys.version_info[0]}{sys.version_info[1]}" in before


def test_the_key_hashes_the_bytes_not_the_size_or_date(tmp_path: Path) -> None:
    data = tmp_path / "words.dat"
    data.write_text("ab", encoding="utf-8")
    stamp = data.stat()
    before = cache.cache_key([str(data)])
    data.write_text("ba", encoding="utf-8")  # same size, and the same date put back
    os.utime(data, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert cache.cache_key([str(data)]) != before
    code = tmp_path / "build.py"
    code.write_text("x = 1\n", encoding="utf-8")
    with_code = cache.cache_key([str(data)], code_files=(str(code),))
    code.write_text("x = 2\n", encoding="utf-8")
    assert cache.cache_key([str(data)], code_files=(str(code),)) != with_code


def test_the_lexicon_is_rebuilt_when_its_words_file_changes(tmp_path: Path, monkeypatch) -> None:
    from reader.core.ner import features

    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path / "cache"))
    words = tmp_path / "words.dat"
    words.write_text("كتاب\t1000\tN\nرفت\t20\tV\n", encoding="utf-8")
    stamp = words.stat()
    first = features.load_lexicon(words)
    assert first.entries == {"کتاب": ("N", 3), "رفت": ("V", 1)}
    assert len(list((tmp_path / "cache").glob("ner-lexicon-*.marshal"))) == 1

    # A second load reads the cache: parsing is not called.
    monkeypatch.setattr(features, "_parse_lexicon", lambda path: pytest.fail("parsed again"))
    assert features.load_lexicon(words) == first
    monkeypatch.undo()
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path / "cache"))

    # New bytes under the same size and date: a new key, so the table is built again, not read stale.
    words.write_text("كتاب\t9000\tA\nرفت\t20\tV\n", encoding="utf-8")
    os.utime(words, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert features.load_lexicon(words).entries == {"کتاب": ("A", 3), "رفت": ("V", 1)}
    assert len(list((tmp_path / "cache").glob("ner-lexicon-*.marshal"))) == 1  # the stale table is gone


def test_a_lexicon_read_from_the_cache_equals_the_parsed_one(tmp_path: Path, monkeypatch) -> None:
    from reader.core.ner import features
    from reader.core.resources import package_data

    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    words = package_data("hazm", "data", "words.dat")
    parsed = features._parse_lexicon(words)
    assert features.load_lexicon(words).entries == parsed  # built and written
    read = features.load_lexicon(words).entries  # read back
    assert read == parsed and list(read) == list(parsed)


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(blocker / "sub"))
    assert cache.cached_table("table", "k", lambda: {"x": 1}) == {"x": 1}


def test_a_large_table_round_trips(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(tmp_path))
    table = {f"word{i}": f"verb{i % 7}" for i in range(1000)}
    assert cache.cached_table("big", "k", lambda: table) == table
    assert cache.cached_table("big", "k", dict) == table


_SKLEARN_PROBE = r"""
import json, sys
from reader.core.cache import lean_import_hazm
lean_import_hazm()
from hazm.sequence_tagger import SequenceTagger
before = "sklearn.base" in sys.modules
from hazm import sequence_tagger
score = sequence_tagger.accuracy_score([1, 0, 1, 1], [1, 1, 1, 1])
from sklearn.metrics import f1_score  # anything else gets the real module
print(json.dumps({"before": before, "score": score, "real": "sklearn.base" in sys.modules,
                  "f1": f1_score([1, 0], [1, 0])}))
"""


def test_sklearn_waits_until_the_tagger_really_needs_it(tmp_path: Path) -> None:
    env = {"KHANA_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", _SKLEARN_PROBE], capture_output=True, text=True,
                            env=env, cwd=ROOT, check=True, timeout=300)
    assert json.loads(result.stdout) == {"before": False, "score": 0.75, "real": True, "f1": 1.0}


def test_a_module_that_answers_every_attribute_is_not_taken_for_a_lazy_package(monkeypatch) -> None:
    # torch.ops makes up an object for any attribute name; completing the lazy packages asked
    # every module in sys.modules for "__khana_lazy__" and failed once torch had been imported.
    import types

    class Anything(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            return object()

    monkeypatch.setitem(sys.modules, "khana_test_anything", Anything("khana_test_anything"))
    assert cache._lazy_state(sys.modules["khana_test_anything"]) is None
    cache.complete_lazy_packages()  # must not raise
