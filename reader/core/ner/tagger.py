"""The runtime named-entity tagger: the shipped CRF model behind a two-method API.

The model is a crfsuite file. Tagging scores it in NumPy (``crf.CrfDecoder``), with the
same tags as crfsuite's own tagger in under half its time, once a tagger has been given
``FAST_MIN_TOKENS`` tokens; before that crfsuite tags, because importing NumPy and loading
the weights (0.2 s) would cost the first short articles more than it saves, and the first
article's analysis is what the reader waits for at start-up. crfsuite also tags a stacked
second stage.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from reader.core.resources import resource_path

if TYPE_CHECKING:
    from reader.core.ner.crf import CrfDecoder
    from reader.core.ner.features import FeatureConfig, FeatureExtractor

MODEL_NAME = "ner.crfsuite"
# Tokens tagged (this call's included) from which the NumPy decoder is loaded, once, and used:
# it takes about 0.2 s to load (NumPy's import half of it, the 9 MB model's weights the rest)
# and then tags four times as fast as crfsuite (290,000 tokens/s against 70,000). PEYMA dev through
# ``khana tag --conll`` (26,800 tokens) takes as long either way (0.78–0.81 s with the decoder,
# 0.77–0.89 s with crfsuite); an article of a few thousand words never imports NumPy.
FAST_MIN_TOKENS = 20_000
Decoding = Literal["auto", "numpy", "crfsuite"]
_CACHE_LIMIT = 200_000


class _Crf:
    """A trained CRF opened with python-crfsuite, as ``model`` (where hazm's SequenceTagger keeps it).

    Tagging calls ``model.tag`` on finished feature lists; hazm's wrapper would only rebuild
    them through a data maker, and importing it imports NumPy (and, on first use, scikit-learn).
    """

    def __init__(self, path: Path) -> None:
        from pycrfsuite import Tagger

        self.model = Tagger()
        self.model.open(str(path))


def default_model_path() -> Path:
    """Where the model shipped with the app lives (``resources/models/ner.crfsuite``)."""
    return resource_path("models", MODEL_NAME)


def config_path(model: Path) -> Path:
    """The side file naming the feature groups a model was trained with."""
    return model.with_suffix(".features.json")


def stage2_path(model: Path) -> Path:
    """The second-stage (stacked) CRF beside a model, used when it exists."""
    return model.with_suffix(".stage2.crfsuite")


def stage2_keep(model: Path) -> tuple[bytes, ...] | None:
    """The first-stage feature prefixes a model's second stage keeps (None: all of them)."""
    side = stage2_path(model).with_suffix(".json")
    if not side.is_file():
        return None
    return tuple(p.encode() for p in json.loads(side.read_text(encoding="utf-8"))["keep"])


def save_stage2_keep(model: Path, keep: Sequence[str] | None) -> None:
    side = stage2_path(model).with_suffix(".json")
    if keep is None:
        side.unlink(missing_ok=True)
    else:
        side.write_text(json.dumps({"keep": list(keep)}, ensure_ascii=False) + "\n", encoding="utf-8")


def save_config(model: Path, config: FeatureConfig) -> None:
    data: dict[str, Any] = {"groups": sorted(config.groups), "scheme": config.scheme}
    if config.org_heads:
        data["org_heads"] = sorted(config.org_heads)
    if config.org_tails:
        data["org_tails"] = sorted(config.org_tails)
    if config.first_names:
        data["first_names"] = sorted(config.first_names)
    config_path(model).write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")


def load_config(model: Path) -> FeatureConfig:
    from reader.core.ner.features import FeatureConfig

    side = config_path(model)
    if not side.exists():
        return FeatureConfig()
    data = json.loads(side.read_text(encoding="utf-8"))
    return FeatureConfig(
        frozenset(data["groups"]),
        org_heads=frozenset(data.get("org_heads", ())),
        org_tails=frozenset(data.get("org_tails", ())),
        first_names=frozenset(data.get("first_names", ())),
        scheme=data.get("scheme", "iob"),
    )


def to_bilou(tags: Sequence[str]) -> list[str]:
    """IOB2 tags in BILOU: the last token of a chunk is ``L-``, a one-token chunk ``U-``."""
    out = list(tags)
    n = len(tags)
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        kind = tag[2:]
        ends = i + 1 >= n or tags[i + 1] != f"I-{kind}"
        if tag[0] == "B":
            out[i] = f"U-{kind}" if ends else tag
        elif ends:
            out[i] = f"L-{kind}"
    return out


def from_bilou(tags: Sequence[str]) -> list[str]:
    """BILOU tags back in IOB2 (``U-`` → ``B-``, ``L-`` → ``I-``)."""
    return [("B" + t[1:] if t[0] == "U" else "I" + t[1:] if t[0] == "L" else t) for t in tags]


class NerTagger:
    """Tags tokenised sentences with ``O``/``B-X``/``I-X`` (PER, LOC, ORG, DAT, TIM, MON, PCT).

    Thread-safe: one call at a time uses the shared feature cache.
    """

    def __init__(self, extractor: FeatureExtractor) -> None:
        self._extractor = extractor
        self._bilou = extractor.config.scheme == "bilou"
        self._lock = threading.Lock()
        self._tagger: Any = None
        self._decoder: CrfDecoder | None = None
        self._decoding: Decoding = "crfsuite"
        self._model: Path | None = None
        self._tagged = 0  # tokens given to ``tag`` so far, for ``FAST_MIN_TOKENS``
        self._stage2: Any = None
        self._keep: tuple[bytes, ...] | None = None
        # Whether the document pass takes an office's portfolio after a title as a role (measured switch).
        self.offices = True

    @property
    def stacked(self) -> bool:
        """Whether a second CRF re-tags the first one's output."""
        return self._stage2 is not None

    @classmethod
    def load(cls, path: Path | None = None, *, stacked: bool = True, decoding: Decoding = "auto") -> NerTagger:
        """Open a trained model (default: the shipped one); hazm is imported only now.

        Its second stage (``stage2_path``) is used when present, unless ``stacked`` is false.
        ``decoding``: who scores the first stage: ``"numpy"`` (``crf.CrfDecoder``), ``"crfsuite"``,
        or ``"auto"``: NumPy once ``FAST_MIN_TOKENS`` tokens have been tagged.
        """
        # hazm's stemmer is imported from its module: the package's __init__ would also load
        # gensim, fasttext and all of NLTK, a second or more the reader never uses.
        from reader.core.cache import lean_import_hazm

        lean_import_hazm()
        from reader.core.ner.features import FeatureExtractor

        model = Path(path) if path is not None else default_model_path()
        if not model.is_file():
            raise FileNotFoundError(f"NER model not found: {model}")
        from reader.core.ner.clusters import ClassTable, clusters_path

        config = load_config(model)
        clusters = ClassTable.open(clusters_path(model)) if config.has("cluster") or config.has("freq") else None
        tagger = cls(FeatureExtractor(config, clusters))
        tagger._tagger = _Crf(model)
        tagger._model, tagger._decoding = model, decoding
        if decoding == "numpy":
            tagger._load_decoder()
        second = stage2_path(model)
        if stacked and second.is_file():
            tagger._stage2 = _Crf(second)
            tagger._keep = stage2_keep(model)
        return tagger

    def expect(self, tokens: int) -> None:
        """Say that about ``tokens`` tokens are coming, in calls to ``tag``.

        An ``"auto"`` tagger told of ``FAST_MIN_TOKENS`` or more loads the NumPy decoder now, so
        a long text's first calls are not tagged by crfsuite at four times the cost (the tags are the same).
        """
        with self._lock:
            if tokens >= FAST_MIN_TOKENS and self._decoding == "auto" and self._stage2 is None:
                self._load_decoder()

    def release(self) -> None:
        """Let go of what only makes more tagging faster: the NumPy decoder's tables and the words'
        cached features (tens of MB after a long text). A later call builds what it needs again."""
        with self._lock:
            self._extractor.clear()
            self._decoder = None

    def tag(self, sentences: Sequence[Sequence[str]], *, document: bool = True) -> list[list[str]]:
        """One tag per token, in the shape of ``sentences``.

        With ``document`` (the default) the sentences are taken as one article and
        a name tagged in one of them is tagged in the others too (see ``consistency``);
        pass a single article per call, not a corpus.
        """
        from reader.core.ner.consistency import propagate
        from reader.core.ner.features import feature_key

        # Every token folded once, for the features, the document pass and the consistency pass.
        keys = [[feature_key(t) for t in s] for s in sentences]
        tags = self._tag_sentences(sentences, keys)
        if not document:
            return tags
        return propagate(
            sentences, tags, self._extractor.lexicon, self._extractor.config.first_names, offices=self.offices,
            keys=keys,
        )

    def _tag_sentences(self, sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[str]]) -> list[list[str]]:
        with self._lock:
            extractor = self._extractor
            try:
                extractor.pin_document(sentences, keys)
                decoder = self._decoder_for(sentences)
                if decoder is not None:
                    tags = decoder.tag(sentences, keys)
                    return [from_bilou(t) if self._bilou else t for t in tags]
                captured: list[list[list[bytes]]] | None = [] if self._stage2 is not None else None
                crf_tag = self._tagger.model.tag
                result: list[list[str]] = []
                for sentence, sentence_keys in zip(sentences, keys):
                    if not sentence:
                        result.append([])
                        continue
                    features = extractor.sentence(sentence, sentence_keys)
                    if captured is not None:
                        captured.append(features)
                    tagged = crf_tag(features)
                    result.append(from_bilou(tagged) if self._bilou else tagged)
                if captured is not None:
                    result = self._restage(sentences, result, keys, captured)
                return result
            finally:
                extractor.pin_document(None)
                # Token features stay cached across articles (most words recur), up to a bound.
                if extractor.cached_tokens() > _CACHE_LIMIT:
                    extractor.clear()
                    if self._decoder is not None:
                        self._decoder.clear()

    def _load_decoder(self) -> CrfDecoder:
        from reader.core.ner.crf import CrfDecoder, CrfWeights

        assert self._model is not None
        if self._decoder is None:
            self._decoder = CrfDecoder(CrfWeights.load(self._model), self._extractor)
            if self._decoding == "auto" and self._stage2 is None:
                # crfsuite tags nothing more for this tagger: its copy of the model (9 MB) is let go.
                self._tagger = None
        return self._decoder

    def _decoder_for(self, sentences: Sequence[Sequence[str]]) -> CrfDecoder | None:
        """The NumPy decoder if it is to tag this call (see ``load``'s ``decoding``), else None."""
        if self._stage2 is not None or self._decoding == "crfsuite":
            return None
        self._tagged += sum(map(len, sentences))
        # crfsuite tags a short text, unless it was let go (``_load_decoder``) before ``release``.
        crfsuite_kept = self._tagger is not None
        if self._decoder is None and crfsuite_kept and self._decoding == "auto" and self._tagged < FAST_MIN_TOKENS:
            return None
        return self._load_decoder()

    def _restage(
        self, sentences: Sequence[Sequence[str]], first: list[list[str]], keys: Sequence[Sequence[str]],
        captured: list[list[list[bytes]]],
    ) -> list[list[str]]:
        """Stage 2 over an article stage 1 has tagged: the feature lists it built (``captured``, one
        per non-empty sentence), extended, tagged again."""
        from reader.core.ner.stacking import add_label_features

        built = iter(captured)
        features = [next(built) if s else [] for s in sentences]
        add_label_features(features, keys, first, self._extractor.rare, self._keep)
        crf_tag = self._stage2.model.tag
        return [crf_tag(feats) if sentence else [] for sentence, feats in zip(sentences, features)]
