"""The shape of the code: the test command is one, and the core's stages are packages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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


def test_the_app_analyses_without_the_training_only_packages(tmp_path: Path) -> None:
    """persian-names is in the train extra: analysis and the CLI run when it cannot be imported."""
    code = (
        "import sys\n"
        "sys.modules['persian_names'] = None  # importing it now raises ImportError\n"
        "from reader.cli import main\n"
        "code = main(['annotate', sys.argv[1], '--format', 'json', '-o', sys.argv[2]])\n"
        "assert code == 0, code\n"
    )
    sample = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-c", code, str(sample), str(out)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    people = [e for e in json.loads(out.read_text(encoding="utf-8"))["entities"] if e["type"] == "PER"]
    assert len(people) >= 7


def _module_imports() -> dict[str, set[str]]:
    """For each module of reader/, the reader modules it imports when it is imported (not in functions)."""
    import ast

    modules = {}
    for path in (ROOT / "reader").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            body = node.body if isinstance(node, (ast.If, ast.Try)) else [node]
            for statement in body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    subs = {f"{statement.module}.{a.name}" for a in statement.names} & modules.keys()
                    deps |= subs or {statement.module}
                elif isinstance(statement, ast.Import):
                    deps |= {a.name for a in statement.names}
        # A module's own packages are loaded before it, whatever it imports: no edge back to them.
        graph[name] = {d for d in deps if d in modules and d != name and not name.startswith(d + ".")}
    return graph


def test_no_import_circles_in_reader() -> None:
    graph = _module_imports()
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                circles.append([*path[path.index(dep) :], dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, circles
