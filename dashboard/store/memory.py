"""``FrameStore``: the ``EventStore`` questions answered from a pandas frame in memory.

Why: the bundled seeds, extracted articles, uploads and small saved files fit in memory, and a
frame with ``EventIndex``'s lookups answers a filter in milliseconds. The counting and
publication-date helpers here are the pandas side of questions ``DuckStore`` answers in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from dashboard.store.filters import (
    EventIndex,
    FilterState,
    actor_counts,
    filter_mask,
    source_options,
)
from dashboard.store.interface import SOURCE_COLUMNS, Extent, Window, _day, first_by_date
from extract.schema import coerce


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

    def _dated(
        self, state: FilterState, window: Window | None, longest: int | None = None
    ) -> np.ndarray:
        frame = self._frame
        mask = self._mask(state) & frame["date_start"].notna().to_numpy(bool)
        mask &= frame["date_end"].notna().to_numpy(bool)
        if window is not None:
            mask &= (frame["date_end"] >= window[0]).to_numpy(bool)
            mask &= (frame["date_start"] <= window[1]).to_numpy(bool)
        if longest is not None:
            span = frame["date_end"] - frame["date_start"]
            mask &= (span < pd.Timedelta(days=longest)).to_numpy(bool)
        return mask

    def _matches(
        self, state: FilterState, window: Window | None, longest: int | None = None
    ) -> np.ndarray:
        if window is None and longest is None:
            return self._mask(state)
        return self._dated(state, window, longest)

    def count(self, state: FilterState) -> int:
        return int(self._mask(state).sum())

    def extent(
        self, state: FilterState, window: Window | None = None, *, longest: int | None = None
    ) -> Extent:
        starts = self._frame["date_start"].to_numpy()[self._dated(state, window, longest)]
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
        longest: int | None = None,
    ) -> pd.DataFrame:
        if limit == 0:
            chosen = self._frame.iloc[:0]
        else:
            chosen = self._frame[self._matches(state, window, longest)]
        if limit:
            chosen = first_by_date(chosen, limit)
        return chosen if columns is None else chosen.loc[:, list(columns)]

    def time_bins(
        self, state: FilterState, window: Window | None, unit: str, *, longest: int | None = None
    ) -> pd.DataFrame:
        return time_bins(self._frame[self._dated(state, window, longest)], unit)

    def date_quantiles(self, state: FilterState, shares: Sequence[float]) -> list[date]:
        starts = self._frame["date_start"].to_numpy()[self._dated(state, None)]
        if not len(starts):
            return []
        found = np.quantile(starts.astype("datetime64[s]").astype(np.int64), shares,
                            method="inverted_cdf")
        return [_day(np.datetime64(int(s), "s")) for s in found]

    def event(self, event_id: str) -> dict[str, Any] | None:
        position = self._by_id.get(event_id)
        return None if position is None else self._frame.iloc[int(position)].to_dict()

    def cluster_others(self, event: dict[str, Any]) -> pd.DataFrame:
        frame = self._frame
        same = (frame["cluster_id"] == event["cluster_id"]) & (
            frame["event_id"] != event["event_id"]
        )
        return frame[same.to_numpy(dtype=bool)]

    def actor_counts(
        self, state: FilterState | None = None, window: Window | None = None
    ) -> list[tuple[str, int]]:
        if state is None and window is None:
            return actor_counts(self._frame)
        return actor_counts(self._frame[self._matches(state or FilterState(), window)])

    def sources(self, state: FilterState, window: Window | None = None) -> pd.DataFrame:
        chosen = self._frame.loc[self._matches(state, window), list(SOURCE_COLUMNS)]
        return chosen.groupby("doc_id", sort=True).min().reset_index()

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


def time_bins(frame: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Count ``frame``'s dated rows per (bin start, modality); weeks start on Mondays."""
    starts = frame["date_start"].to_numpy().astype("datetime64[D]")
    if unit == "W":  # day 0 (1970-01-01) is a Thursday; Monday is day -3
        days = starts.astype(np.int64)
        binned = (days - (days + 3) % 7).astype("datetime64[D]")
    else:
        binned = starts.astype(f"datetime64[{unit}]").astype("datetime64[D]")
    counts = (
        pd.DataFrame({"start": binned, "modality": frame["modality"].astype(str).to_numpy()})
        .groupby(["start", "modality"], sort=True)
        .size()
        .rename("count")
        .reset_index()
    )
    counts["count"] = counts["count"].astype(np.int64)
    return counts



def corpus_published(frame: pd.DataFrame) -> date | None:
    """The most common publication date of the events' articles (None when unknown)."""
    known = frame.drop_duplicates("doc_id")["published"].dropna()
    if known.empty:
        return None
    return pd.Timestamp(known.mode().iloc[0]).date()


