"""Opening events for the dashboard: a saved events file or folder, or articles to extract.

Why one module: ``dateline serve``, ``dateline export`` and the tests all start from "these
paths"; ``load`` decides once whether they are a saved events set (read, or opened in place with
DuckDB when large) or articles (extracted through ``extract.pipeline``), so the server and the
exporter cannot read the same input two ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard import bundled
from dashboard.store.interface import EventStore
from dashboard.store.memory import FrameStore
from extract import settings
from extract.article import Article


def as_store(events: pd.DataFrame | EventStore) -> EventStore:
    """A store for ``events``: a frame is wrapped in a ``FrameStore``; a store is kept."""
    return FrameStore(events) if isinstance(events, pd.DataFrame) else events


def open_events(path: str | Path, *, store: str = "auto") -> pd.DataFrame | EventStore:
    """A saved Parquet file or folder, read (small sets, ``store="memory"``) or opened in
    place for queries (more than ``settings.LARGE_SET`` rows, ``store="duckdb"``)."""
    from dashboard.store.duckdb_store import DuckStore, parquet_rows
    from extract.serialize import parquet_files

    files = parquet_files(Path(path))
    if store == "duckdb" or (store == "auto" and parquet_rows(files) > settings.LARGE_SET):
        return DuckStore(files)
    from extract.serialize import read

    return read(path)



_EVENT_FILES = (".parquet", ".csv", ".json")


def load(
    paths: Iterable[str | Path], *, published: date | None = None, store: str = "auto"
) -> tuple[pd.DataFrame | EventStore, list[Article]]:
    """What ``dateline serve`` shows: one saved events file or Parquet folder (no texts), or
    the articles under ``paths`` extracted (the bundled seeds when there are none).

    A saved Parquet set with more than ``settings.LARGE_SET`` rows (or any, with
    ``store="duckdb"``) is not read but opened as a ``DuckStore`` that callbacks query in place;
    ``store="memory"`` reads it whatever its size. Either result has ``len`` and ``empty``.
    """
    chosen = [Path(p) for p in paths] or [bundled.SEEDS]
    if len(chosen) == 1 and (_is_events_file(chosen[0]) or _is_events_folder(chosen[0])):
        if chosen[0].is_dir() or chosen[0].suffix.lower() == ".parquet":
            return open_events(chosen[0], store=store), []
        from extract.serialize import read

        return read(chosen[0]), []
    from extract.pipeline import extract_paths, print_problem

    return extract_paths(chosen, published=published, on_problem=print_problem)


def _is_events_file(path: Path) -> bool:
    """.parquet/.csv, or a .json holding a list (a .json object is an article to extract)."""
    suffix = path.suffix.lower()
    if not path.is_file() or suffix not in _EVENT_FILES:
        return False
    if suffix != ".json":
        return True
    with path.open(encoding="utf-8", errors="replace") as stream:
        return stream.read(256).lstrip().startswith("[")


def _is_events_folder(path: Path) -> bool:
    """A folder of .parquet files and nothing else readable as articles (the Dask engine's
    output, or any Parquet dataset of events)."""
    if not path.is_dir():
        return False
    files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
    return bool(files) and all(p.suffix.lower() == ".parquet" for p in files)


