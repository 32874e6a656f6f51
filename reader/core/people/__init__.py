"""The people stage: the tagger's chunks become entities, with aliases merged and people's roles.

``mentions`` collects the chunks, ``aliases`` merges spellings and partial names, ``roles``
reads a person's role from an apposition or a title; ``entities`` runs the three in order.
Around them the pipeline's people stage runs ``hints`` (names in «…» before an office),
``amounts`` (whole amounts; no place inside a date), ``coref`` (titles and pronouns as
mentions of a person) and ``duties`` (a role given as a duty). The pipeline calls
``extract_entities`` and those four.
"""

from __future__ import annotations

from reader.core.people.entities import extract_entities

__all__ = ["extract_entities"]
