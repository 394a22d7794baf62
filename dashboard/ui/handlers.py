"""What each callback computes, as plain functions over a ``Corpus``: no Dash wiring here.

Why a module of its own: these are the dashboard's behaviour (which rows a filter keeps, what a
click selects, what an upload adds, what an export contains) and they are tested by calling
them; ``callbacks.register`` only connects component ids to them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Patch, dcc, html, no_update

from dashboard.chart.detail import plan_view, table_window
from dashboard.chart.figure import ViewState, plan_figure, selection_trace
from dashboard.chart.marks import describe_date
from dashboard.chart.summary import describe_plan, describe_view
from dashboard.chart.traces import BIN
from dashboard.store.corpus import Corpus
from dashboard.store.filters import FilterState, from_query, parse_day, to_query
from dashboard.store.interface import first_by_date
from dashboard.ui.curate import mark_hidden
from dashboard.ui.source_panel import build_panel, empty_panel
from dashboard.ui.upload import Intake, read_paste, read_uploads
from extract import settings
from extract.ranges import shift_days

TABLE_COLUMNS = (
    "event_id",
    "date_start",
    "date_end",
    "precision",
    "label",
    "actors",
    "source",
    "title",
    "modality",
)
GRAPH_WIDTH_PX = 780  # the chart's plot area on a laptop, until the browser measures it


def filter_state(
    actors: Sequence[str] | None = None,
    docs: Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    precisions: Sequence[str] | None = None,
    modalities: Sequence[str] | None = None,
    text: str | None = None,
) -> FilterState:
    """The controls' raw values as a FilterState (bad dates are ignored, not fatal; a list is
    cut to ``MAX_CHOSEN`` values, so a forged request with 100,000 cannot cost seconds)."""
    return FilterState(
        actors=_chosen(actors),
        docs=_chosen(docs),
        date_from=parse_day(date_from) if date_from else None,
        date_to=parse_day(date_to) if date_to else None,
        precisions=_chosen(precisions),
        modalities=_chosen(modalities),
        text=(text or "").strip() if isinstance(text, str) else "",
    )


def _chosen(values: Sequence[str] | None) -> tuple[str, ...]:
    """The first ``MAX_CHOSEN`` text values of a filter list (anything else a client sends is
    not a value a control could hold)."""
    if not isinstance(values, list | tuple):
        return ()
    return tuple(v for v in values[: settings.MAX_CHOSEN] if isinstance(v, str))


def view_state(
    corpus: Corpus,
    group_by: str | None,
    dark: bool | None,
    view_range: Sequence[str] | None,
    selected: str | None,
    graph_width: int | None = None,
) -> ViewState:
    """How to draw; ``graph_width`` is the chart's measured width (labels are packed for it)."""
    x_range = None
    if view_range and len(view_range) == 2:
        lo, hi = parse_day(view_range[0]), parse_day(view_range[1])
        if lo and hi and lo == hi:  # zoomed inside one day: that day (events have no hours)
            hi = shift_days(lo, 1)
        if lo and hi and lo < hi:
            x_range = (lo, hi)
    grouped = group_by == "actor"
    width = graph_width if isinstance(graph_width, int | float) and graph_width > 200 else None
    plot_width = (width or GRAPH_WIDTH_PX + 40) - (170 if grouped else 40)  # minus margins
    return ViewState(
        group_by="actor" if grouped else "lanes",
        theme="dark" if dark else "light",
        x_range=x_range,
        selected=selected,
        published=corpus.published,
        width_px=int(plot_width),
    )


def view_outputs(
    corpus: Corpus, state: FilterState, view: ViewState, show_hidden: bool = False
) -> tuple[Any, list[dict[str, Any]], str, str, str]:
    """(figure, table rows, "n of m events" text, URL query, the chart in words) for one
    filter/view state. The words (``dashboard.chart.summary``) come from the plan just drawn
    when that is the one they describe (lanes, curated events); else the summary plans its own.

    The store answers three questions: the chart's level of detail (``plan_view``), how many
    events match, and the table's first rows; none of them loads every event. The events are
    the curated ones (``show_hidden``: hidden ones too, their rows marked)."""
    corpus.sync()  # a curation made elsewhere (the CLI, another worker) shows at once
    store = corpus.view(show_hidden)
    plan = plan_view(store, state, view)
    figure = plan_figure(plan, view)
    extra = {"group": view.group_by if view.group_by != "lanes" else ""}
    if view.x_range:
        extra["x"] = f"{view.x_range[0].isoformat()}~{view.x_range[1].isoformat()}"
    total, matched = len(store), store.count(state)
    count = f"{matched:,} of {total:,} events" if matched != total else f"{total:,} events"
    window = table_window(plan, view)  # the table lists what the chart shows
    longest = plan.longest if window is not None else None
    listed = matched if window is None or plan.in_view is None else plan.in_view
    if window is not None:
        count += f" · {listed:,} in view"
    if plan.coarse:
        count += f" · {plan.coarse:,} dated too coarsely to draw here"
    if listed > settings.TABLE_LIMIT:
        count += f" · table shows the first {settings.TABLE_LIMIT:,}"
    first = store.rows(state, TABLE_COLUMNS, window, limit=settings.TABLE_LIMIT, longest=longest)
    rows = table_rows(first)
    if show_hidden:
        mark_hidden(rows, getattr(corpus.store, "hidden", frozenset()))
    if view.group_by == "lanes" and not show_hidden:
        summary = describe_plan(plan, view.x_range)
    else:
        summary = describe_view(corpus.store, state, view)
    return figure, rows, count, to_query(state, extra), summary


def table_rows(frame: pd.DataFrame, limit: int = settings.TABLE_LIMIT) -> list[dict[str, Any]]:
    """Rows for the events grid, earliest first (ties by event_id), at most ``limit``."""
    part = first_by_date(frame, limit)
    starts = part["date_start"].dt.date
    ends = part["date_end"].dt.date
    return [
        {
            "event_id": e,
            "start": str(s),
            "when": describe_date(s, t, str(p)),
            "label": label,
            "actors": ", ".join(actors),
            "source": source or title,
            "precision": str(p),
            "modality": str(m),
        }
        for e, s, t, p, label, actors, source, title, m in zip(
            part["event_id"],
            starts,
            ends,
            part["precision"],
            part["label"],
            part["actors"],
            part["source"],
            part["title"],
            part["modality"],
            strict=True,
        )
    ]


def range_from_relayout(relayout: dict[str, Any] | None) -> Any:
    """The x range a zoom, pan or reset produced: [start, end], None for "everything", or
    ``no_update`` when the event was not about the time axis (autosize, legend clicks)."""
    if not relayout:
        return no_update
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        bounds = [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]]
    elif isinstance(relayout.get("xaxis.range"), list):
        bounds = relayout["xaxis.range"]
    elif relayout.get("xaxis.autorange"):
        return None
    else:
        return no_update
    days = [parse_day(b) for b in bounds]
    if None in days:
        return no_update
    return [d.isoformat() for d in days if d is not None]


def range_for_grouping(corpus: Corpus, state: FilterState, view_range: Any) -> Any:
    """None (zoom out) when switching between lanes and actors while the zoomed window holds no
    match, so the other grouping never opens on an empty chart; else ``no_update``."""
    x_range = view_state(corpus, None, None, view_range, None).x_range
    if x_range is None:
        return no_update
    window = (pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1]))
    return None if corpus.store.extent(state, window).count == 0 else no_update


def controls_from_query(search: str | None) -> tuple[Any, ...]:
    """Control values (in FILTER_INPUTS order) plus group-by and zoom, from a bookmarked URL."""
    state, extra = from_query(search)
    zoom = extra.get("x", "")
    view_range = zoom.split("~") if "~" in zoom else None
    return (
        list(state.actors),
        list(state.docs),
        state.date_from.isoformat() if state.date_from else None,
        state.date_to.isoformat() if state.date_to else None,
        list(state.precisions),
        list(state.modalities),
        state.text,
        "actor" if extra.get("group") == "actor" else "lanes",
        view_range,
    )


def clicked_event(click_data: dict[str, Any] | None) -> str | None:
    """The event_id a click on the chart points at (None for bins, the published line...)."""
    for point in (click_data or {}).get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list) and custom and custom[0] == BIN:
            return None
        if isinstance(custom, list) and custom and isinstance(custom[0], str):
            return custom[0]
        if isinstance(custom, str):
            return custom
    return None


def clicked_bin(click_data: dict[str, Any] | None) -> Any:
    """The [first day, day after] of a clicked count bar (to zoom into), else ``no_update``."""
    for point in (click_data or {}).get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list) and len(custom) == 3 and custom[0] == BIN:
            return [str(custom[1]), str(custom[2])]
    return no_update


def panel_outputs(corpus: Corpus, event_id: str | None) -> list[Any]:
    event = corpus.event(event_id) if event_id else None
    if event is None:
        return empty_panel()
    article = corpus.articles.get(str(event["doc_id"]))
    return build_panel(event, article, corpus.cluster_others(event))


def selection_patch(corpus: Corpus, state: FilterState, view: ViewState) -> Patch:
    """Move the selection ring without re-sending the figure (trace 0 is the ring)."""
    plan = plan_view(corpus.store, state, view)
    patch = Patch()
    patch["data"][0] = selection_trace(plan, view.selected, view.theme)
    return patch


def upload_outputs(
    corpus: Corpus,
    names: Sequence[str] | None,
    contents: Sequence[str] | None,
    pasted: str | None,
    title: str | None,
    published: str | None,
) -> tuple[Any, bool]:
    """Read, check and extract what the user added. Returns (status component, corpus changed)."""
    day = parse_day(published) if published else None
    if published and day is None:
        return _alert("The publication date must look like 2024-06-20.", "warning"), False
    intake = Intake()
    intake.extend(read_uploads(names, contents, day))
    intake.extend(read_paste(pasted, title, day))
    if not intake.articles:
        message = intake.problems or ["Choose files or paste an article first."]
        return _alert(message, "warning"), False
    articles, events = corpus.add_articles(
        intake.articles, on_problem=lambda problem: intake.problems.append(str(problem))
    )
    done = (
        f"Added {articles} article{'s' if articles != 1 else ''} and "
        f"{events:+,} events to the timeline."
    )
    return _alert([done, *intake.problems], "success" if not intake.problems else "warning"), True


DOWNLOADS = {
    "png": "dateline-timeline.png",
    "svg": "dateline-timeline.svg",
    "pdf": "dateline-timeline.pdf",
    "csv": "dateline-events.csv",
    "json": "dateline-events.json",
    "timelinejs": "dateline-timelinejs.json",
}


def export_outputs(
    corpus: Corpus, kind: str, state: FilterState, view: ViewState
) -> dict[str, Any]:
    """The ``dcc.Download`` payload for one export button: ``export_view``'s file, as
    ``dateline export`` writes it for the same filters (images keep the zoom)."""
    from dashboard.export.view import export_view

    buffer = io.BytesIO()
    export_view(corpus.store, state, buffer, fmt=kind, group_by=view.group_by,
                x_range=view.x_range)
    data = buffer.getvalue()
    if kind in ("csv", "json", "timelinejs"):
        return dcc.send_string(data.decode("utf-8"), DOWNLOADS[kind])
    return dcc.send_bytes(data, DOWNLOADS[kind])


def _alert(message: str | Sequence[str], color: str) -> dbc.Alert:
    lines = [message] if isinstance(message, str) else list(message)
    return dbc.Alert([html.Div(line) for line in lines], color=color, className="py-2 small mb-0")
