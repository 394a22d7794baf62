"""Where the dashboard's events live: one ``EventStore`` interface, two implementations.

Why an interface: a callback should ask "which rows pass these filters, and only these columns" or
"how many per month" and not care whether the answer comes from a frame in memory or from Parquet
files on disk. ``FrameStore`` holds a pandas frame (the bundled seeds, extracted articles, uploads,
small saved files; ``dashboard.store.memory``); ``DuckStore`` (``dashboard.store.duckdb_store``)
runs the same questions as DuckDB queries over Parquet, for saved sets too big to keep as Python
objects. ``dashboard.store.open`` picks one for a saved file or folder (``open_events``) and wraps
a frame (``as_store``).

Every store answers with frames that follow ``extract.schema`` for the columns asked for, so
the figure and table code is shared. Stores are immutable: ``append`` returns a new store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, runtime_checkable

import numpy as np
import pandas as pd

from dashboard.store.filters import FilterState
from extract.schema import DTYPES

Window = tuple[pd.Timestamp, pd.Timestamp]  # dated events whose range overlaps [lo, hi]
# ``longest``: with a window, only events spanning at most that many days (a day is 1, a month
# 28 to 31): what a zoomed chart can place; None keeps every event however coarse.
SOURCE_COLUMNS = ("doc_id", "title", "source", "published")  # what names an article in a credit


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

    def extent(
        self, state: FilterState, window: Window | None = None, *, longest: int | None = None
    ) -> Extent: ...

    def rows(
        self,
        state: FilterState,
        columns: Sequence[str] | None = None,
        window: Window | None = None,
        *,
        limit: int | None = None,
        longest: int | None = None,
    ) -> pd.DataFrame:
        """Matching rows with only ``columns`` (None: all). With ``limit``: the first ``limit``
        by (date_start, event_id), undated last; without: in no promised order."""
        ...

    def time_bins(
        self, state: FilterState, window: Window | None, unit: str, *, longest: int | None = None
    ) -> pd.DataFrame:
        """Dated matches counted per (bin start, modality); ``unit`` is D, W (Mondays), M or Y."""
        ...

    def date_quantiles(self, state: FilterState, shares: Sequence[float]) -> list[date]:
        """The start dates below which each share (0 to 1) of the dated matches start: the
        lowest start with at least that share at or before it (numpy's "inverted_cdf", DuckDB's
        ``quantile_disc``). Empty when nothing dated matches."""
        ...

    def event(self, event_id: str) -> dict[str, Any] | None: ...

    def cluster_others(self, event: dict[str, Any]) -> pd.DataFrame: ...

    def actor_counts(
        self, state: FilterState | None = None, window: Window | None = None
    ) -> list[tuple[str, int]]:
        """(actor, events) over the matches (None: every event), most frequent first, ties by
        name."""
        ...

    def sources(self, state: FilterState, window: Window | None = None) -> pd.DataFrame:
        """The articles the matches come from, one row each by doc_id: ``SOURCE_COLUMNS``
        (should an article's rows disagree, each column's least value)."""
        ...

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


def _day(value: Any) -> date:
    return pd.Timestamp(value).date()
