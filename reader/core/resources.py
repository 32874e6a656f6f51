"""Locating the app's bundled resources (fonts, models, samples) in ``resources/``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import reader

# resources/ is a top-level folder beside the reader/ package, both in a source
# checkout and in a frozen build that keeps the same layout.
_ROOT = Path(reader.__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("models", "ner.crfsuite")``."""
    return _ROOT.joinpath(*parts)


def package_data(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing it (hazm's import
    alone takes seconds): ``package_data("hazm", "data", "words.dat")``."""
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations, f"{package} is not installed"
    return Path(spec.submodule_search_locations[0]).joinpath(*parts)
