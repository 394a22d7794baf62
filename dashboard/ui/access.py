"""Accessibility and small screens: the page's language, the selected event in the URL, the
source drawer and the phone filter toggle. (The chart in words is drawn with the chart itself,
from the same plan: ``handlers.view_outputs``.)

Why a module of its own: these are wired around the main callbacks without changing what they
compute; ``register_access`` adds them to an app that ``callbacks.register`` already set up. The
keyboard path through the chart itself lives in ``assets/keyboard.js`` (it reads the drawn
figure, so it always walks what is on screen).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from dashboard.store.corpus import Corpus
from dashboard.ui import ids

LANGUAGE = "en"


def with_language(index_string: str, language: str = LANGUAGE) -> str:
    """Dash's page template with ``<html lang=...>``, so screen readers pick the right voice."""
    if "<html lang=" in index_string:
        return index_string
    return index_string.replace("<html>", f'<html lang="{language}">', 1)


def event_from_query(search: str | None) -> str | None:
    """The ``event`` of a shared link (``?actor=...&event=ID``), or None."""
    values = parse_qs((search or "").lstrip("?")).get("event")
    return (values[-1].strip() or None) if values else None


def register_access(app: Dash, corpus: Corpus) -> None:
    app.index_string = with_language(app.index_string)
    @app.callback(
        Output(ids.SELECTED, "data", allow_duplicate=True),
        Input(ids.URL, "search"),
        State(ids.SELECTED, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def select_from_url(search: str | None, current: str | None) -> Any:
        chosen = event_from_query(search)
        if chosen is None or chosen == current or corpus.event(chosen) is None:
            return no_update
        return chosen

    app.clientside_callback(
        ClientsideFunction("access", "eventToUrl"),
        Output(ids.URL_EVENT, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.URL_OUT, "search"),
    )
    app.clientside_callback(
        ClientsideFunction("access", "drawer"),
        Output(ids.PANEL, "className"),
        Input(ids.SELECTED, "data"),
        Input(ids.PANEL_CLOSE, "n_clicks"),
        Input(ids.GRAPH, "clickData"),  # the same event again reopens a closed drawer
        Input(ids.TABLE, "cellClicked"),
        State(ids.PANEL, "className"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("access", "toggleFilters"),
        Output(ids.FILTERS_COL, "className"),
        Output(ids.FILTERS_TOGGLE, "aria-expanded"),
        Input(ids.FILTERS_TOGGLE, "n_clicks"),
        State(ids.FILTERS_COL, "className"),
        prevent_initial_call=True,
    )
