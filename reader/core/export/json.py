"""JSON export: the "khana-annotations" contract, version 1, exactly as ``document.py`` defines it."""

from __future__ import annotations

from reader.core.document import Annotations, annotations_to_json


def render_json(ann: Annotations) -> str:
    """The annotations as an indented JSON file that ``annotations_from_json`` reads back."""
    return annotations_to_json(ann) + "\n"
