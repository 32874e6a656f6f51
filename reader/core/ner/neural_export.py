"""Exporting a trained neural tagger: ONNX emissions and a JSON side file for ``neural``.

Split out of ``train_neural`` (training only; the app never imports either).
"""

from __future__ import annotations

import json
import warnings
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.ner.neural import FEATURE_COLUMNS, LABELS

if TYPE_CHECKING:
    from reader.core.ner.train_neural import Trained



def _export_onnx(emitter: Any, path: Path) -> None:
    import torch

    words = torch.ones(2, 5, dtype=torch.int64)
    chars = torch.ones(2, 5, 4, dtype=torch.int64)
    reverse = torch.tensor([[4, 3, 2, 1, 0], [2, 1, 0, 3, 4]], dtype=torch.int64)
    args: tuple[Any, ...] = (words, chars, reverse)
    names = ["words", "chars", "reverse"]
    axes = {
        "words": {0: "batch", 1: "time"},
        "chars": {0: "batch", 1: "time", 2: "letters"},
        "reverse": {0: "batch", 1: "time"},
        "emissions": {0: "batch", 1: "time"},
    }
    if len(emitter.features):
        args += (torch.ones(2, 5, len(FEATURE_COLUMNS), dtype=torch.int64),)
        names.append("features")
        axes["features"] = {0: "batch", 1: "time"}
    torch.onnx.export(
        emitter,
        args,
        str(path),
        input_names=names,
        output_names=["emissions"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )


def export(trained: Trained, out: Path) -> tuple[Path, Path]:
    """Write ``out.onnx`` (emissions; word table in float16) and ``out.json`` (tables, CRF arrays)."""
    import torch

    onnx_path = out.with_suffix(".onnx")
    side_path = out.with_suffix(".json")
    out.parent.mkdir(parents=True, exist_ok=True)
    emitter = trained.emitter
    # The word table ships in float16 (half the size); the model exported and scored is the
    # rounded one, so torch and onnxruntime agree.
    with torch.no_grad():
        emitter.words.weight.copy_(emitter.words.weight.half().float())
    half = emitter.words.weight.detach().half()
    emitter.embed_words = lambda words: torch.nn.functional.embedding(words, half).float()
    with warnings.catch_warnings():
        # The TorchScript exporter is deprecated but exports nn.LSTM as ONNX's LSTM op, which the
        # torch.export one (it needs onnxscript) does not promise; its batch-size warning is about
        # initial states given as constants, which this model leaves to ONNX's zero default.
        warnings.simplefilter("ignore")
        _export_onnx(emitter, onnx_path)
    del emitter.embed_words
    side: dict[str, Any] = {
        "labels": list(LABELS),
        "vocab": trained.tables.vocab,
        "chars": trained.tables.chars,
        "transitions": trained.transitions.tolist(),
        "start": trained.start.tolist(),
        "end": trained.end.tolist(),
        "settings": asdict(trained.settings),
    }
    if trained.tables.features:
        side["feature_columns"] = list(FEATURE_COLUMNS)
        side["features"] = trained.tables.features
        side["first_names"] = sorted(trained.tables.first_names)
    side_path.write_text(json.dumps(side, ensure_ascii=False) + "\n", encoding="utf-8")
    return onnx_path, side_path
