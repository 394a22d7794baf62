"""Curating in the browser: the controls (source panel and table) and what each one does.

Why one module: the panel's Hide / Show again / Edit / Split / Undo, the table's Merge / Undo /
"show hidden" and editing a label in its cell are one feature; the layout places the two control
blocks (``panel_controls``, ``table_controls``) and ``callbacks`` wires them to ``curate_outputs``,
which turns a click into one ``extract.curation`` record kept by ``Corpus.curate`` (the data
folder's log when serving with ``--data``). The controls are always in the page (disabled when
they have nothing to act on), so their callbacks always have their inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.store.corpus import Corpus
from dashboard.ui import ids
from extract import curation
from extract.schema import MODALITIES, PRECISIONS

ACTIONS = (ids.CURATE_HIDE, ids.CURATE_UNHIDE, ids.CURATE_SAVE, ids.CURATE_SPLIT,
           ids.CURATE_UNDO, ids.CURATE_MERGE, ids.CURATE_TABLE_UNDO, ids.TABLE)
BROWSER = "browser"  # who, in the log, when nobody logged in (no --auth)


def panel_controls() -> html.Div:
    """Buttons above the source panel, and the edit form they open."""
    def button(label: str, component_id: str, hint: str, color: str = "secondary") -> html.Button:
        return _button(label, component_id, hint, color, disabled=True)

    def field(label: str, control: Any, control_id: str) -> html.Div:
        return html.Div([html.Label(label, htmlFor=control_id, className="field-label"),
                         control], className="mb-2")

    form = html.Div(
        id=ids.CURATE_FORM,
        hidden=True,
        className="curate-form",
        role="group",
        **{"aria-label": "Edit the event"},
        children=[
            field("What happened", dbc.Input(id=ids.CURATE_LABEL, size="sm"), ids.CURATE_LABEL),
            html.Div(className="date-pair mb-2", children=[
                html.Label("From", htmlFor=ids.CURATE_FROM, className="field-label"),
                dbc.Input(id=ids.CURATE_FROM, type="date", size="sm"),
                html.Label("To", htmlFor=ids.CURATE_TO, className="field-label"),
                dbc.Input(id=ids.CURATE_TO, type="date", size="sm"),
            ]),
            field("Precision", dbc.Select(
                id=ids.CURATE_PRECISION, size="sm",
                options=[{"label": p, "value": p} for p in PRECISIONS]), ids.CURATE_PRECISION),
            field("Actors (comma-separated)", dbc.Input(id=ids.CURATE_ACTORS, size="sm"),
                  ids.CURATE_ACTORS),
            field("Status", dbc.Select(
                id=ids.CURATE_STATUS, size="sm",
                options=[{"label": m, "value": m} for m in MODALITIES]), ids.CURATE_STATUS),
            _button("Save", ids.CURATE_SAVE, "Save the changes to this event", "primary",
                    solid=True),
        ],
    )
    return html.Div(
        className="curate-controls",
        role="toolbar",
        **{"aria-label": "Curate the selected event"},
        children=[
            html.Div(className="curate-buttons", children=[
                button("Hide", ids.CURATE_HIDE, "Hide this event from the timeline", "danger"),
                button("Show again", ids.CURATE_UNHIDE, "Show this hidden event again"),
                button("Edit", ids.CURATE_EDIT, "Edit this event's label, date, actors, status"),
                button("Split", ids.CURATE_SPLIT, "Take this report out of its merged event"),
                _button("Undo", ids.CURATE_UNDO, "Undo the latest curation"),
            ]),
            form,
            html.Div(id=ids.CURATE_MESSAGE, className="curate-message small",
                     role="status", **{"aria-live": "polite"}),
        ],
    )


def table_controls() -> html.Div:
    """Merge the ticked rows, undo, and the "show hidden" switch, above the events table."""
    return html.Div(
        className="curate-table-controls",
        role="toolbar",
        **{"aria-label": "Curate the events"},
        children=[
            _button("Merge selected", ids.CURATE_MERGE, "Merge the ticked events into one"),
            _button("Undo", ids.CURATE_TABLE_UNDO, "Undo the latest curation"),
            dbc.Switch(id=ids.SHOW_HIDDEN, label="Show hidden", value=False,
                       className="mb-0 show-hidden",
                       input_class_name="show-hidden-input"),
        ],
    )


def _button(
    label: str, component_id: str, hint: str, color: str = "secondary", *,
    disabled: bool = False, solid: bool = False,
) -> html.Button:
    """A small Bootstrap button named by its visible text, with its purpose as ``title`` (an
    ``aria-label`` unlike the visible text would fail WCAG 2.5.3, label in name)."""
    style = f"btn-{color}" if solid else f"btn-outline-{color}"
    return html.Button(label, id=component_id, className=f"btn btn-sm {style}", n_clicks=0,
                       disabled=disabled, title=hint, type="button")


def form_values(corpus: Corpus, event_id: str | None) -> tuple[Any, ...]:
    """(label, from, to, precision, actors, status) of the event, to fill the edit form; and
    whether Hide / Show again / Edit / Split apply to it (``disabled`` flags)."""
    event = corpus.event(event_id) if event_id else None
    if event is None:
        return "", None, None, None, "", None, True, True, True, True
    hidden = str(event["event_id"]) in getattr(corpus.store, "hidden", ())
    merged = str(event["cluster_id"]).startswith(curation.MERGED)
    others = not corpus.cluster_others(event).empty
    return (
        str(event["label"]),
        _day(event["date_start"]),
        _day(event["date_end"]),
        str(event["precision"]),
        ", ".join(event["actors"]),
        str(event["modality"]),
        hidden,  # Hide disabled
        not hidden,  # Show again disabled
        False,  # Edit
        not (merged or others),  # Split: only a report of a happening with others
    )


def curate_outputs(
    corpus: Corpus,
    action: str,
    selected: str | None,
    fields: Mapping[str, Any],
    ticked: Sequence[Mapping[str, Any]] | None,
    cell_changes: Sequence[Mapping[str, Any]] | None,
    who: str = BROWSER,
) -> str:
    """Make the curation ``action`` (a control's id) asks for; returns the sentence to show.

    ``CurationError`` (a ``DatelineError``) when it cannot be made: the callback's guard shows
    its sentence."""
    when = corpus.curations.clock()
    if action == ids.TABLE:  # a label edited in its cell
        change = (cell_changes or [{}])[0]
        event_id, label = change.get("rowId") or (change.get("data") or {}).get("event_id"), \
            change.get("value")
        if not event_id or change.get("colId") != "label":
            return ""
        corpus.curate(lambda f: curation.edit(f, str(event_id), {"label": label}, who, when))
        return f"Renamed to “{label}”."
    if action in (ids.CURATE_UNDO, ids.CURATE_TABLE_UNDO):
        record = corpus.curate(lambda f: curation.undo(corpus.curations.read(), who, when))
        return f"Undone: the latest {record['undoes']}."
    if action == ids.CURATE_MERGE:
        chosen = [str(row["event_id"]) for row in ticked or []]
        corpus.curate(lambda f: curation.merge(f, chosen, who, when))
        return f"Merged {len(chosen)} events into one; every source is kept."
    if not selected:
        return "Select an event first."
    if action == ids.CURATE_HIDE:
        corpus.curate(lambda f: curation.hide(f, selected, who, when))
        return "Hidden. Tick “Show hidden” to see it, or Undo."
    if action == ids.CURATE_UNHIDE:
        corpus.curate(lambda f: curation.unhide(f, selected, who, when))
        return "Shown again."
    if action == ids.CURATE_SPLIT:
        corpus.curate(lambda f: curation.split(f, selected, who, when))
        return "Split from its event."
    if action == ids.CURATE_SAVE:
        changes = _changes(fields, corpus.event(selected) or {})
        corpus.curate(lambda f: curation.edit(f, selected, changes, who, when))
        return "Saved."
    return ""


def mark_hidden(rows: list[dict[str, Any]], hidden: frozenset[str]) -> list[dict[str, Any]]:
    """Table rows with ``hidden`` set, for the "show hidden" view (greyed out by CSS)."""
    for row in rows:
        row["hidden"] = row["event_id"] in hidden
    return rows


def _changes(fields: Mapping[str, Any], event: Mapping[str, Any]) -> dict[str, Any]:
    """What the form changes on ``event``: only fields that differ; new dates take the precision
    they spell unless the precision was changed too."""
    changes: dict[str, Any] = {}
    label = str(fields.get("label") or "").strip()
    if label and label != event.get("label"):
        changes["label"] = label
    start = fields.get("from") or None
    end = fields.get("to") or start
    if start and (start, end) != (_day(event.get("date_start")), _day(event.get("date_end"))):
        changes.update(curation.parse_dates(f"{start}..{end}"))
    precision = fields.get("precision")
    if precision and precision != str(event.get("precision")):
        changes["precision"] = precision
    if fields.get("actors") is not None:  # "" clears them; None (no field) keeps them
        actors = [a.strip() for a in str(fields["actors"]).split(",") if a.strip()]
        if actors != list(event.get("actors") or []):
            changes["actors"] = actors
    status = fields.get("status")
    if status and status != str(event.get("modality")):
        changes["modality"] = status
    return changes


def _day(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()
