"""What ``pyproject.toml`` declares covers what the code needs: every third-party import comes from
a declared distribution, and every package folder is in the wheel.

Why: in the checkout everything installed in the venv is importable and every folder is found, so
a missing declaration only shows after ``pip install .`` on someone else's machine (the wheel
test in tests/system proves the whole install; this catches the common slips in a second).
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = ("extract", "dashboard")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# imports the optional ``cluster`` extra provides (``dateline extract --engine dask``)
OPTIONAL = {"dask": "cluster", "distributed": "cluster"}


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement ("dash-ag-grid>=31" -> "dash-ag-grid")."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match[1]).lower()


def _imports(path: Path) -> set[str]:
    """Top-level names of the absolute imports in ``path``, inside functions too."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _third_party_imports() -> dict[str, list[str]]:
    """Third-party import name -> the files importing it."""
    found: dict[str, list[str]] = {}
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name in _imports(path):
                if name not in sys.stdlib_module_names and name not in CODE:
                    found.setdefault(name, []).append(str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_comes_from_a_declared_dependency() -> None:
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    extras = {
        extra: {_name(r) for r in requirements}
        for extra, requirements in PYPROJECT["project"]["optional-dependencies"].items()
    }
    providers = md.packages_distributions()
    imports = _third_party_imports()
    assert "pandas" in imports and "dash" in imports  # the scan sees the code
    missing = []
    for name, files in sorted(imports.items()):
        distributions = {_name(d) for d in providers.get(name, [])}
        assert distributions, f"nothing installed provides {name!r} (imported in {files})"
        allowed = declared | extras.get(OPTIONAL.get(name, ""), set())
        if not distributions & allowed:
            missing.append(f"{name} ({', '.join(sorted(distributions))}) imported in {files}")
    assert missing == [], "declare in [project].dependencies:\n" + "\n".join(missing)


def test_every_package_folder_is_in_the_wheel() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for folder in CODE
        for init in (ROOT / folder).rglob("__init__.py")
    }
    assert {"extract", "dashboard", "extract.timex"} <= folders  # the scan sees the tree
    assert sorted(folders - listed) == []


def test_the_seeds_and_assets_are_package_data_of_the_dashboard() -> None:
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"dashboard.assets": "assets", "dashboard.seeds": "seeds"}
    shipped = setuptools["package-data"]["dashboard.seeds"]
    seeds = [p.name for p in (ROOT / "seeds").iterdir() if p.is_file()]
    unshipped = [n for n in seeds if not any(Path(n).match(pattern) for pattern in shipped)]
    assert seeds and unshipped == []
