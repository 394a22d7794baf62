"""Curations: a person's decisions about extracted events, kept as data and applied on read.

Why a log and not edited events: the extractor proposes, a person decides, and the extractor may
run again (a newer version, more articles). So the extracted frame is never rewritten; each
decision is one record appended to a log (``extract.curation_log`` keeps it on disk) and
``apply(events, log)`` replays the log over whatever the extractor produced, every time the
events are read. Any decision can be undone, and the log says who decided what, when.

Records are JSON objects (one a line on disk)::

    {"v": 1, "id": "9f2c...", "who": "ana", "when": "2026-11-30T03:30:00+00:00",
     "op": "edit", "events": ["002_seed:1234"], "spans": [["002_seed", 1234, 1243]],
     "changes": {"label": "MH17 shot down", "date_start": "2014-07-17", ...}}

``op`` is one of ``OPS``:

==========  =====================================================================================
hide        the happening leaves the timeline (``show_hidden`` brings it back, marked)
unhide      a hidden happening comes back
edit        ``changes`` (label, date_start/date_end/precision, actors, modality) on the happening
merge       the happenings of two or more events become one (``cluster_id`` ``merged:<id>``); every
            report stays a row, so the sources are kept; the first event's label, date and
            status become the happening's, actors are the union
split       an event leaves its happening; splitting a merged event cancels that merge (``target``)
add         ``event`` is a happening the extractor missed (``event_id`` ``added:<id>``)
undo        cancels ``target``, the latest decision still in effect when it was made
==========  =====================================================================================

A decision acts on the *happening*: the event named and the rows sharing its ``cluster_id`` at
that point of the replay, since the chart draws them as one mark (hiding one report of a
clustered happening would leave the mark drawn from another).

Events are named by ``event_id`` (``extract.schema``: ``{doc_id}:{timex_start}``), which survives
re-extraction of the same text. ``spans`` keeps ``[doc_id, timex_start, timex_end]`` of each
event named, so when a newer tagger moves the start of an expression ("last July" where it found
"July"), the decision re-attaches to the event of the same article whose expression overlaps
most. A decision whose events are gone is kept in the log and simply has no effect
(``orphans`` lists them). The extractor's own clustering may change between versions; it changes
``cluster_id`` only, never the ids decisions are attached to.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from extract.errors import InputError
from extract.schema import DTYPES, MODALITIES, PRECISIONS, coerce

FORMAT = 1
OPS = ("hide", "unhide", "edit", "merge", "split", "add", "undo")
EDITABLE = ("label", "date_start", "date_end", "precision", "actors", "modality")
MERGED = "merged:"
ADDED = "added:"
SPLIT = "split:"

Record = dict[str, Any]
Clock = Callable[[], datetime]


class CurationError(InputError):
    """A curation cannot be made as asked (an unknown event id, a bad date, nothing to undo)."""


@dataclass(frozen=True)
class Curated:
    """The replay's result: the events (hidden rows included), which are hidden, which touched."""

    frame: pd.DataFrame
    hidden: frozenset[str]
    touched: frozenset[str]

    def visible(self, show_hidden: bool = False) -> pd.DataFrame:
        if show_hidden or not self.hidden:
            return self.frame
        keep = ~self.frame["event_id"].isin(list(self.hidden))
        return self.frame[keep].reset_index(drop=True)


# --- reading the log -------------------------------------------------------------------------


def effective(log: Iterable[Record]) -> list[Record]:
    """The decisions in effect, in order: no ``undo`` records, nothing an undo (or a split of a
    merge) cancelled. Walked backwards, so undoing an undo brings its target back."""
    records = [r for r in log if r.get("op") in OPS]
    cancelled: set[str] = set()
    kept = []
    for record in reversed(records):
        if record.get("id") in cancelled:
            continue
        if _cancels(record):
            cancelled.add(str(record["target"]))
            if record["op"] == "undo":
                continue
        kept.append(record)
    return list(reversed(kept))


def undo_target(log: Iterable[Record]) -> Record | None:
    """The latest decision still in effect (what ``undo`` would cancel), or None."""
    in_effect = effective(log)
    return in_effect[-1] if in_effect else None


def orphans(events: pd.DataFrame, log: Iterable[Record]) -> list[Record]:
    """Decisions in effect naming an event that is in none of ``events`` (nor added by hand)."""
    known = set(events["event_id"].astype(str))
    index = _SpanIndex(events)
    missing = []
    for record in effective(log):
        if record["op"] == "add":
            known.add(added_id(record))
            continue
        for event_id, span in _named(record):
            if event_id not in known and index.find(span) is None:
                missing.append(record)
                break
    return missing


def describe(log: Iterable[Record]) -> list[str]:
    """One line per record, oldest first: ``when  who  op  events  details``, with
    ``(undone)`` on decisions no longer in effect."""
    records = [r for r in log if r.get("op") in OPS]
    kept = {r["id"] for r in effective(records)}
    lines = []
    for record in records:
        op = record["op"]
        if op == "undo":
            what = f"undo {record.get('undoes', '')} {str(record.get('target', ''))[:8]}"
        elif op == "add":
            event = record.get("event") or {}
            day, label = event.get("date_start", ""), event.get("label", "")
            what = f"add {added_id(record)} {day} {label!r}"
        else:
            what = f"{op} {' '.join(record.get('events') or [])}"
            changes = record.get("changes") or {}
            if changes:
                what += " " + " ".join(f"{k}={v!r}" for k, v in changes.items())
        cancelled = op != "undo" and record["id"] not in kept
        lines.append(f"{record.get('when', '')}  {record.get('who', '')}  "
                     f"{str(record['id'])[:8]}  {what}{'  (undone)' if cancelled else ''}")
    return lines


# --- applying it ------------------------------------------------------------------------------


def apply(
    events: pd.DataFrame, log: Iterable[Record], *, show_hidden: bool = False
) -> pd.DataFrame:
    """``events`` as curated by ``log``: the frame every reader shows (hidden rows dropped
    unless ``show_hidden``). ``events`` itself is not changed."""
    return replay(events, log).visible(show_hidden)


def replay(events: pd.DataFrame, log: Iterable[Record]) -> Curated:
    """Replay the decisions in effect over a copy of ``events``."""
    decisions = effective(log)
    if not decisions:
        return Curated(events, frozenset(), frozenset())
    frame = events.copy().reset_index(drop=True)
    additions = [_added_row(r, frame.columns) for r in decisions if r["op"] == "add"]
    if additions:
        frame = pd.concat([frame, coerce(pd.DataFrame(additions))], ignore_index=True)
        frame = _retype(frame, events)
    state = _Replay(frame)
    for record in decisions:
        state.run(record)
    return Curated(state.result(), frozenset(state.hidden), frozenset(state.touched))


class _Replay:
    """The replay on plain lists (one per column a decision can change), written back to a frame
    once: a pandas assignment per decision would cost milliseconds each, and a newsroom's log
    holds hundreds of decisions."""

    COLUMNS = ("label", "date_start", "date_end", "precision", "actors", "modality",
               "cluster_id", "conflict")

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.ids = frame["event_id"].astype(str).tolist()
        self.position = {event_id: i for i, event_id in enumerate(self.ids)}
        self._spans: _SpanIndex | None = None  # built on the first id not found
        dates = ("date_start", "date_end")  # numpy keeps years 1066 and 9999, and NaT
        self.values: dict[str, Any] = {
            c: frame[c].to_numpy(dtype="datetime64[s]", copy=True) if c in dates
            else frame[c].to_numpy(dtype=object).tolist()
            for c in self.COLUMNS
        }
        self.clusters: dict[str, list[int]] = {}
        for row, cluster in enumerate(self.values["cluster_id"]):
            if cluster:
                self.clusters.setdefault(str(cluster), []).append(row)
        self.changed: set[str] = set()
        self.hidden: set[str] = set()
        self.touched: set[str] = set()

    def result(self) -> pd.DataFrame:
        """The frame with the changed columns written back, in their schema dtypes."""
        out = self.frame
        for column in self.changed:
            values = self.values[column]
            if column == "actors":
                out[column] = pd.Series(values, index=out.index, dtype=object)
            elif column in ("date_start", "date_end"):
                out[column] = pd.Series(values, index=out.index, dtype="datetime64[s]")
            else:
                out[column] = pd.Series(values, index=out.index).astype(self.frame[column].dtype)
        return out

    def run(self, record: Record) -> None:
        op = record["op"]
        if op == "add":
            self.touched.add(added_id(record))
            return
        rows = [self._locate(event_id, span) for event_id, span in _named(record)]
        found = [r for r in rows if r is not None]
        if not found:
            return
        if op == "merge":
            self._merge(found, str(record["id"]))
            return
        if op == "split":
            if not record.get("target"):  # a split of a merge only cancels it (``effective``)
                self._split(found[0])
            return
        members = self._happening(found[0])
        ids = [self.ids[i] for i in members]
        self.touched.update(ids)
        if op == "hide":
            self.hidden.update(ids)
        elif op == "unhide":
            self.hidden.difference_update(ids)
        elif op == "edit":
            self._edit(members, record.get("changes") or {})

    def _locate(self, event_id: str, span: Sequence[Any] | None) -> int | None:
        if event_id in self.position:
            return self.position[event_id]
        if self._spans is None:
            self._spans = _SpanIndex(self.frame)
        return self._spans.find(span)

    def _happening(self, row: int) -> list[int]:
        cluster = self.values["cluster_id"][row]
        return list(self.clusters.get(str(cluster), [row])) if cluster else [row]

    def _set(self, column: str, rows: Sequence[int], value: Any) -> None:
        target = self.values[column]
        for row in rows:
            target[row] = list(value) if column == "actors" else value
        self.changed.add(column)

    def _move(self, row: int, cluster: str) -> None:
        old = str(self.values["cluster_id"][row])
        if old in self.clusters and row in self.clusters[old]:
            self.clusters[old].remove(row)
        self.clusters.setdefault(cluster, []).append(row)
        self._set("cluster_id", [row], cluster)

    def _edit(self, rows: list[int], changes: Mapping[str, Any]) -> None:
        for column, value in changes.items():
            if column not in EDITABLE:
                continue
            if column in ("date_start", "date_end"):
                value = np.datetime64(str(value)[:10], "s")
            self._set(column, rows, value)

    def _merge(self, found: list[int], record_id: str) -> None:
        members: list[int] = []
        for row in found:
            members.extend(r for r in self._happening(row) if r not in members)
        first = found[0]
        actors = list(dict.fromkeys(a for r in members for a in self.values["actors"][r]))
        for column in ("label", "date_start", "date_end", "precision", "modality"):
            self._set(column, members, self.values[column][first])
        self._set("actors", members, actors)
        for row in members:
            self._move(row, MERGED + record_id)
        self._set("conflict", members, False)
        self.touched.update(self.ids[r] for r in members)

    def _split(self, row: int) -> None:
        cluster = str(self.values["cluster_id"][row])
        self._move(row, SPLIT + self.ids[row])
        self._set("conflict", [row], False)
        self.touched.add(self.ids[row])
        rest = self.clusters.get(cluster, [])
        if len(rest) == 1:
            self._set("conflict", rest, False)


class _SpanIndex:
    """Finds the event of an article whose date expression overlaps a remembered span most."""

    def __init__(self, frame: pd.DataFrame):
        self.by_doc: dict[str, list[tuple[int, int, int]]] = {}
        for row, (doc, start, end) in enumerate(
            zip(frame["doc_id"].astype(str), frame["timex_start"], frame["timex_end"], strict=True)
        ):
            self.by_doc.setdefault(doc, []).append((int(start), int(end), row))

    def find(self, span: Sequence[Any] | None) -> int | None:
        if not span or len(span) != 3:
            return None
        doc, start, end = str(span[0]), int(span[1]), int(span[2])
        best, overlap = None, 0
        for s, e, row in self.by_doc.get(doc, ()):
            common = min(e, end) - max(s, start)
            if common > overlap:
                best, overlap = row, common
        return best


# --- making records --------------------------------------------------------------------------


def new_record(op: str, who: str, when: datetime, **fields: Any) -> Record:
    """A record with a fresh random id (never derived from the clock or a counter, so two
    writers can never collide)."""
    if op not in OPS:
        raise CurationError(f"{op!r} is not a curation; use one of {', '.join(OPS)}.")
    return {"v": FORMAT, "id": uuid.uuid4().hex, "who": who, "when": when.isoformat(), "op": op,
            **fields}


def hide(events: pd.DataFrame, event_id: str, who: str, when: datetime) -> Record:
    return _on_events("hide", events, [event_id], who, when)


def unhide(events: pd.DataFrame, event_id: str, who: str, when: datetime) -> Record:
    return _on_events("unhide", events, [event_id], who, when)


def edit(
    events: pd.DataFrame, event_id: str, changes: Mapping[str, Any], who: str, when: datetime
) -> Record:
    """An edit record; ``changes`` holds only ``EDITABLE`` keys, dates as ``YYYY-MM-DD``."""
    clean = check_changes(changes)
    if not clean:
        raise CurationError("Nothing to change: give a label, a date, actors or a status.")
    return _on_events("edit", events, [event_id], who, when, changes=clean)


def merge(events: pd.DataFrame, event_ids: Sequence[str], who: str, when: datetime) -> Record:
    distinct = list(dict.fromkeys(event_ids))
    if len(distinct) < 2:
        raise CurationError("A merge needs two or more different events.")
    return _on_events("merge", events, distinct, who, when)


def split(events: pd.DataFrame, event_id: str, who: str, when: datetime) -> Record:
    """Split ``event_id`` from its happening; for a merged one, cancel that merge instead."""
    row = _row_of(events, event_id)
    cluster = str(events.at[row, "cluster_id"])
    target = cluster[len(MERGED):] if cluster.startswith(MERGED) else None
    extra = {"target": target} if target else {}
    return _on_events("split", events, [event_id], who, when, **extra)


def add(event: Mapping[str, Any], who: str, when: datetime) -> Record:
    """A happening typed in by hand: ``label`` and ``date_start`` at least; optionally
    ``date_end``, ``precision``, ``actors``, ``modality``, and its source (``doc_id``, ``title``,
    ``source``, ``url``, ``sentence``)."""
    fields = dict(event)
    if not str(fields.get("label") or "").strip():
        raise CurationError("An added event needs a label saying what happened.")
    if not fields.get("date_start"):
        raise CurationError("An added event needs a date (YYYY-MM-DD).")
    dated = check_changes({k: fields[k] for k in EDITABLE if k in fields})
    source = {k: str(fields[k]) for k in ("doc_id", "title", "source", "url", "sentence")
              if fields.get(k)}
    return new_record("add", who, when, event={**source, **dated})


def undo(log: Iterable[Record], who: str, when: datetime) -> Record:
    target = undo_target(log)
    if target is None:
        raise CurationError("There is nothing to undo: no curation is in effect.")
    return new_record("undo", who, when, target=target["id"], undoes=target["op"])


def added_id(record: Record) -> str:
    return ADDED + str(record["id"])


def check_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Validated edit values: dates ISO and ordered, a known precision and status, actors a
    list of names. Raises ``CurationError`` with the reason."""
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in EDITABLE:
            raise CurationError(f"{key!r} cannot be edited; editable: {', '.join(EDITABLE)}.")
        if value is None:
            continue
        if key in ("date_start", "date_end"):
            clean[key] = _iso(value)
        elif key == "precision":
            if value not in PRECISIONS:
                raise CurationError(f"{value!r} is not a precision; use one of "
                                    f"{', '.join(PRECISIONS)}.")
            clean[key] = str(value)
        elif key == "modality":
            if value not in MODALITIES:
                raise CurationError(f"{value!r} is not a status; use one of "
                                    f"{', '.join(MODALITIES)}.")
            clean[key] = str(value)
        elif key == "actors":
            names = [value] if isinstance(value, str) else list(value)
            clean[key] = [n.strip() for n in map(str, names) if n.strip()]
        else:
            text = str(value).strip()
            if not text:
                raise CurationError("A label cannot be empty.")
            clean[key] = text
    if "date_start" in clean and "date_end" not in clean:
        clean["date_end"] = clean["date_start"]
    if "date_start" in clean and clean["date_end"] < clean["date_start"]:
        raise CurationError(f"The date range ends ({clean['date_end']}) before it starts "
                            f"({clean['date_start']}).")
    if "date_start" in clean and "precision" not in clean:
        clean["precision"] = precision_of(date.fromisoformat(clean["date_start"]),
                                          date.fromisoformat(clean["date_end"]))
    return clean


def parse_dates(text: str) -> dict[str, str]:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD..YYYY-MM-DD`` as ``date_start``/``date_end``/``precision``
    (the precision the range spells: a whole month is "month", a whole year "year", ...)."""
    first, _, last = text.strip().partition("..")
    changes = check_changes({"date_start": first, "date_end": last or first})
    return {k: changes[k] for k in ("date_start", "date_end", "precision")}


def precision_of(start: date, end: date) -> str:
    """The coarsest calendar unit ``start..end`` covers exactly ("day" for anything else)."""
    if start == end:
        return "day"
    if start.day == 1 and (end + pd.Timedelta(days=1)).day == 1:
        after = (pd.Timestamp(end) + pd.Timedelta(days=1)).date()
        months = (after.year - start.year) * 12 + after.month - start.month
        if start.month == 1 and after.month == 1:
            years = after.year - start.year
            if years == 100 and start.year % 100 == 0:
                return "century"
            if years == 10 and start.year % 10 == 0:
                return "decade"
            if years == 1:
                return "year"
        if months == 3 and start.month in (1, 4, 7, 10):
            return "quarter"
        if months == 1:
            return "month"
    if (end - start).days == 6 and start.weekday() == 0:
        return "week"
    return "day"


# --- helpers ---------------------------------------------------------------------------------


def _cancels(record: Record) -> bool:
    return record["op"] == "undo" or (record["op"] == "split" and bool(record.get("target")))


def _named(record: Record) -> list[tuple[str, Sequence[Any] | None]]:
    ids = [str(e) for e in record.get("events") or ()]
    spans = list(record.get("spans") or ())
    return [(e, spans[i] if i < len(spans) else None) for i, e in enumerate(ids)]


def _on_events(
    op: str, events: pd.DataFrame, event_ids: Sequence[str], who: str, when: datetime,
    **fields: Any,
) -> Record:
    spans = []
    for event_id in event_ids:
        row = _row_of(events, event_id)
        spans.append([str(events.at[row, "doc_id"]), int(events.at[row, "timex_start"]),
                      int(events.at[row, "timex_end"])])
    return new_record(op, who, when, events=list(event_ids), spans=spans, **fields)


def _row_of(events: pd.DataFrame, event_id: str) -> Any:
    hits = events.index[events["event_id"] == event_id]
    if len(hits) == 0:
        raise CurationError(f"No event has the id {event_id!r}; `dateline extract ... "
                            "--format json` lists every event_id.")
    return hits[0]


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise CurationError(f"{value!r} is not a date like 2014-07-17.") from None


def _added_row(record: Record, columns: Iterable[str]) -> dict[str, Any]:
    event = dict(record.get("event") or {})
    event_id = added_id(record)
    row: dict[str, Any] = {}
    for column in columns:
        dtype = str(DTYPES.get(column, "string"))
        row[column] = "" if dtype == "string" else None
    row.update(
        event_id=event_id, doc_id=event.get("doc_id", ""), title=event.get("title", ""),
        source=event.get("source", "added by hand"), url=event.get("url", ""),
        published_from="unknown", timex="", timex_value=event.get("date_start", ""),
        timex_start=-1, timex_end=-1, sentence=event.get("sentence", ""), sentence_start=-1,
        label=event.get("label", ""), actors=list(event.get("actors") or []),
        date_start=event.get("date_start"), date_end=event.get("date_end"),
        precision=event.get("precision", "day"), modality=event.get("modality", "happened"),
        cluster_id=event_id, conflict=False,
    )
    return row


def _retype(frame: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """Concatenation can widen a column's dtype; give the extracted frame's back."""
    for column in like.columns:
        if str(frame[column].dtype) != str(like[column].dtype) and column != "actors":
            frame[column] = frame[column].astype(like[column].dtype)
    return frame
