"""The test tree keeps its tiers: unit tests start no process, server or browser, and no test
leans on a benchmark script (benchmarks measure; what a test needs lives in tests/)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
BENCHMARKS = {path.stem for path in (TESTS.parent / "benchmarks").glob("*.py")}
# what starts a process, a server or a browser: system and browser tiers only
SPAWNING = {"subprocess", "multiprocessing", "selenium", "waitress", "kaleido", "choreographer"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_test_imports_or_runs_a_benchmark_script() -> None:
    assert "load" in BENCHMARKS  # the scan sees benchmarks/
    offenders = []
    for path in sorted(set(TESTS.rglob("*.py")) - {Path(__file__).resolve()}):
        text = path.read_text(encoding="utf-8")
        imported = {name.split(".")[0] for name in _imports(path)} & (BENCHMARKS | {"benchmarks"})
        if imported or '"benchmarks"' in text or "'benchmarks'" in text:  # a path built to it
            offenders.append(f"{path.relative_to(TESTS)}: {sorted(imported) or 'a path to it'}")
    assert offenders == []


def test_no_unit_test_imports_what_starts_a_process_a_server_or_a_browser() -> None:
    offenders = {
        str(path.relative_to(TESTS)): sorted(names)
        for path in sorted((TESTS / "unit").glob("test_*.py"))
        if (names := {n.split(".")[0] for n in _imports(path)} & SPAWNING)
    }
    assert offenders == {}
