"""``CuratedStore``: the extracted events as a person's curations leave them, as an EventStore.

Why a store wrapper: every reader (chart, table, source panel, exports, summary) already asks
``corpus.store``; wrapping the extracted store there shows the curated timeline everywhere
without any reader knowing about curations. The extracted events are kept unchanged inside
(``extracted``); ``append`` (an upload) adds to them and curates again, so a decision made
before an upload still holds after it. ``with_hidden`` answers the same questions with hidden
events back in (the "show hidden" filter).

A saved set too big to hold in memory (a ``DuckStore`` over more than ``settings.LARGE_SET``
rows) is shown as extracted: curating it would mean reading it all, so ``curatable`` is False
and the dashboard says so instead of curating.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.store.interface import EventStore
from dashboard.store.memory import FrameStore
from extract import settings
from extract.curation import CurationError, Record, replay
from extract.curation_log import CurationLog


class CuratedStore:
    """``extracted`` with ``records`` applied; every ``EventStore`` question is answered by the
    curated frame (hidden events dropped)."""

    def __init__(self, extracted: EventStore, records: list[Record], stamp: Any = None):
        self.extracted = extracted
        self.records = records
        self.stamp = stamp
        self.curatable = curatable(extracted)
        if self.curatable and records:
            curated = replay(extracted.frame(), records)
            self.hidden, self.touched = curated.hidden, curated.touched
            self.with_hidden: EventStore = FrameStore(curated.frame)
            self._view: EventStore = (FrameStore(curated.visible()) if curated.hidden
                                      else self.with_hidden)
        else:
            self.hidden, self.touched = frozenset(), frozenset()
            self.with_hidden = self._view = extracted

    def __len__(self) -> int:
        return len(self._view)

    @property
    def empty(self) -> bool:
        return self._view.empty

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # never reached for set attributes; no recursion on copies
            raise AttributeError(name)
        # count, extent, rows, time_bins, event, cluster_others, actor_counts, sources, ...
        return getattr(self._view, name)

    def append(self, frame: pd.DataFrame) -> CuratedStore:
        return CuratedStore(self.extracted.append(frame), self.records, self.stamp)


def curatable(store: EventStore) -> bool:
    """Held in memory, or small enough to read: a big DuckDB set is shown as extracted."""
    return isinstance(store, FrameStore) or len(store) <= settings.LARGE_SET


def unwrap(store: EventStore) -> EventStore:
    """The extracted store inside ``store`` (``store`` itself when not curated)."""
    return store.extracted if isinstance(store, CuratedStore) else store


def curated_store(store: EventStore, log: CurationLog) -> EventStore:
    """``store`` as ``log`` curates it (``dateline export --data``); its events are remembered
    in the log's folder so ``dateline curate`` can name them."""
    if curatable(store):
        log.remember(store.frame())
    curated = CuratedStore(store, log.read(), log.stamp())
    if curated.records and not curated.curatable:
        raise CurationError(f"the curations in {log.path} cannot be applied to a saved set of "
                            f"more than {settings.LARGE_SET:,} events; export a selection first.")
    return curated
