"""Exports of an article's annotations: JSON, the annotated HTML copy, brat standoff, CoNLL.

``export(ann, fmt)`` returns ``{suffix: content}``, one entry per file to write
beside each other (brat needs two), so a caller saves them all with
``storage.atomic_write`` under one base name. ``folder_files(fmt)`` names the
files a format needs once per folder (brat's ``annotation.conf``); a caller
writes each only where none exists yet.
"""

from __future__ import annotations

from reader.core.document import Annotations
from reader.core.export.brat import CONF_NAME, render_brat, render_brat_conf
from reader.core.export.conll import render_conll
from reader.core.export.html import render_annotated_html
from reader.core.export.json import render_json

FORMATS = ("json", "html", "brat", "conll")


def export(ann: Annotations, fmt: str) -> dict[str, str]:
    """The files of format ``fmt`` for ``ann`` as {suffix: content}; ValueError for an unknown format."""
    if fmt == "json":
        return {".json": render_json(ann)}
    if fmt == "html":
        return {".html": render_annotated_html(ann)}
    if fmt == "brat":
        text, standoff = render_brat(ann)
        return {".txt": text, ".ann": standoff}
    if fmt == "conll":
        return {".conll": render_conll(ann)}
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


_SUFFIXES = {"json": (".json",), "html": (".html",), "brat": (".txt", ".ann"), "conll": (".conll",)}


def export_suffixes(fmt: str) -> tuple[str, ...]:
    """The suffixes ``export(ann, fmt)`` returns, in its order, without rendering anything."""
    try:
        return _SUFFIXES[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def folder_files(fmt: str) -> dict[str, str]:
    """{file name: content} of what ``fmt`` needs once in the folder it is saved to."""
    return {CONF_NAME: render_brat_conf()} if fmt == "brat" else {}


__all__ = ["FORMATS", "export", "export_suffixes", "folder_files", "render_annotated_html", "render_brat", "render_conll", "render_json"]
