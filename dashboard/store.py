"""Where the dashboard's events live: one ``EventStore`` interface, two implementations.

Why an interface: a callback should ask "which rows pass these filters, and only these columns"
or "how many per month" and not care whether the answer comes from a frame in memory or from
Parquet files on disk. ``FrameStore`` holds a pandas frame (the bundled seeds, extracted articles,
uploads, small saved files); ``DuckStore`` (``dashboard.store_duckdb``) runs the same questions as
DuckDB queries over Parquet, for saved sets too big to keep as Python objects. ``open_events``
picks one for a saved file or folder; ``as_store`` wraps a frame.

Every store answers with frames that follow ``extract.schema`` for the columns asked for, so
the figure and table code is shared. Stores are immutable: ``append`` returns a new store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import pandas as pd

from dashboard.figure import corpus_published
from dashboard.filters import EventIndex, FilterState, actor_counts, filter_mask, source_options
from dashboard.traces import time_bins
from extract.schema import DTYPES, coerce

Window = tuple[pd.Timestamp, pd.Timestamp]  # dated events whose range overlaps [lo, hi]
LARGE_SET = 20_000  # saved sets with more rows than this are queried in place (DuckDB)


@dataclass(frozen=True, slots=True)
class Extent:
    """How many dated events pass the filters (in a window), and their first and last start."""

    count: int
    first: date | None = None
    last: date | None = None


@runtime_checkable
class EventStore(Protocol):
    """What the dashboard asks of its events. Filters are ``FilterState``s; ``window`` limits
    to dated events overlapping it (``None``: no date constraint)."""

    def __len__(self) -> int: ...

    @property
    def empty(self) -> bool: ...

    def count(self, state: FilterState) -> int:
        """Rows passing the filters, dated or not (the "n of m events" line)."""
        ...

    def extent(self, state: FilterState, window: Window | None = None) -> Extent: ...

    def rows(
        self,
        state: FilterState,
        columns: Sequence[str] | None = None,
        window: Window | None = None,
        *,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Matching rows with only ``columns`` (None: all). With ``limit``: the first ``limit``
        by (date_start, event_id), undated last; without: in no promised order."""
        ...

    def time_bins(self, state: FilterState, window: Window | None, unit: str) -> pd.DataFrame:
        """Dated matches counted per (bin start, modality); ``unit`` is D, W (Mondays), M or Y."""
        ...

    def event(self, event_id: str) -> dict[str, Any] | None: ...

    def cluster_others(self, event: dict[str, Any]) -> pd.DataFrame: ...

    def actor_counts(self) -> list[tuple[str, int]]: ...

    def source_options(self) -> list[tuple[str, str]]: ...

    def precisions(self) -> set[str]: ...

    def doc_ids(self) -> set[str]: ...

    def date_bounds(self) -> tuple[date | None, date | None]:
        """First start and last end over rows with a start date."""
        ...

    def published(self) -> date | None:
        """The most common publication date over the articles (None when unknown)."""
        ...

    def frame(self) -> pd.DataFrame:
        """Everything, as one frame: for tests, tools and small sets, never per callback."""
        ...

    def append(self, frame: pd.DataFrame) -> EventStore: ...


class FrameStore:
    """The events in a pandas frame, with ``EventIndex``'s lookups; the last filter mask is
    kept, since one callback asks several questions of the same filter state."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._index = EventIndex.build(frame)
        self._frame = self._index.frame
        ids = self._frame["event_id"].to_numpy()
        by_id = pd.Series(np.arange(len(ids)), index=ids)
        self._by_id = by_id[~by_id.index.duplicated()]
        self._last: tuple[FilterState, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._frame)

    @property
    def empty(self) -> bool:
        return self._frame.empty

    def _mask(self, state: FilterState) -> np.ndarray:
        last = self._last
        if last is not None and last[0] == state:
            return last[1]
        mask = filter_mask(self._index, state)
        self._last = (state, mask)
        return mask

    def _dated(self, state: FilterState, window: Window | None) -> np.ndarray:
        frame = self._frame
        mask = self._mask(state) & frame["date_start"].notna().to_numpy(bool)
        mask &= frame["date_end"].notna().to_numpy(bool)
        if window is not None:
            mask &= (frame["date_end"] >= window[0]).to_numpy(bool)
            mask &= (frame["date_start"] <= window[1]).to_numpy(bool)
        return mask

    def count(self, state: FilterState) -> int:
        return int(self._mask(state).sum())

    def extent(self, state: FilterState, window: Window | None = None) -> Extent:
        starts = self._frame["date_start"].to_numpy()[self._dated(state, window)]
        if not len(starts):
            return Extent(0)
        return Extent(len(starts), _day(starts.min()), _day(starts.max()))

    def rows(
        self,
        state: FilterState,
        columns: Sequence[str] | None = None,
        window: Window | None = None,
        *,
        limit: int | None = None,
    ) -> pd.DataFrame:
        mask = self._mask(state) if window is None else self._dated(state, window)
        chosen = self._frame[mask] if limit != 0 else self._frame.iloc[:0]
        if limit:
            chosen = first_by_date(chosen, limit)
        return chosen if columns is None else chosen.loc[:, list(columns)]

    def time_bins(self, state: FilterState, window: Window | None, unit: str) -> pd.DataFrame:
        return time_bins(self._frame[self._dated(state, window)], unit)

    def event(self, event_id: str) -> dict[str, Any] | None:
        position = self._by_id.get(event_id)
        return None if position is None else self._frame.iloc[int(position)].to_dict()

    def cluster_others(self, event: dict[str, Any]) -> pd.DataFrame:
        frame = self._frame
        same = (frame["cluster_id"] == event["cluster_id"]) & (
            frame["event_id"] != event["event_id"]
        )
        return frame[same.to_numpy(dtype=bool)]

    def actor_counts(self) -> list[tuple[str, int]]:
        return actor_counts(self._frame)

    def source_options(self) -> list[tuple[str, str]]:
        return source_options(self._frame)

    def precisions(self) -> set[str]:
        return set(self._frame["precision"].dropna().astype(str))

    def doc_ids(self) -> set[str]:
        return set(self._frame["doc_id"].dropna().astype(str))

    def date_bounds(self) -> tuple[date | None, date | None]:
        known = self._frame.dropna(subset=["date_start"])
        if known.empty:
            return None, None
        return _day(known["date_start"].min()), _day(known["date_end"].max())

    def published(self) -> date | None:
        return corpus_published(self._frame)

    def frame(self) -> pd.DataFrame:
        return self._frame

    def append(self, frame: pd.DataFrame) -> FrameStore:
        return FrameStore(coerce(pd.concat([self._frame, frame], ignore_index=True)))


def first_by_date(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The first ``limit`` rows by (date_start, event_id), undated last: the table's order.

    Sorting a million rows for a 2,000-row table is wasteful, so only the rows up to the
    ``limit``-th earliest start are sorted."""
    if len(frame) > limit > 0:
        starts = frame["date_start"].to_numpy().astype("datetime64[s]").astype(np.int64)
        known = ~frame["date_start"].isna().to_numpy()
        starts = np.where(known, starts, np.iinfo(np.int64).max)
        cut = np.partition(starts, limit - 1)[limit - 1]
        frame = frame[starts <= cut]
    ordered = frame.sort_values(["date_start", "event_id"], kind="stable", na_position="last")
    return ordered.head(limit)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give whichever schema columns ``frame`` holds their schema dtype (actors as lists)."""
    out = frame.copy()
    for column in out.columns:
        dtype = DTYPES.get(column)
        if dtype is None:
            continue
        if column == "actors":
            out[column] = [list(a) if a is not None else [] for a in out[column].tolist()]
        elif dtype == "datetime64[s]":
            out[column] = pd.to_datetime(out[column]).astype("datetime64[s]")
        else:
            out[column] = out[column].astype(dtype)
    return out


def as_store(events: pd.DataFrame | EventStore) -> EventStore:
    """A store for ``events``: a frame is wrapped in a ``FrameStore``; a store is kept."""
    return FrameStore(events) if isinstance(events, pd.DataFrame) else events


def open_events(path: str | Path, *, store: str = "auto") -> pd.DataFrame | EventStore:
    """A saved Parquet file or folder, read (small sets, ``store="memory"``) or opened in
    place for queries (more than ``LARGE_SET`` rows, ``store="duckdb"``)."""
    from dashboard.store_duckdb import DuckStore, parquet_files, parquet_rows

    files = parquet_files(Path(path))
    if store == "duckdb" or (store == "auto" and parquet_rows(files) > LARGE_SET):
        return DuckStore(files)
    from extract.serialize import read

    return read(path)


def _day(value: Any) -> date:
    return pd.Timestamp(value).date()
