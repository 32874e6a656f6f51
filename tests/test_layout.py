"""The shape of the code: the test command is one, and the core's stages are packages."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block is not None
    return block.group(1).strip().splitlines()[1]


def test_ci_runs_the_readme_test_command() -> None:
    command = _readme_test_command()
    assert "ruff check" in command and "mypy" in command and "pytest" in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == command


def test_each_stage_is_a_package_exporting_its_entry_function() -> None:
    from reader.core import dates, loading, people, quotes, text

    assert callable(loading.load_document)
    assert callable(text.tokenize)
    assert callable(people.extract_entities)
    assert callable(quotes.extract_quotes)
    assert callable(dates.extract_dates)
    assert callable(dates.merge_date_tags)
    core = ROOT / "reader" / "core"
    for name in ("loading", "text", "ner", "people", "quotes", "dates", "export"):
        assert (core / name / "__init__.py").is_file(), name


def test_no_module_in_the_core_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "reader" / "core").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not long, long
