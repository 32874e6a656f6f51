"""The people stage: the tagger's chunks become entities, with aliases merged and people's roles.

``mentions`` collects the chunks, ``aliases`` merges spellings and partial names, ``roles``
reads a person's role from an apposition or a title; ``entities`` runs the three in order.
The pipeline calls ``extract_entities``.
"""

from __future__ import annotations

from reader.core.people.entities import extract_entities

__all__ = ["extract_entities"]
