"""The events frame as TimelineJS3 JSON, so a story can move to Knight Lab's timeline tool.

Why a module of its own: TimelineJS has its own date model (year, month, day, each optional)
and renders ``text`` as HTML. Dates are written only as precise as we know them ("June 2024"
stays ``{year: 2024, month: 6}``, never a fake 1 June), and every piece of article text is
HTML-escaped, because an article may contain ``<script>``. Rows of one happening (same
``cluster_id``) become one slide that names all their sources.

Format: https://timeline.knightlab.com/docs/json-format.html
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.chart.marks import describe_date
from dashboard.markup import escape
from extract.errors import InputError

_GRANULARITY = {
    "day": "day",
    "week": "day",
    "month": "month",
    "season": "month",
    "quarter": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
_MODALITY_NOTE = {"expected": " (expected)", "hypothetical": " (hypothetical)"}
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def timelinejs(
    frame: pd.DataFrame, *, title: str = "Dateline", group_by: str | None = "actor"
) -> dict[str, Any]:
    """A TimelineJS3 document: a title slide and one event per happening with a known date.

    ``group_by`` is ``"actor"`` (the event's actor that is most frequent in the whole frame,
    so a story's protagonist gets one row), ``"source"`` or ``None`` (no groups).
    """
    if group_by not in ("actor", "source", None):
        raise InputError(f"group_by must be 'actor', 'source' or None, not {group_by!r}")
    dated = frame[frame["date_start"].notna()]
    dated = dated.sort_values(["date_start", "date_end", "event_id"], kind="stable")
    rank = _actor_rank(frame) if group_by == "actor" else {}
    events = [_event(rows, group_by, rank) for rows in _happenings(dated)]
    return {"title": _title_slide(frame, dated, title), "events": events}


def _happenings(frame: pd.DataFrame) -> list[list[dict[str, Any]]]:
    """Rows grouped by ``cluster_id`` (empty ids stay alone), in order of first appearance."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in frame.to_dict(orient="records"):
        key = str(row["cluster_id"]) or f"\0{row['event_id']}"
        groups.setdefault(key, []).append(row)
    return list(groups.values())


def _actor_rank(frame: pd.DataFrame) -> dict[str, int]:
    """Actor -> rank (0 = most events), ties broken by name."""
    counts = frame["actors"].explode().dropna().value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-int(kv[1]), str(kv[0])))
    return {str(name): i for i, (name, _) in enumerate(ordered)}


def _event(
    rows: Sequence[dict[str, Any]], group_by: str | None, rank: dict[str, int]
) -> dict[str, Any]:
    first = rows[0]
    precision = str(first["precision"])
    start = _date_part(first["date_start"], precision)
    end = _date_part(first["date_end"], precision)
    event: dict[str, Any] = {
        "start_date": start,
        # Slide-level: overrides both dates' own display, so a range reads "the 2010s".
        "display_date": _display_date(first) + _note(first),
        "text": {"headline": escape(_headline(first), quote=True), "text": _body(rows)},
        "unique_id": re.sub(r"[^A-Za-z0-9_-]+", "-", str(first["event_id"])).strip("-"),
    }
    if end != start:
        event["end_date"] = end
    group = _group(first, group_by, rank)
    if group:
        event["group"] = escape(group, quote=True)  # TimelineJS shows group names as HTML too
    return event


def _date_part(value: Any, precision: str) -> dict[str, int]:
    """``{year, month, day}`` truncated to what the precision knows."""
    day = pd.Timestamp(value)
    granularity = _GRANULARITY.get(precision, "day")
    part = {"year": int(day.year)}
    if granularity in ("month", "day"):
        part["month"] = int(day.month)
    if granularity == "day":
        part["day"] = int(day.day)
    return part


def _display_date(row: dict[str, Any]) -> str:
    """The dashboard's wording ("week of 17 June 2024", "the 2010s"), so both tools agree."""
    start, end = pd.Timestamp(row["date_start"]).date(), pd.Timestamp(row["date_end"]).date()
    precision = str(row["precision"])
    if precision == "day" and end != start:
        return f"{describe_date(start, start, 'day')} to {describe_date(end, end, 'day')}"
    return describe_date(start, end, precision)


def _note(row: dict[str, Any]) -> str:
    return _MODALITY_NOTE.get(str(row["modality"]), "")


def _headline(row: dict[str, Any]) -> str:
    for candidate in (row["label"], row["sentence"], row["timex"]):
        text = " ".join(str(candidate).split())
        if text:
            return text if len(text) <= 120 else text[:119] + "…"
    return "Event"


def _body(rows: Sequence[dict[str, Any]]) -> str:
    """HTML: each source's sentence with the date marked, actors, then the source line."""
    parts = [f"<p>{_marked_sentence(row)}</p>" for row in _one_per_source(rows)]
    actors = sorted({actor for row in rows for actor in row["actors"]})
    if actors:
        parts.append(f"<p><strong>Actors:</strong> {escape(', '.join(actors), quote=True)}</p>")
    if any(bool(row["conflict"]) for row in rows):
        parts.append("<p><em>The sources disagree on this date.</em></p>")
    label = "Sources" if len(rows) > 1 else "Source"
    credits = "; ".join(_credit(row) for row in _one_per_source(rows))
    parts.append(f"<p><strong>{label}:</strong> {credits}</p>")
    return "".join(parts)


def _one_per_source(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(str(row["doc_id"]), row)
    return list(seen.values())


def _marked_sentence(row: dict[str, Any]) -> str:
    """The sentence, escaped, with the date expression in ``<mark>`` when it can be found."""
    sentence, timex = str(row["sentence"]), str(row["timex"])
    at = int(row["timex_start"]) - int(row["sentence_start"])
    if not timex or sentence[at : at + len(timex)] != timex:
        at = sentence.find(timex) if timex else -1
    if at < 0:
        return escape(sentence, quote=True)
    before, after = sentence[:at], sentence[at + len(timex) :]
    before, timex, after = (escape(part, quote=True) for part in (before, timex, after))
    return f"{before}<mark>{timex}</mark>{after}"


def _credit(row: dict[str, Any]) -> str:
    title = str(row["title"]) or str(row["doc_id"])
    name = escape(title, quote=True)
    url = str(row["url"])
    if _SAFE_URL.match(url):
        name = f'<a href="{escape(url, quote=True)}">{name}</a>'
    extras = [str(row["source"])] if str(row["source"]) else []
    if not pd.isna(row["published"]):
        extras.append(f"{pd.Timestamp(row['published']):%Y-%m-%d}")
    return name + (f" ({escape(', '.join(extras), quote=True)})" if extras else "")


def _group(row: dict[str, Any], group_by: str | None, rank: dict[str, int]) -> str:
    if group_by == "actor":
        actors = [str(a) for a in row["actors"]]
        return min(actors, key=lambda a: rank.get(a, len(rank))) if actors else ""
    if group_by == "source":
        return str(row["source"]) or str(row["title"]) or str(row["doc_id"])
    return ""


def _title_slide(frame: pd.DataFrame, dated: pd.DataFrame, title: str) -> dict[str, Any]:
    articles = frame["doc_id"].nunique()
    summary = f"{len(frame)} events from {articles} article{'s' if articles != 1 else ''}"
    if len(dated):
        first, last = dated["date_start"].min(), dated["date_end"].max()
        summary += f", {pd.Timestamp(first).year} to {pd.Timestamp(last).year}"
    sources = sorted({str(s) for s in frame["source"] if str(s)})
    text = f"<p>{escape(summary, quote=True)}.</p>"
    if sources:
        text += f"<p>Sources: {escape(', '.join(sources), quote=True)}.</p>"
    text += "<p>Extracted with Dateline.</p>"
    return {"text": {"headline": escape(title, quote=True), "text": text}}
