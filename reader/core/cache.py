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
``marshal`` in the user cache folder, and so is ``words.dat`` as the tokenizer reads
it; both are keyed by hazm's version, the Python version and a hash of the data
files' bytes, so a changed file (even one of the same size and date) means a new
key and a rebuilt table, never a stale one. A cache that cannot be read or written
is only slower.

``load_hazm()`` returns the same objects as ``hazm.Normalizer()``,
``hazm.SentenceTokenizer()`` and ``hazm.WordTokenizer(join_verb_parts=False)``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator

# Bump when what is stored changes shape.
CACHE_FORMAT = 3
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


def _lazy_state(module: object) -> dict[str, Any] | None:
    """A lazy package's state, read from its own namespace: a module's ``__getattr__`` (torch's
    ``torch.ops`` makes up an object for any name) must not be asked."""
    state = getattr(module, "__dict__", {}).get("__khana_lazy__")
    return state if isinstance(state, dict) else None


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
            if (pending := _lazy_state(mod)) is not None and not pending["done"]
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
        state = _lazy_state(module)
        if state is not None and not state["done"]:
            _complete(module, state)
            return


def lean_import_hazm() -> ModuleType:
    """The ``hazm`` package with only the modules the normaliser and tokenizers need imported."""
    with _lock:
        if "hazm" in sys.modules:
            hazm = sys.modules["hazm"]
            if _lazy_state(hazm) is None:
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


def file_digest(path: str | os.PathLike[str]) -> str:
    """A hash of the file's bytes (blake2b, 12 bytes in hex); ``missing`` if it cannot be read."""
    digest = hashlib.blake2b(digest_size=12)
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return "missing"
    return digest.hexdigest()


def cache_key(data_files: list[str], code_files: tuple[str, ...] = ()) -> str:
    """What a cached table depends on: format, Python, hazm's version, and the bytes of its files.

    ``data_files`` are the data it is built from; ``code_files`` the source of the code that
    builds it, where that is Khana's (a change in how the table is computed is a new key too).
    Hashing ``words.dat`` (3.6 MB) takes a few milliseconds.
    """
    parts = [f"f{CACHE_FORMAT}", f"py{sys.version_info[0]}{sys.version_info[1]}", f"hazm{_hazm_version()}"]
    parts.extend(file_digest(name) for name in data_files)
    if code_files:
        code = hashlib.blake2b(digest_size=6)
        for name in code_files:
            code.update(file_digest(name).encode())
        parts.append(code.hexdigest())
    return "_".join(parts)


def cached_table(name: str, key: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``build()``'s dict, read from or written to ``cache_dir()/name-key.marshal`` (written atomically).

    The file is read whole and unmarshalled from memory: ``marshal.load`` on a file object
    reads in small pieces and took four times as long for the 14 MB verb table. The tables are
    loaded in the analysis process (``reader.core.worker``), not the window's, so one long
    call holding the interpreter lock freezes nothing.
    """
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        value = marshal.loads(path.read_bytes())
        if isinstance(value, dict):
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            marshal.dump(value, handle)
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
        verbs = cached_table("hazm-verbs", key, lambda: dict(hazm.Lemmatizer(joined_verb_parts=False).verbs))
        original_words_list = tokenizer_module.words_list
        words_key = cache_key([utils.default_words])
        asked: list[str] = []

        def by_word() -> dict[str, Any]:
            # What WordTokenizer makes of the list: word → (count, parts of speech), the last
            # line of a repeated word winning at the place of its first.
            return {item[0]: (item[1], item[2]) for item in original_words_list(utils.default_words)}

        def words_list(words_file: str = utils.default_words) -> list[Any]:
            # Only WordTokenizer calls this here, and turns it straight into a dict, which
            # nothing reads before the normaliser is made: it gets an empty list, and the
            # cached dict (the same) is put in place after (rebuilding it from a list of
            # 190,000 tuples took 0.1 s).
            if words_file != utils.default_words:
                return original_words_list(words_file)
            asked.append(words_file)
            return []

        def lemmatizer(*args: Any, **kwargs: Any) -> Any:
            if args or kwargs != {"joined_verb_parts": False}:
                return lemmatizer_module.Lemmatizer(*args, **kwargs)
            return _VerbTable(verbs)

        with _patched(tokenizer_module, "words_list", words_list), _patched(normalizer_module, "Lemmatizer", lemmatizer):
            normalizer = hazm.Normalizer()
        if asked:
            words = cached_table("hazm-words", words_key, by_word)
            normalizer.tokenizer.words = words
            if hasattr(normalizer, "words"):
                normalizer.words = words  # ``Normalizer`` keeps its tokenizer's dict as its own
        # The normaliser made its own WordTokenizer(join_verb_parts=False): the one wanted here,
        # and stateless, so it is shared rather than its words dict built a second time.
        words_tokenizer = normalizer.tokenizer
        return normalizer, hazm.SentenceTokenizer(), words_tokenizer
