"""Fast hazm start-up: import only the modules Khana uses, and keep hazm's verb table in the user cache.

``import hazm`` runs ``hazm/__init__.py``, which imports every hazm module and
through them scikit-learn, SciPy, gensim and all of NLTK (1.5–4 s on a desktop),
though the normaliser and the tokenizers need only ``nltk.tokenize.api``,
``nltk.stem.api`` and flashtext. ``hazm.Normalizer()`` then spends 2–4 s
conjugating every verb of hazm's lexicon and reading ``words.dat`` three times.

``load_hazm()`` registers ``hazm`` and ``nltk`` (and the two NLTK subpackages
the tokenizers need) as *lazy packages*: module objects whose ``__init__`` has
not run yet. Their submodules import normally; the first time anything asks the
package itself for a name it does not have, the real ``__init__`` runs in place,
so later code that does ``from hazm import SequenceTagger`` or ``import nltk``
still gets the whole library. The verb table is computed once and stored with
``marshal`` in the user cache folder, keyed by hazm's version, the size and
modification time of its data files and the Python version; ``words.dat`` is
parsed once per process. A cache that cannot be read or written is only slower.

``load_hazm()`` returns the same objects as ``hazm.Normalizer()``,
``hazm.SentenceTokenizer()`` and ``hazm.WordTokenizer(join_verb_parts=False)``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator

# Bump when what is stored changes shape.
CACHE_FORMAT = 2
ENV_CACHE_DIR = "KHANA_CACHE_DIR"

_lock = threading.RLock()


def cache_dir() -> Path:
    """Khana's folder in the user cache (``$KHANA_CACHE_DIR`` overrides it, e.g. in tests)."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "Khana" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Khana"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "khana"


# ------------------------------------------------------------------ lazy packages


class _Pending:
    """Marks a lazy package whose ``__init__`` is running, so lookups during it fail normally."""


def _lazy_package(name: str) -> ModuleType | None:
    """Register package ``name`` without running its ``__init__``; None if it is already imported or absent."""
    if name in sys.modules:
        return None
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return None
    module = importlib.util.module_from_spec(spec)
    state: dict[str, Any] = {"done": False, "running": False}

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__") or state["done"] or state["running"]:
            raise AttributeError(f"module {name!r} has no attribute {attr!r}")
        # ``from package import submodule`` asks for the attribute first: import just that.
        if importlib.util.find_spec(f"{name}.{attr}") is not None:
            return importlib.import_module(f"{name}.{attr}")
        _complete(module, state)
        return getattr(module, attr)

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    module.__khana_lazy__ = state  # type: ignore[attr-defined]
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent and parent in sys.modules:
        setattr(sys.modules[parent], child, module)
    return module


def _complete(module: ModuleType, state: dict[str, Any]) -> None:
    """Import the real packages behind every pending lazy one, in NLTK's and hazm's own order.

    Running a package's ``__init__`` out of order trips NLTK's circular imports,
    so the lazy module objects are dropped from ``sys.modules``, the packages are
    imported afresh (their already-imported submodules are reused, so classes stay
    the same objects) and the lazy objects are filled from the real ones.
    """
    with _lock:
        if state["done"] or state["running"]:
            return
        lazy = {
            name: mod
            for name, mod in list(sys.modules.items())
            if getattr(mod, "__khana_lazy__", None) is not None and not mod.__khana_lazy__["done"]
        }
        for stub in lazy.values():
            stub.__khana_lazy__["running"] = True
        try:
            for name in lazy:
                del sys.modules[name]
            for name in sorted(lazy, key=lambda n: (n.split(".")[0] != "nltk", n.count("."), n)):
                importlib.import_module(name)
            for name, stub in lazy.items():
                real = sys.modules[name]
                # Submodules imported while the package was lazy are attributes of the real one too.
                for child_name, child in list(sys.modules.items()):
                    parent, _, child_attr = child_name.rpartition(".")
                    if parent == name and child is not None and child_attr not in vars(real):
                        setattr(real, child_attr, child)
                stub.__dict__.update({k: v for k, v in vars(real).items() if k != "__getattr__"})
                stub.__khana_lazy__["done"] = True
        except BaseException:
            for name, stub in lazy.items():
                sys.modules.setdefault(name, stub)
            raise
        finally:
            for stub in lazy.values():
                stub.__khana_lazy__["running"] = False


def _lazy_functions(name: str, functions: tuple[str, ...]) -> None:
    """Stand in for module ``name`` until one of its ``functions`` is called or another name is asked for.

    ``hazm.sequence_tagger`` imports ``sklearn.metrics`` (a second, with SciPy) for
    ``accuracy_score``, which only its ``evaluate`` calls; the stand-in defers that
    import to the first call. Any other attribute imports the real module at once.
    """
    if name in sys.modules or importlib.util.find_spec(name.partition(".")[0]) is None:
        return
    stub = ModuleType(name)

    def real() -> ModuleType:
        with _lock:
            if sys.modules.get(name) is stub:
                del sys.modules[name]
            return importlib.import_module(name)

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(f"module {name!r} has no attribute {attr!r}")
        return getattr(real(), attr)

    def deferred(function: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(real(), function)(*args, **kwargs)

        call.__name__ = function
        return call

    stub.__getattr__ = __getattr__  # type: ignore[method-assign]
    for function in functions:
        setattr(stub, function, deferred(function))
    sys.modules[name] = stub


def complete_lazy_packages() -> None:
    """Import the whole of every lazily registered package now."""
    for module in list(sys.modules.values()):
        state = getattr(module, "__khana_lazy__", None)
        if state is not None and not state["done"]:
            _complete(module, state)
            return


def lean_import_hazm() -> ModuleType:
    """The ``hazm`` package with only the modules the normaliser and tokenizers need imported."""
    with _lock:
        if "hazm" in sys.modules:
            hazm = sys.modules["hazm"]
            if getattr(hazm, "__khana_lazy__", None) is None:
                return hazm  # already fully imported: nothing to save
        for package in ("nltk", "nltk.tokenize", "nltk.stem"):
            _lazy_package(package)
        hazm = _lazy_package("hazm") or sys.modules["hazm"]
        if "SentenceTokenizer" in vars(hazm):
            return hazm
        # hazm's modules do ``from hazm import X``: give the lazy package each name before
        # the module needing it is imported, in hazm/__init__.py's own order.
        from hazm import utils

        for attr in (
            "default_verbs", "default_words", "stopwords_list", "words_list", "maketrans",
            "regex_replace", "NUMBERS", "informal_verbs", "informal_words", "abbreviations",
        ):
            setattr(hazm, attr, getattr(utils, attr))
        from hazm.stemmer import Stemmer

        hazm.Stemmer = Stemmer  # type: ignore[attr-defined]
        from hazm.word_tokenizer import WordTokenizer

        hazm.WordTokenizer = WordTokenizer  # type: ignore[attr-defined]
        from hazm.lemmatizer import Conjugation, Lemmatizer

        hazm.Conjugation, hazm.Lemmatizer = Conjugation, Lemmatizer  # type: ignore[attr-defined]
        from hazm.normalizer import Normalizer

        hazm.Normalizer = Normalizer  # type: ignore[attr-defined]
        from hazm.sentence_tokenizer import SentenceTokenizer

        hazm.SentenceTokenizer = SentenceTokenizer  # type: ignore[attr-defined]
        # For the NER tagger's ``hazm.sequence_tagger``, imported next by the tagger.
        _lazy_functions("sklearn.metrics", ("accuracy_score",))
        return hazm


# ------------------------------------------------------------------ lexicon cache


def _hazm_version() -> str:
    try:
        from importlib.metadata import version

        return version("hazm")
    except Exception:  # noqa: BLE001 - a frozen build may lack metadata; the file stamps still key the cache
        return "unknown"


def cache_key(data_files: list[str]) -> str:
    """What the cached tables depend on: format, Python, hazm's version and its data files' stamps."""
    parts = [f"f{CACHE_FORMAT}", f"py{sys.version_info[0]}{sys.version_info[1]}", f"hazm{_hazm_version()}"]
    for name in data_files:
        try:
            stat = os.stat(name)
            parts.append(f"{stat.st_size}-{int(stat.st_mtime)}")
        except OSError:
            parts.append("missing")
    return "_".join(parts)


# Written and read in pieces: one ``marshal.loads`` of the whole table would hold the GIL for
# a few hundred milliseconds, and the warm-up runs while the window is painting.
_PIECES = 32


def _cached(name: str, key: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``build()``'s dict, read from or written to ``cache_dir()/name-key.marshal``."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        with open(path, "rb") as handle:
            count = marshal.load(handle)
            value: dict[str, Any] = {}
            for _ in range(count):
                value.update(marshal.load(handle))
                time.sleep(0)  # let the GUI thread run between pieces
        return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        items = list(value.items())
        size = max(1, -(-len(items) // _PIECES))
        pieces = [dict(items[i : i + size]) for i in range(0, len(items), size)]
        with open(temporary, "wb") as handle:
            marshal.dump(len(pieces), handle)
            for piece in pieces:
                marshal.dump(piece, handle)
        os.replace(temporary, path)
        for stale in path.parent.glob(f"{name}-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
    return value


@contextlib.contextmanager
def _patched(module: ModuleType, attr: str, value: Any) -> Iterator[None]:
    original = getattr(module, attr)
    setattr(module, attr, value)
    try:
        yield
    finally:
        setattr(module, attr, original)


class _VerbTable:
    """Stands in for ``Lemmatizer(joined_verb_parts=False)`` where ``Normalizer`` only reads ``.verbs``."""

    def __init__(self, verbs: dict[str, str]) -> None:
        self.verbs = verbs


def load_hazm() -> tuple[Any, Any, Any]:
    """hazm's ``Normalizer()``, ``SentenceTokenizer()`` and ``WordTokenizer(join_verb_parts=False)``, built fast."""
    with _lock:
        hazm = lean_import_hazm()
        from hazm import lemmatizer as lemmatizer_module
        from hazm import normalizer as normalizer_module
        from hazm import utils
        from hazm import word_tokenizer as tokenizer_module

        key = cache_key([utils.default_words, utils.default_verbs])
        verbs = _cached("hazm-verbs", key, lambda: dict(hazm.Lemmatizer(joined_verb_parts=False).verbs))
        words: list[Any] = []
        original_words_list = tokenizer_module.words_list

        def words_list(words_file: str = utils.default_words) -> list[Any]:
            if words_file != utils.default_words:
                return original_words_list(words_file)
            if not words:
                words.extend(original_words_list(words_file))
            return words

        def lemmatizer(*args: Any, **kwargs: Any) -> Any:
            if args or kwargs != {"joined_verb_parts": False}:
                return lemmatizer_module.Lemmatizer(*args, **kwargs)
            return _VerbTable(verbs)

        with _patched(tokenizer_module, "words_list", words_list), _patched(normalizer_module, "Lemmatizer", lemmatizer):
            normalizer = hazm.Normalizer()
            words_tokenizer = hazm.WordTokenizer(join_verb_parts=False)
        return normalizer, hazm.SentenceTokenizer(), words_tokenizer
