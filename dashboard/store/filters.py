"""What the user is looking at: filter state, applying it to the events frame, and the URL form.

Why pure functions: filters decide which dates a journalist sees, so they are tested on frames
without a server. ``EventIndex`` precomputes what every filter change would otherwise redo (the
exploded actor lists, a lower-cased search column), which keeps an actor filter on 100k events
well under the time a callback may take.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from extract.schema import MODALITIES, PRECISIONS

SEARCHED = ("label", "sentence", "timex", "title", "source", "actors")  # what ``text`` looks in


@dataclass(frozen=True, slots=True)
class FilterState:
    """Every filter at once; an empty tuple or None means "no constraint"."""

    actors: tuple[str, ...] = ()  # events involving any of them
    docs: tuple[str, ...] = ()  # events from any of these articles (doc_id)
    date_from: date | None = None  # events whose range overlaps [date_from, date_to]
    date_to: date | None = None
    precisions: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    text: str = ""  # case-insensitive, every word must occur

    @property
    def is_empty(self) -> bool:
        return self == FilterState()


@dataclass(frozen=True)
class EventIndex:
    """The frame plus lookups built once, so each filter change is a few vectorised masks."""

    frame: pd.DataFrame
    _actor_rows: pd.Series = field(repr=False)  # actor name -> row position (one per mention)
    _haystack: pd.Series = field(repr=False)  # lower-cased text searched by ``text``

    @classmethod
    def build(cls, frame: pd.DataFrame) -> EventIndex:
        frame = frame.reset_index(drop=True)
        exploded = frame["actors"].explode().dropna()
        actor_rows = pd.Series(exploded.index.to_numpy(), index=exploded.to_numpy(dtype=object))
        fields = [
            frame[c].map("; ".join).astype("string") if c == "actors" else frame[c]
            for c in SEARCHED
        ]
        haystack = fields[0]
        for text in fields[1:]:
            haystack = haystack + " \n " + text
        return cls(frame, actor_rows, haystack.str.lower())

    def actor_mask(self, actors: Iterable[str]) -> np.ndarray:
        mask = np.zeros(len(self.frame), dtype=bool)
        wanted = [a for a in actors if a in self._actor_rows.index]
        if wanted:
            mask[self._actor_rows.loc[wanted].to_numpy(dtype=np.int64)] = True
        return mask

    def text_mask(self, text: str) -> np.ndarray:
        mask = np.ones(len(self.frame), dtype=bool)
        for word in text.lower().split():
            mask &= self._haystack.str.contains(word, regex=False).to_numpy(dtype=bool)
        return mask


def apply_filters(index: EventIndex, state: FilterState) -> pd.DataFrame:
    """The rows of ``index.frame`` that pass every filter in ``state``, in their original order."""
    if state.is_empty:
        return index.frame
    return index.frame[filter_mask(index, state)]


def filter_mask(index: EventIndex, state: FilterState) -> np.ndarray:
    """``apply_filters`` as a boolean mask over ``index.frame``'s rows."""
    frame = index.frame
    mask = np.ones(len(frame), dtype=bool)
    if state.actors:
        mask &= index.actor_mask(state.actors)
    if state.docs:
        mask &= frame["doc_id"].isin(state.docs).to_numpy(dtype=bool)
    if state.date_from is not None:
        mask &= (frame["date_end"] >= pd.Timestamp(state.date_from)).to_numpy(dtype=bool)
    if state.date_to is not None:
        mask &= (frame["date_start"] <= pd.Timestamp(state.date_to)).to_numpy(dtype=bool)
    if state.precisions:
        mask &= frame["precision"].isin(state.precisions).to_numpy(dtype=bool)
    if state.modalities:
        mask &= frame["modality"].isin(state.modalities).to_numpy(dtype=bool)
    if state.text.strip():
        mask &= index.text_mask(state.text)
    return mask


def actor_counts(frame: pd.DataFrame) -> list[tuple[str, int]]:
    """(actor, number of events) pairs, most frequent first, ties by name."""
    counts = frame["actors"].explode().dropna().value_counts()
    return sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))


def source_options(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(doc_id, "title (source)") for every article in the frame, by title."""
    docs = frame.drop_duplicates("doc_id")[["doc_id", "title", "source"]]
    options = []
    for doc_id, title, source in docs.itertuples(index=False):
        name = str(title) or str(doc_id)
        options.append((str(doc_id), f"{name} ({source})" if source else name))
    return sorted(options, key=lambda option: option[1].lower())


# --- URL query string ------------------------------------------------------------------------

_LIST_KEYS = {"actor": "actors", "doc": "docs", "precision": "precisions", "modality": "modalities"}


def to_query(state: FilterState, extra: Mapping[str, str] | None = None) -> str:
    """``?actor=Mark+Rutte&from=2024-01-01...``: the state as a bookmarkable query string."""
    pairs: list[tuple[str, str]] = []
    for key, attribute in _LIST_KEYS.items():
        pairs.extend((key, value) for value in getattr(state, attribute))
    if state.date_from:
        pairs.append(("from", state.date_from.isoformat()))
    if state.date_to:
        pairs.append(("to", state.date_to.isoformat()))
    if state.text.strip():
        pairs.append(("q", state.text.strip()))
    pairs.extend((k, v) for k, v in (extra or {}).items() if v)
    return "?" + urlencode(pairs) if pairs else ""


def from_query(search: str | None) -> tuple[FilterState, dict[str, str]]:
    """Parse ``to_query``'s output back; unknown keys go to the returned dict, bad values are
    dropped (a mangled bookmark still opens, just less filtered)."""
    params = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    state = FilterState()
    extra: dict[str, str] = {}
    for key, values in params.items():
        if key in _LIST_KEYS:
            values = _valid(key, values)
            state = replace(state, **{_LIST_KEYS[key]: tuple(dict.fromkeys(values))})
        elif key in ("from", "to"):
            day = parse_day(values[-1])
            state = replace(state, **{"date_from" if key == "from" else "date_to": day})
        elif key == "q":
            state = replace(state, text=values[-1][:200])
        else:
            extra[key] = values[-1]
    return state, extra


def parse_day(value: object) -> date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) to a date; anything else to None."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _valid(key: str, values: list[str]) -> list[str]:
    if key == "precision":
        return [v for v in values if v in PRECISIONS]
    if key == "modality":
        return [v for v in values if v in MODALITIES]
    return values
