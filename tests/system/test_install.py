"""``pip install .`` (not editable) gives a working ``dateline`` from any folder.

Why: the checkout hides packaging bugs. Run from the source tree, every module, the seeds and the
assets are found whatever ``pyproject.toml`` says; installed as a wheel, an undeclared dependency
(jusText's ``lxml_html_clean``: every .html article skipped with "(ImportError)") or a folder that
is not package data (the seeds: ``dateline serve`` with no PATH showed nothing) only shows up in
a clean environment. So this test builds the wheel, installs it into a fresh venv that sees only
the distributions the wheel's requirements pull in (resolved from the main venv: no network),
and runs the real command from a folder outside the checkout.
"""

from __future__ import annotations

import email.parser
import http.client
import importlib.metadata as md
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "fixtures" / "articles" / "page.html"
# what the wheel is built from; everything else (tests, benchmarks, .venv) stays out of the copy
SOURCES = ("pyproject.toml", "README.md", "extract", "dashboard", "assets", "seeds")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def build_wheel(folder: Path) -> Path:
    """The wheel of a copy of the source tree, built offline with the main venv's setuptools."""
    source = folder / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, source / name)
    wheels = folder / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "--quiet", "-w", wheels, ".", cwd=source)
    (wheel,) = wheels.glob("dateline-*.whl")
    return wheel


def requirements_of(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))
    return metadata.get_all("Requires-Dist") or []


def closure(requirements: list[str], site: Path) -> dict[str, md.Distribution]:
    """The distributions of ``site`` that installing ``requirements`` would bring in, as pip
    resolves them (markers and extras included). A requirement that is not installed there
    fails the test: the main venv is out of date, not the package."""
    installed = {
        canonicalize_name(d.metadata["Name"]): d for d in md.distributions(path=[str(site)])
    }
    found: dict[str, md.Distribution] = {}
    todo = [(Requirement(text), "") for text in requirements]
    seen: set[tuple[str, str]] = set()
    while todo:
        requirement, extra = todo.pop()
        environment = {**default_environment(), "extra": extra}
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        name = canonicalize_name(requirement.name)
        assert name in installed, f"{requirement} is needed but not installed in {site}"
        found[name] = installed[name]
        for wanted in ("", *sorted(requirement.extras)):
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            todo += [(Requirement(text), wanted) for text in installed[name].requires or []]
    return found


def expose(distributions: dict[str, md.Distribution], site: Path, folder: Path) -> None:
    """Link the top-level files and folders of ``distributions`` (code and .dist-info) into
    ``folder``: a site-packages holding those and nothing else."""
    folder.mkdir()
    for name, distribution in distributions.items():
        assert distribution.files is not None, f"{name} has no RECORD: cannot tell its files"
        tops = {file.parts[0] for file in distribution.files if file.parts[0] != ".."}
        for top in tops - {"__pycache__"}:
            target = folder / top
            if (site / top).exists() and not target.exists() and not top.endswith(".pth"):
                target.symlink_to(site / top)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """(the fresh venv's bin folder, the environment to run it in)."""
    folder = tmp_path_factory.mktemp("install")
    wheel = build_wheel(folder)
    venv = folder / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=folder)
    python = venv / "bin" / "python"
    fresh_site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                          cwd=folder).stdout.strip())
    main_site = Path(sysconfig.get_paths()["purelib"])
    dependencies = closure(requirements_of(wheel), main_site)
    assert "dateline" not in dependencies
    expose(dependencies, main_site, folder / "dependencies")
    (fresh_site / "dependencies.pth").write_text(f"{folder / 'dependencies'}\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--quiet", wheel, cwd=folder)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["HOME"] = str(folder / "home")
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    yield venv / "bin", env


def test_the_installed_command_runs_the_installed_package_not_the_checkout(installed, tmp_path):
    bin_folder, env = installed
    code = (
        "import pkgutil, dashboard, extract;"
        "print(dashboard.__file__, extract.__file__);"
        "print(*[m.name for m in pkgutil.iter_modules() if m.name.startswith('__editable__')])"
    )
    files, editable_finders = run(bin_folder / "python", "-c", code, cwd=tmp_path,
                                  env=env).stdout.splitlines()
    assert str(ROOT) not in files
    assert files.count(str(bin_folder.parent)) == 2, files
    assert editable_finders == "", "the main venv's editable install leaks in"


def test_an_installed_dateline_extracts_events_from_an_html_page(installed, tmp_path):
    bin_folder, env = installed
    shutil.copy(PAGE, tmp_path / "page.html")
    result = run(bin_folder / "dateline", "extract", "page.html", "--format", "json",
                 cwd=tmp_path, env=env)
    assert "ImportError" not in result.stderr
    rows = json.loads(result.stdout)
    assert {row["doc_id"] for row in rows} == {"page"}
    assert "2024-10-01" in {row["date_start"] for row in rows}  # "on October 1"


def test_an_installed_dateline_serves_the_seeds_with_no_path(installed, tmp_path):
    bin_folder, env = installed
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [str(bin_folder / "dateline"), "serve", "--port", "0", "--no-data"],
            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=log,
        )
        try:
            text, url = "", None
            deadline = time.monotonic() + 180
            while url is None and server.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
                log.seek(0)
                text = log.read().decode("utf-8", "replace")
                url = next((line.split()[2] for line in text.splitlines()
                            if line.startswith("Serving at ")), None)
            assert url is not None, f"no URL; exit code {server.poll()}:\n{text}"
            summary = next(line for line in text.splitlines() if line.startswith("Dateline: "))
            events = int(summary.split()[1])
            assert events > 20, summary
            assert summary.startswith(f"Dateline: {events} events from 2 articles"), summary
            host, port = url.split("//")[1].rstrip("/").split(":")
            connection = http.client.HTTPConnection(host, int(port), timeout=60)
            connection.request("GET", "/_dash-layout")
            layout = connection.getresponse()
            assert layout.status == 200
            assert "Rutte" in layout.read().decode("utf-8")
            connection.request("GET", "/assets/dateline.css")
            css = connection.getresponse()
            assert css.status == 200 and css.read()
            connection.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
