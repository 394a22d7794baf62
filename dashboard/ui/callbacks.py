"""Dash callbacks: short adapters from component ids to ``dashboard.ui.handlers`` and back.

Why thin: the behaviour lives in ``handlers`` (plain functions, tested by calling them); this
module only says which ids feed which function. Each callback is guarded: an exception is logged
and the user sees one sentence in the error slot, never a traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
from dash import (
    ALL,
    ClientsideFunction,
    Dash,
    Input,
    Output,
    State,
    ctx,
    no_update,
)

from dashboard.store.corpus import Corpus
from dashboard.ui import ids
from dashboard.ui.curate import ACTIONS, BROWSER, curate_outputs, form_values
from dashboard.ui.handlers import (
    clicked_bin,
    clicked_event,
    controls_from_query,
    export_outputs,
    filter_state,
    panel_outputs,
    range_for_grouping,
    range_from_relayout,
    selection_patch,
    upload_outputs,
    view_outputs,
    view_state,
)
from dashboard.ui.layout import summary_children
from dashboard.ui.options import actor_options, doc_options
from dashboard.ui.source_panel import empty_panel
from extract.errors import DatelineError

log = logging.getLogger("dateline.dashboard")

FILTER_INPUTS = (
    ids.ACTORS,
    ids.DOCS,
    ids.DATE_FROM,
    ids.DATE_TO,
    ids.PRECISION,
    ids.MODALITY,
    ids.SEARCH,
)


def _guarded(n_outputs: int, what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Turn an exception into "Could not <what>: <reason>" in the error slot (last output):
    a ``DatelineError``'s own sentence, or for anything else (a bug) a pointer to the log."""

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*args: Any) -> Any:
            try:
                result = function(*args)
            except Exception as error:  # noqa: BLE001 - the user gets a sentence, the log the trace
                if isinstance(error, DatelineError) and str(error):
                    log.warning("callback %s: %s", function.__name__, error)
                    reason = str(error).splitlines()[0]
                else:
                    log.exception("callback %s failed", function.__name__)
                    reason = "something went wrong on the server; its log has the details."
                alert = dbc.Alert(
                    f"Could not {what}: {reason}",
                    color="danger",
                    dismissable=True,
                    className="m-2 py-2",
                )
                return (*([no_update] * n_outputs), alert)
            return (*result, no_update) if isinstance(result, tuple) else (result, no_update)

        return run

    return wrap


def register(app: Dash, corpus: Corpus) -> None:
    filters = [Input(i, "value") for i in FILTER_INPUTS]
    error = Output(ids.ERROR, "children", allow_duplicate=True)

    @app.callback(
        Output(ids.GRAPH, "figure"),
        Output(ids.TABLE, "rowData"),
        Output(ids.MATCH_COUNT, "children"),
        Output(ids.URL_OUT, "search"),
        Output(ids.CHART_SUMMARY, "children"),
        error,
        *filters,
        Input(ids.GROUP_BY, "value"),
        Input(ids.THEME, "value"),
        Input(ids.VIEW_RANGE, "data"),
        Input(ids.CORPUS_VERSION, "data"),
        Input(ids.GRAPH_WIDTH, "data"),
        Input(ids.SHOW_HIDDEN, "value"),
        State(ids.SELECTED, "data"),
        State(ids.URL_READ, "data"),
        prevent_initial_call="initial_duplicate",
    )
    @_guarded(5, "draw the timeline")
    def update_view(*values: Any) -> tuple[Any, ...]:
        *raw, group_by, dark, view_range, _version, width, hidden, selected, url_read = values
        view = view_state(corpus, group_by, dark, view_range, selected, width)
        state = filter_state(*raw)
        if state.is_empty and not hidden:  # how every page opens: kept for the next user
            outputs = corpus.remember(view, lambda: view_outputs(corpus, state, view, False))
        else:
            outputs = view_outputs(corpus, state, view, bool(hidden))
        return outputs if url_read else (*outputs[:3], no_update, outputs[4])

    @app.callback(
        *[Output(i, "value") for i in FILTER_INPUTS],
        Output(ids.GROUP_BY, "value"),
        Output(ids.VIEW_RANGE, "data"),
        Output(ids.URL_READ, "data"),
        Input(ids.URL, "search"),
        State(ids.URL_READ, "data"),
        State(ids.GROUP_BY, "value"),
    )
    def apply_url(search: str | None, already: bool, group_by: str | None) -> tuple[Any, ...]:
        if already:
            return (no_update,) * (len(FILTER_INPUTS) + 3)
        *controls, group, view_range = controls_from_query(search)
        # An unchanged grouping is not set again: that would look like a switch (``regroup``).
        return (*controls, no_update if group == group_by else group, view_range, True)

    @app.callback(
        *[Output(i, "value", allow_duplicate=True) for i in FILTER_INPUTS],
        Input(ids.CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def clear_filters(_: int | None) -> tuple[Any, ...]:
        return [], [], None, None, [], [], ""

    @app.callback(
        Output(ids.VIEW_RANGE, "data", allow_duplicate=True),
        Input(ids.GRAPH, "relayoutData"),
        prevent_initial_call=True,
    )
    def zoomed(relayout: dict[str, Any] | None) -> Any:
        return range_from_relayout(relayout)

    @app.callback(
        Output(ids.VIEW_RANGE, "data", allow_duplicate=True),
        Input(ids.GRAPH, "clickData"),
        prevent_initial_call=True,
    )
    def zoom_to_bin(click: dict[str, Any] | None) -> Any:
        return clicked_bin(click)

    @app.callback(
        Output(ids.VIEW_RANGE, "data", allow_duplicate=True),
        Input(ids.GROUP_BY, "value"),
        *[State(i, "value") for i in FILTER_INPUTS],
        State(ids.VIEW_RANGE, "data"),
        prevent_initial_call=True,
    )
    def regroup(_group: str | None, *values: Any) -> Any:
        *raw, view_range = values
        return range_for_grouping(corpus, filter_state(*raw), view_range)

    @app.callback(
        Output(ids.SELECTED, "data"),
        Output(ids.TABLE, "selectedRows"),
        Output(ids.TABLE, "scrollTo"),
        Input(ids.GRAPH, "clickData"),
        Input(ids.TABLE, "selectedRows"),
        Input({"type": ids.OTHER_SOURCE, "index": ALL}, "n_clicks"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def select_event(click: Any, rows: Any, _others: Any, current: str | None) -> tuple[Any, ...]:
        trigger = ctx.triggered_id
        if trigger == ids.TABLE:  # several ticked (to merge): the panel shows the last one
            chosen = rows[-1]["event_id"] if rows else None
            if chosen == current or chosen is None:
                return no_update, no_update, no_update
            return chosen, no_update, no_update
        if isinstance(trigger, dict):
            if not any(t.get("value") for t in ctx.triggered):
                return no_update, no_update, no_update
            chosen = str(trigger["index"])
        else:
            chosen = clicked_event(click)
        if chosen is None or chosen == current:
            return no_update, no_update, no_update
        return chosen, {"ids": [chosen]}, {"rowId": chosen, "rowPosition": "middle"}

    @app.callback(
        Output(ids.PANEL_BODY, "children"),
        Output(ids.GRAPH, "figure", allow_duplicate=True),
        error,
        Input(ids.SELECTED, "data"),
        *[State(i, "value") for i in FILTER_INPUTS],
        State(ids.GROUP_BY, "value"),
        State(ids.THEME, "value"),
        State(ids.VIEW_RANGE, "data"),
        State(ids.GRAPH_WIDTH, "data"),
        prevent_initial_call=True,
    )
    @_guarded(2, "show the source")
    def show_selection(selected: str | None, *values: Any) -> tuple[Any, ...]:
        if not selected:
            return empty_panel(), no_update
        *raw, group_by, dark, view_range, width = values
        view = view_state(corpus, group_by, dark, view_range, selected, width)
        return panel_outputs(corpus, selected), selection_patch(corpus, filter_state(*raw), view)

    @app.callback(
        Output(ids.UPLOAD_MODAL, "is_open"),
        Input(ids.UPLOAD_OPEN, "n_clicks"),
        State(ids.UPLOAD_MODAL, "is_open"),
        prevent_initial_call=True,
    )
    def toggle_upload(_: int | None, is_open: bool) -> bool:
        return not is_open

    @app.callback(
        Output(ids.UPLOAD_CHOSEN, "children"),
        Input(ids.UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def chosen_files(names: list[str] | None) -> str:
        return f"Chosen: {', '.join(names)}" if names else ""

    @app.callback(
        Output(ids.UPLOAD_STATUS, "children"),
        Output(ids.CORPUS_VERSION, "data"),
        Output(ids.SUMMARY, "children"),
        Output(ids.UPLOAD, "contents"),
        Output(ids.PASTE, "value"),
        error,
        Input(ids.UPLOAD_ADD, "n_clicks"),
        State(ids.UPLOAD, "filename"),
        State(ids.UPLOAD, "contents"),
        State(ids.PASTE, "value"),
        State(ids.PASTE_TITLE, "value"),
        State(ids.UPLOAD_DATE, "value"),
        prevent_initial_call=True,
    )
    @_guarded(5, "add the articles")
    def add_articles(
        _: int | None, names: Any, contents: Any, pasted: Any, title: Any, published: Any
    ) -> tuple[Any, ...]:
        status, changed = upload_outputs(corpus, names, contents, pasted, title, published)
        if not changed:
            return status, no_update, no_update, no_update, no_update
        return status, corpus.version, summary_children(corpus.summary()), None, ""

    @app.callback(
        Output(ids.ACTORS, "options"),
        Input(ids.ACTORS, "search_value"),
        Input(ids.ACTORS, "value"),
        Input(ids.CORPUS_VERSION, "data"),
        prevent_initial_call=True,
    )
    def actor_choices(search: str | None, chosen: list[str] | None, _version: int) -> Any:
        return actor_options(corpus, search or "", chosen or ())

    @app.callback(
        Output(ids.DOCS, "options"),
        Input(ids.DOCS, "search_value"),
        Input(ids.DOCS, "value"),
        Input(ids.CORPUS_VERSION, "data"),
        prevent_initial_call=True,
    )
    def doc_choices(search: str | None, chosen: list[str] | None, _version: int) -> Any:
        return doc_options(corpus, search or "", chosen or ())

    register_curation(app, corpus, error)

    exports = {
        ids.EXPORT_PNG: "png",
        ids.EXPORT_SVG: "svg",
        ids.EXPORT_PDF: "pdf",
        ids.EXPORT_CSV: "csv",
        ids.EXPORT_JSON: "json",
        ids.EXPORT_TIMELINEJS: "timelinejs",
    }

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        error,
        *[Input(i, "n_clicks") for i in exports],
        *[State(i, "value") for i in FILTER_INPUTS],
        State(ids.GROUP_BY, "value"),
        State(ids.VIEW_RANGE, "data"),
        prevent_initial_call=True,
    )
    @_guarded(1, "export")
    def export_view(*values: Any) -> Any:
        if ctx.triggered_id not in exports or not any(values[: len(exports)]):
            return no_update
        *raw, group_by, view_range = values[len(exports) :]
        view = view_state(corpus, group_by, False, view_range, None)
        return export_outputs(corpus, exports[ctx.triggered_id], filter_state(*raw), view)

    app.clientside_callback(
        ClientsideFunction("dateline", "applyTheme"),
        Output(ids.THEME_ROOT, "className"),
        Input(ids.THEME, "value"),
    )
    app.clientside_callback(
        ClientsideFunction("dateline", "quickView"),
        Output(ids.QUICK_DONE, "data"),
        Input(ids.QUICK_ALL, "n_clicks"),
        Input(ids.QUICK_YEAR, "n_clicks"),
        Input(ids.QUICK_MONTH, "n_clicks"),
        State(ids.QUICK_RANGES, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("dateline", "measureGraph"),
        Output(ids.GRAPH_WIDTH, "data"),
        Input(ids.GRAPH, "figure"),
        State(ids.GRAPH_WIDTH, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("dateline", "scrollToSentence"),
        Output(ids.SCROLL_DONE, "data"),
        Input(ids.PANEL_BODY, "children"),
        prevent_initial_call=True,
    )


def register_curation(app: Dash, corpus: Corpus, error: Output) -> None:
    """Hide, show again, edit, split, merge and undo (``dashboard.ui.curate``)."""

    @app.callback(
        Output(ids.CURATE_LABEL, "value"),
        Output(ids.CURATE_FROM, "value"),
        Output(ids.CURATE_TO, "value"),
        Output(ids.CURATE_PRECISION, "value"),
        Output(ids.CURATE_ACTORS, "value"),
        Output(ids.CURATE_STATUS, "value"),
        Output(ids.CURATE_HIDE, "disabled"),
        Output(ids.CURATE_UNHIDE, "disabled"),
        Output(ids.CURATE_EDIT, "disabled"),
        Output(ids.CURATE_SPLIT, "disabled"),
        Input(ids.SELECTED, "data"),
        Input(ids.CORPUS_VERSION, "data"),
    )
    def fill_form(selected: str | None, _version: Any) -> tuple[Any, ...]:
        return form_values(corpus, selected)

    @app.callback(
        Output(ids.CURATE_FORM, "hidden"),
        Input(ids.CURATE_EDIT, "n_clicks"),
        State(ids.CURATE_FORM, "hidden"),
        prevent_initial_call=True,
    )
    def toggle_form(_: int | None, hidden: bool) -> bool:
        return not hidden

    @app.callback(
        Output(ids.CURATE_MESSAGE, "children"),
        Output(ids.CORPUS_VERSION, "data", allow_duplicate=True),
        Output(ids.SUMMARY, "children", allow_duplicate=True),
        Output(ids.PANEL_BODY, "children", allow_duplicate=True),
        Output(ids.CURATE_FORM, "hidden", allow_duplicate=True),
        error,
        *[Input(i, "n_clicks") for i in ACTIONS if i != ids.TABLE],
        Input(ids.TABLE, "cellValueChanged"),
        State(ids.SELECTED, "data"),
        *[State(i, "value") for i in CURATE_FIELDS.values()],
        State(ids.TABLE, "selectedRows"),
        prevent_initial_call=True,
    )
    @_guarded(5, "curate")
    def curate(*values: Any) -> tuple[Any, ...]:
        if ctx.triggered_id not in ACTIONS or not ctx.triggered[0].get("value"):
            return no_update, no_update, no_update, no_update, no_update
        changed, selected, *fields, ticked = values[len(ACTIONS) - 1 :]
        form = dict(zip(CURATE_FIELDS, fields, strict=True))
        said = curate_outputs(corpus, str(ctx.triggered_id), selected, form, ticked, changed,
                              who=_who())
        panel = panel_outputs(corpus, selected) if selected else no_update
        return said, corpus.version, summary_children(corpus.summary()), panel, True


CURATE_FIELDS = {
    "label": ids.CURATE_LABEL,
    "from": ids.CURATE_FROM,
    "to": ids.CURATE_TO,
    "precision": ids.CURATE_PRECISION,
    "actors": ids.CURATE_ACTORS,
    "status": ids.CURATE_STATUS,
}


def _who() -> str:
    """The logged-in user (``--auth``) for the curation log, else ``browser``."""
    from flask import request

    auth = request.authorization
    return auth.username if auth is not None and auth.username else BROWSER
