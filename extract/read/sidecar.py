"""``metadata.json`` beside articles: how a user dates files without editing them.

Why a sidecar: saved articles are often plain text with no date, and their text must stay
byte for byte as it is (offsets point into it). A ``metadata.json`` in the same folder maps a
file name to ``{"published": "YYYY-MM-DD", "title": ..., "source": ..., "url": ...}``; the
seeds are dated this way. Each folder's sidecar is read once; a broken one, or a broken entry,
is reported once and ignored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from extract.article import Problem
from extract.errors import InputError
from extract.read.files import NotRegular, read_regular
from extract.read.frontmatter import parse_date

SIDECAR = "metadata.json"


class Sidecars:
    """``metadata.json`` files, loaded once per folder; a broken one is reported once."""

    def __init__(self, on_problem: Callable[[Problem], None]) -> None:
        self._on_problem = on_problem
        self._folders: dict[Path, dict[str, dict[str, object]]] = {}

    def entry(self, file: Path) -> dict[str, object]:
        folder = file.parent
        if folder not in self._folders:
            self._folders[folder] = self._load(folder / SIDECAR)
        return self._folders[folder].get(file.name, {})

    def _load(self, path: Path) -> dict[str, dict[str, object]]:
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            return {}
        except OSError as error:
            reason = str(error) if isinstance(error, NotRegular) else (
                error.strerror or type(error).__name__).lower()
            self._on_problem(Problem(str(path), f"ignored: {reason}"))
            return {}
        try:
            table = json.loads(raw)
        except (ValueError, RecursionError):
            self._on_problem(Problem(str(path), "ignored: it is not valid JSON"))
            return {}
        if not isinstance(table, dict):
            self._on_problem(Problem(str(path), "ignored: expected an object of file names"))
            return {}
        return {name: self._clean(path, name, value) for name, value in table.items()}

    def _clean(self, path: Path, name: str, value: object) -> dict[str, object]:
        where = f"{path} ({name})"
        if not isinstance(value, dict):
            self._on_problem(Problem(where, "ignored: expected an object"))
            return {}
        entry: dict[str, object] = {}
        for key in ("title", "source", "url"):
            if isinstance(value.get(key), str) and value[key]:
                entry[key] = value[key]
            elif value.get(key) is not None:
                self._on_problem(Problem(where, f"'{key}' ignored: it is not a string"))
        if value.get("published") is not None:
            try:
                entry["published"] = parse_date(value["published"])
            except InputError as reason:
                self._on_problem(Problem(where, f"'published' ignored: not a date ({reason})"))
        return entry
