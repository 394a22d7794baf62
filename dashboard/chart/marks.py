"""From event rows to marks on the timeline: one mark per happening, in non-overlapping lanes.

Why a module of its own: merging reports of the same happening (``cluster_id``), describing a date
as precisely as it is known, and packing marks so labels never collide are the decisions that make
the chart readable; the figure module only draws what this one decides.
"""

from __future__ import annotations

import heapq
from datetime import date

import numpy as np
import pandas as pd

from dashboard.markup import escape
from extract.schema import PRECISIONS

_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def describe_date(start: date, end: date, precision: str) -> str:
    """The date as precisely as it is known: "20 June 2024", "week of 17 June 2024", "June 2024"."""
    if precision == "day":
        day = f"{start.day} {_MONTHS[start.month - 1]} {start.year}"
        if end is not None and end != start:  # a range of days ("17 to 19 June", or curated)
            return f"{day} – {end.day} {_MONTHS[end.month - 1]} {end.year}"
        return day
    if precision == "week":
        return f"week of {start.day} {_MONTHS[start.month - 1]} {start.year}"
    if precision == "month":
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if precision == "season":
        name = _SEASON_NAMES.get(start.month)
        if name == "winter":
            return f"winter {start.year}–{str(start.year + 1)[-2:]}"
        if name:
            return f"{name} {start.year}"
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == "year":
        return str(start.year)
    if precision == "decade":
        return f"the {start.year // 10 * 10}s"
    if precision == "century":
        century = start.year // 100 + 1
        suffix = (
            "th"
            if 10 <= century % 100 <= 20
            else {1: "st", 2: "nd", 3: "rd"}.get(century % 10, "th")
        )
        return f"the {century}{suffix} century"
    if start == end:
        return describe_date(start, end, "day")
    return f"{describe_date(start, start, 'day')} – {describe_date(end, end, 'day')}"


MARK_COLUMNS = (
    "event_id",
    "doc_id",
    "title",
    "source",
    "date_start",
    "date_end",
    "precision",
    "timex",
    "label",
    "actors",
    "modality",
    "cluster_id",
    "conflict",
)


def collapse_clusters(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per happening. Rows sharing a ``cluster_id`` become one mark, drawn at the most
    precise of their dates; ``members`` lists every event_id, ``sources`` every report.

    Returns a new frame holding only what drawing needs (the caller may add columns to it).
    """
    starts = frame["date_start"].dt.date.tolist()
    ends = frame["date_end"].dt.date.tolist()
    dates = [
        describe_date(s, e, str(p))
        for s, e, p in zip(starts, ends, frame["precision"].tolist(), strict=True)
    ]
    source, title = frame["source"].tolist(), frame["title"].tolist()
    names = [s or t for s, t in zip(source, title, strict=True)]
    columns: dict[str, object] = {c: frame[c].to_numpy() for c in MARK_COLUMNS}
    columns.update(
        when=dates,
        source_name=names,
        n_sources=np.ones(len(frame), dtype=np.int64),
        members=[[e] for e in frame["event_id"].tolist()],
        sources=[[f"{n} ({d})"] for n, d in zip(names, dates, strict=True)],
    )
    marks = pd.DataFrame(columns)
    shared = marks["cluster_id"].duplicated(keep=False).to_numpy()
    if not shared.any():
        return marks
    out = pd.concat([marks[~shared], _merge(marks[shared])], ignore_index=True)
    out["precision"] = out["precision"].astype(str)
    return out


def _merge(shared: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster of ``shared`` (rows whose cluster_id repeats), clusters in order of
    first appearance: the most precise (then earliest) report's row, with actors, members and
    sources gathered from every report. One pass in Python over plain lists, since a pandas
    operation per cluster costs ~2 ms and a wire-copy corpus has thousands of clusters."""
    rank = np.array([PRECISIONS.index(str(p)) for p in shared["precision"].tolist()])
    keyed = shared.assign(_rank=rank, _order=np.arange(len(shared)))
    best = keyed.sort_values(["_rank", "date_start", "_order"], kind="stable")
    best = best.drop_duplicates("cluster_id").set_index("cluster_id", drop=False)
    clusters = list(dict.fromkeys(shared["cluster_id"].tolist()))
    first = best.loc[clusters].drop(columns=["_rank", "_order"]).reset_index(drop=True)
    actors: dict[str, dict[str, None]] = {c: {} for c in clusters}
    members: dict[str, list[str]] = {c: [] for c in clusters}
    sources: dict[str, list[str]] = {c: [] for c in clusters}
    docs: dict[str, set[str]] = {c: set() for c in clusters}
    spans: dict[str, set[tuple[object, object]]] = {c: set() for c in clusters}
    conflict: dict[str, bool] = dict.fromkeys(clusters, False)
    for cluster, names, ids, items, doc, start, end, flag in zip(
        *(shared[c].tolist() for c in _GATHERED), strict=True
    ):
        actors[cluster].update(dict.fromkeys(names))
        members[cluster].extend(ids)
        sources[cluster].extend(items)
        docs[cluster].add(doc)
        spans[cluster].add((start, end))
        conflict[cluster] = conflict[cluster] or bool(flag)
    first["actors"] = [list(actors[c]) for c in clusters]
    first["n_sources"] = np.array([len(docs[c]) for c in clusters], dtype=np.int64)
    first["members"] = [members[c] for c in clusters]
    first["sources"] = [sources[c] for c in clusters]
    first["conflict"] = [conflict[c] or _disjoint(spans[c]) for c in clusters]
    return first


_GATHERED = (
    "cluster_id",
    "actors",
    "members",
    "sources",
    "doc_id",
    "date_start",
    "date_end",
    "conflict",
)


def _disjoint(spans: set[tuple[pd.Timestamp, pd.Timestamp]]) -> bool:
    """True when two reports' date ranges do not even overlap: the sources disagree."""
    ordered = sorted(spans)
    return any(later[0] > earlier[1] for earlier, later in zip(ordered, ordered[1:], strict=False))


def hover_texts(marks: pd.DataFrame) -> list[str]:
    """Plotly hover text per mark; article text is escaped so it can never become markup."""
    out = []
    columns = (
        "label",
        "timex",
        "when",
        "modality",
        "actors",
        "n_sources",
        "sources",
        "source_name",
        "conflict",
    )
    for label, timex, when, modality, actors, n_sources, sources, source, conflict in zip(
        *(marks[c].tolist() for c in columns), strict=True
    ):
        lines = [f"<b>{escape(label or timex)}</b>", escape(when)]
        if modality != "happened":
            lines[-1] += f" · {modality}"
        if actors:
            lines.append(escape(", ".join(actors[:6]) + (" …" if len(actors) > 6 else "")))
        if n_sources > 1 or len(sources) > 1:
            lines.append(f"{len(sources)} sources:")
            lines.extend("· " + escape(s) for s in sources[:6])
        else:
            lines.append("Source: " + escape(str(source)))
        if conflict:
            lines.append("⚠ the sources disagree on the date")
        out.append("<br>".join(lines))
    return out


def pack_lanes(starts: np.ndarray, ends: np.ndarray, max_lanes: int | None = None) -> np.ndarray:
    """Greedy interval packing: each interval goes to the lowest free lane, in order of start.

    ``starts``/``ends`` are numbers (days); intervals in one lane never overlap unless
    ``max_lanes`` is reached, after which the lane that frees up first is reused.
    """
    lanes = np.zeros(len(starts), dtype=np.int64)
    free: list[int] = []  # lanes ever opened and now free (min-heap)
    busy: list[tuple[float, int]] = []  # (end, lane) heap
    opened = 0
    for i in np.argsort(starts, kind="stable"):
        while busy and busy[0][0] < starts[i]:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        elif max_lanes is None or opened < max_lanes:
            lane, opened = opened, opened + 1
        else:
            lane = heapq.heappop(busy)[1]
        lanes[i] = lane
        heapq.heappush(busy, (float(ends[i]), lane))
    return lanes
