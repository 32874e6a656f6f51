"""The start-up changes recommended for text.py and tagger.py, applied at run time for measuring.

``startup.py --patched`` runs khana with these so the effect can be measured before the owners
apply them. They are exactly the patches in the issue report: hazm built through
``reader.core.cache.load_hazm()``, and the CRF model opened with ``pycrfsuite.Tagger`` directly
instead of through ``hazm.SequenceTagger`` (whose import pulls in all of hazm, scikit-learn and
SciPy).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def apply() -> None:
    from reader.core import text
    from reader.core.ner import tagger as tagger_module

    def hazm_init(self: Any) -> None:
        from reader.core.cache import load_hazm

        self.normalizer, self.sentences, self.words = load_hazm()
        for src, dst in zip(self.normalizer.translation_src, self.normalizer.translation_dst):
            text._HAZM_KEY.setdefault(src, text._LETTER_FOLD.get(dst, dst))

    text._Hazm.__init__ = hazm_init  # type: ignore[method-assign]

    class _Crf:
        """``hazm.SequenceTagger``'s ``tag`` on ``pycrfsuite.Tagger``, without importing hazm."""

        def __init__(self, model: str, data_maker: Any) -> None:
            import pycrfsuite

            self.model = pycrfsuite.Tagger()
            self.model.open(model)
            self.data_maker = data_maker

        def tag(self, tokens: list[str]) -> list[tuple[str, str]]:
            return list(zip(tokens, self.model.tag(self.data_maker([tokens])[0])))

    @classmethod  # type: ignore[misc]
    def load(cls: Any, path: Path | None = None) -> Any:
        from reader.core.ner.features import FeatureExtractor

        model = Path(path) if path is not None else tagger_module.default_model_path()
        if not model.is_file():
            raise FileNotFoundError(f"NER model not found: {model}")
        extractor = FeatureExtractor(tagger_module.load_config(model))
        return cls(_Crf(str(model), extractor.sentences), extractor)

    tagger_module.NerTagger.load = load  # type: ignore[method-assign]
