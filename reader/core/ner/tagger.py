"""The runtime named-entity tagger: the shipped CRF model behind a two-method API."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from reader.core.resources import resource_path

if TYPE_CHECKING:
    from reader.core.ner.features import FeatureConfig, FeatureExtractor

MODEL_NAME = "ner.crfsuite"
_CACHE_LIMIT = 200_000


def default_model_path() -> Path:
    """Where the model shipped with the app lives (``resources/models/ner.crfsuite``)."""
    return resource_path("models", MODEL_NAME)


def config_path(model: Path) -> Path:
    """The side file naming the feature groups a model was trained with."""
    return model.with_suffix(".features.json")


def save_config(model: Path, config: "FeatureConfig") -> None:
    data: dict[str, Any] = {"groups": sorted(config.groups), "scheme": config.scheme}
    if config.org_heads:
        data["org_heads"] = sorted(config.org_heads)
    config_path(model).write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")


def load_config(model: Path) -> "FeatureConfig":
    from reader.core.ner.features import FeatureConfig

    side = config_path(model)
    if not side.exists():
        return FeatureConfig()
    data = json.loads(side.read_text(encoding="utf-8"))
    return FeatureConfig(
        frozenset(data["groups"]),
        org_heads=frozenset(data.get("org_heads", ())),
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

    def __init__(self, sequence_tagger: Any, extractor: "FeatureExtractor") -> None:
        self._tagger = sequence_tagger
        self._extractor = extractor
        self._bilou = extractor.config.scheme == "bilou"
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path | None = None) -> "NerTagger":
        """Open a trained model (default: the shipped one); hazm is imported only now."""
        # hazm's own tagger class, from its module: the package's __init__ would also load
        # gensim, fasttext and all of NLTK, a second or more the reader never uses.
        from reader.core.cache import lean_import_hazm

        lean_import_hazm()
        from hazm.sequence_tagger import SequenceTagger

        from reader.core.ner.features import FeatureExtractor

        model = Path(path) if path is not None else default_model_path()
        if not model.is_file():
            raise FileNotFoundError(f"NER model not found: {model}")
        from reader.core.ner.clusters import clusters_path, load_clusters

        config = load_config(model)
        clusters = load_clusters(clusters_path(model)) if config.has("cluster") else None
        extractor = FeatureExtractor(config, clusters)
        return cls(SequenceTagger(model=str(model), data_maker=extractor.sentences), extractor)

    def tag(self, sentences: Sequence[Sequence[str]], *, document: bool = True) -> list[list[str]]:
        """One tag per token, in the shape of ``sentences``.

        With ``document`` (the default) the sentences are taken as one article and
        a name tagged in one of them is tagged in the others too (see ``consistency``);
        pass a single article per call, not a corpus.
        """
        from reader.core.ner.consistency import propagate

        tags = self._tag_sentences(sentences)
        if not document:
            return tags
        return propagate(sentences, tags, self._extractor.lexicon)

    def _tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        with self._lock:
            try:
                self._extractor.pin_document(sentences)
                result: list[list[str]] = []
                for sentence in sentences:
                    if not sentence:
                        result.append([])
                        continue
                    tagged = [tag for _, tag in self._tagger.tag(list(sentence))]
                    result.append(from_bilou(tagged) if self._bilou else tagged)
                return result
            finally:
                self._extractor.pin_document(None)
                # Token features stay cached across articles (most words recur), up to a bound.
                if self._extractor.cached_tokens() > _CACHE_LIMIT:
                    self._extractor.clear()
