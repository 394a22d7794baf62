"""The page: header with the corpus summary, filters, timeline, events table and source panel.

Why one builder per region: each is a small function returning components, so the page reads
top to bottom here and each part can be rendered alone in a test.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.store.corpus import Corpus, Summary
from dashboard.ui import ids
from dashboard.ui.curate import panel_controls, table_controls
from dashboard.ui.options import actor_options, doc_options
from dashboard.ui.source_panel import empty_panel
from dashboard.ui.upload import ACCEPT
from extract import settings
from extract.schema import MODALITIES, PRECISIONS


def build_layout(corpus: Corpus, quick: dict[str, Any], figure: Any) -> html.Div:
    """The page; ``figure`` is the first timeline (so the chart paints before any callback)."""
    return html.Div(
        id=ids.THEME_ROOT,
        className="dateline",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Location(id=ids.URL_OUT, refresh="callback-nav"),
            dcc.Store(id=ids.URL_READ, data=False),
            dcc.Store(id=ids.QUICK_RANGES, data=quick),
            dcc.Store(id=ids.QUICK_DONE),
            dcc.Store(id=ids.SCROLL_DONE),
            dcc.Store(id=ids.VIEW_RANGE, data=None),
            dcc.Store(id=ids.GRAPH_WIDTH, data=None),
            dcc.Store(id=ids.SELECTED, data=None),
            dcc.Store(id=ids.URL_EVENT),
            dcc.Store(id=ids.CORPUS_VERSION, data=corpus.version),
            dcc.Download(id=ids.DOWNLOAD),
            _header(corpus.summary()),
            html.Main(
                className="container-fluid main-grid",
                children=[
                    html.Div(id=ids.ERROR, className="error-slot"),
                    dbc.Row(
                        className="g-3",
                        children=[
                            dbc.Col(
                                _filters(corpus),
                                id=ids.FILTERS_COL,
                                xl=2,
                                lg=3,
                                md=12,
                                className="filters-col",
                            ),
                            dbc.Col(_main(figure), xl=7, lg=9, md=12),
                            dbc.Col(_panel(), xl=3, lg=12, md=12, className="panel-col"),
                        ],
                    ),
                ],
            ),
            _upload_modal(),
        ],
    )


def summary_children(summary: Summary) -> list[Any]:
    def chip(value: str, name: str) -> html.Span:
        return html.Span([html.Strong(value), f" {name}"], className="summary-chip")

    return [
        chip(f"{summary.articles:,}", "article" if summary.articles == 1 else "articles"),
        chip(f"{summary.events:,}", "event" if summary.events == 1 else "events"),
        chip(summary.span, "span"),
        chip(f"{summary.actors:,}", "actor" if summary.actors == 1 else "actors"),
        *([chip(f"{summary.curated:,}", "curated")] if summary.curated else []),
    ]


def _header(summary: Summary) -> html.Header:
    return html.Header(
        className="app-header",
        children=[
            html.Div(
                className="brand",
                children=[
                    html.Span("◷", className="brand-mark", **{"aria-hidden": "true"}),
                    html.H1("Dateline", className="brand-name"),
                ],
            ),
            html.Div(summary_children(summary), id=ids.SUMMARY, className="summary"),
            html.Div(
                className="header-actions",
                children=[
                    dbc.Button(
                        "Add articles",
                        id=ids.UPLOAD_OPEN,
                        color="primary",
                        size="sm",
                        className="me-2",
                    ),
                    dbc.DropdownMenu(
                        label="Export",
                        size="sm",
                        color="secondary",
                        className="me-3",
                        align_end=True,
                        children=[
                            dbc.DropdownMenuItem("Chart as PNG", id=ids.EXPORT_PNG),
                            dbc.DropdownMenuItem("Chart as SVG", id=ids.EXPORT_SVG),
                            dbc.DropdownMenuItem("Chart as PDF", id=ids.EXPORT_PDF),
                            dbc.DropdownMenuItem(divider=True),
                            dbc.DropdownMenuItem("Events as CSV", id=ids.EXPORT_CSV),
                            dbc.DropdownMenuItem("Events as JSON", id=ids.EXPORT_JSON),
                            dbc.DropdownMenuItem("TimelineJS3 JSON", id=ids.EXPORT_TIMELINEJS),
                        ],
                    ),
                    dbc.Switch(
                        id=ids.THEME,
                        label="Dark",
                        value=False,
                        persistence=True,
                        className="theme-switch mb-0",
                    ),
                ],
            ),
        ],
    )


def _filters(corpus: Corpus) -> html.Div:
    present = corpus.precisions()
    precisions = [p for p in PRECISIONS if p in present] or list(PRECISIONS[:1])
    body = html.Div(
        className="card-body",
        children=[
            html.Div(
                className="d-flex justify-content-between align-items-baseline",
                children=[
                    html.H2("Filters", className="section-title"),
                    dbc.Button("Clear", id=ids.CLEAR, color="link", size="sm", className="p-0"),
                ],
            ),
            _field(
                "Actors",
                dcc.Dropdown(
                    id=ids.ACTORS,
                    options=actor_options(corpus),
                    multi=True,
                    placeholder="Anyone",
                    className="dl-dropdown",
                ),
                ids.ACTORS,
            ),
            _field(
                "Source article",
                dcc.Dropdown(
                    id=ids.DOCS,
                    options=doc_options(corpus),
                    multi=True,
                    placeholder="All articles",
                    className="dl-dropdown",
                ),
                ids.DOCS,
            ),
            _field(
                "Date range",
                html.Div(
                    className="date-pair",
                    children=[
                        html.Label("from", htmlFor=ids.DATE_FROM, className="sr-only"),
                        dbc.Input(
                            id=ids.DATE_FROM,
                            type="date",
                            size="sm",
                            debounce=True,
                            placeholder="from",
                        ),
                        html.Label(
                            "to", htmlFor=ids.DATE_TO, className="mx-1 text-body-secondary small"
                        ),
                        dbc.Input(
                            id=ids.DATE_TO, type="date", size="sm", debounce=True, placeholder="to"
                        ),
                    ],
                ),
            ),
            _field("Precision", _choices(ids.PRECISION, precisions)),
            _field("Status", _choices(ids.MODALITY, MODALITIES)),
            _field(
                "Search",
                dbc.Input(
                    id=ids.SEARCH,
                    type="search",
                    placeholder="words in label or sentence",
                    debounce=0.3,
                    size="sm",
                ),
                ids.SEARCH,
            ),
        ],
    )
    return html.Div(
        [
            html.Button(
                "Filters",
                id=ids.FILTERS_TOGGLE,
                className="btn btn-outline-secondary btn-sm filters-toggle",
                **{"aria-expanded": "false", "aria-controls": "filters-card"},
            ),
            html.Div(
                body,
                id="filters-card",
                className="card filters-card",
                role="search",
                **{"aria-label": "Filters"},
            ),
        ]
    )


def _choices(component_id: str, values: Sequence[str]) -> dbc.Checklist:
    """An inline checklist whose labels are its values; none ticked means no filter."""
    return dbc.Checklist(
        id=component_id,
        options=[{"label": v, "value": v} for v in values],
        value=[],
        inline=True,
        className="small",
    )


def _field(label: str, control: Any, control_id: str | None = None) -> html.Div:
    """A labelled control: a ``<label for>`` tied to one input, or a group named by its label
    (date pairs, checklists), so a screen reader says "Actors", not the placeholder."""
    if control_id is not None:
        caption = html.Label(
            label, htmlFor=control_id, id=f"{control_id}-label", className="field-label"
        )
        return html.Div([caption, control], className="mb-3")
    label_id = label.lower().replace(" ", "-") + "-label"
    group = html.Div(control, role="group", **{"aria-labelledby": label_id})
    caption = html.Div(label, id=label_id, className="field-label")
    return html.Div([caption, group], className="mb-3")


def _main(figure: Any) -> html.Div:
    body = html.Div(
        className="card-body",
        children=[
            html.Div(
                className="toolbar",
                children=[
                    dbc.ButtonGroup(
                        size="sm",
                        children=[
                            dbc.Button("All", id=ids.QUICK_ALL, outline=True, color="secondary"),
                            dbc.Button(
                                "Year before publication",
                                id=ids.QUICK_YEAR,
                                outline=True,
                                color="secondary",
                            ),
                            dbc.Button(
                                "Month around publication",
                                id=ids.QUICK_MONTH,
                                outline=True,
                                color="secondary",
                            ),
                        ],
                    ),
                    dbc.RadioItems(
                        id=ids.GROUP_BY,
                        value="lanes",
                        inline=True,
                        className="btn-group btn-group-sm",
                        inputClassName="btn-check",
                        labelClassName="btn btn-outline-secondary",
                        labelCheckedClassName="active",
                        options=[
                            {"label": "Lanes", "value": "lanes"},
                            {"label": "By actor", "value": "actor"},
                        ],
                    ),
                    html.Span(id=ids.MATCH_COUNT, className="match-count"),
                ],
            ),
            html.Div(
                id=ids.CHART_FOCUS,
                className="chart-focus",
                tabIndex=0,
                role="application",
                **{
                    "aria-roledescription": "timeline",
                    "aria-label": "Timeline of the events",
                    "aria-describedby": f"{ids.CHART_SUMMARY} chart-keys",
                },
                children=dcc.Loading(
                    type="circle",
                    delay_show=400,
                    children=dcc.Graph(
                        id=ids.GRAPH,
                        className="timeline-graph",
                        figure=figure,
                        config={
                            "displaylogo": False,
                            "doubleClick": "autosize",
                            "scrollZoom": False,
                            "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
                            "responsive": True,
                        },
                    ),
                ),
            ),
            html.P(id=ids.CHART_SUMMARY, className="chart-summary"),
            html.P(
                "Keys: Tab to the chart, the arrow keys move from event to event in date order, "
                "Enter reads its source. The table below lists every event.",
                id="chart-keys",
                className="keys-hint",
            ),
            html.Div(
                id=ids.ANNOUNCE, className="sr-only", role="status", **{"aria-live": "polite"}
            ),
            html.Div(
                className="d-flex justify-content-between align-items-baseline gap-2 mt-2",
                children=[
                    html.H2("Events", className="section-title"),
                    html.Span(
                        "Click a row (or press Space on it) to read its source",
                        className="small text-body-secondary",
                    ),
                ],
            ),
            table_controls(),  # merge, undo, show hidden (dashboard.ui.curate)
            dag.AgGrid(
                id=ids.TABLE,
                className="events-grid",
                rowData=[],
                columnDefs=_COLUMNS,
                getRowId="params.data.event_id",
                rowClassRules={"row-hidden": "params.data.hidden"},  # "show hidden"
                defaultColDef={
                    "sortable": True,
                    "resizable": True,
                    "filter": True,
                    "suppressHeaderMenuButton": True,
                },
                dashGridOptions={
                    "rowSelection": {  # ticks choose events to merge (dashboard.ui.curate)
                        "mode": "multiRow",
                        "checkboxes": True,
                        "headerCheckbox": False,
                        "enableClickSelection": True,
                    },
                    # the tick column's header needs a name (axe: empty-table-header)
                    "selectionColumnDef": {
                        "headerName": "Tick",
                        "headerTooltip": "Tick to merge",
                        "width": 76,
                    },
                    "stopEditingWhenCellsLoseFocus": True,
                    "pagination": True,
                    "paginationPageSize": 20,
                    "paginationPageSizeSelector": [20, 50, 100],
                    "animateRows": False,
                    "enableCellTextSelection": True,
                },
                style={"height": "470px"},
            ),
        ],
    )
    return html.Div(body, className="card timeline-card")


_COLUMNS = [
    {
        "field": "start",
        "headerName": "Date",
        "valueFormatter": {"function": "params.data.when"},
        "minWidth": 150,
        "sort": "asc",
        "filter": False,
    },
    {"field": "label", "headerName": "Event", "minWidth": 200, "flex": 3, "editable": True},
    {"field": "actors", "headerName": "Actors", "minWidth": 140, "flex": 2},
    {"field": "source", "headerName": "Source", "minWidth": 100, "flex": 1},
    {"field": "modality", "headerName": "Status", "minWidth": 105, "flex": 1},
    {  # phones only (assets/narrow.js swaps it in): date and event on two lines, never cut
        "colId": "entry",
        "headerName": "Date and event",
        "valueGetter": {"function": "params.data.when + '\\n' + params.data.label"},
        "hide": True,
        "wrapText": True,
        "autoHeight": True,
        "flex": 1,
        "minWidth": 160,
        "sortable": False,
        "filter": False,
        "cellClass": "entry-cell",
    },
]


def _panel() -> html.Section:
    """The source panel: a column on wide screens, a drawer over the chart below 1200 px
    (``assets/responsive.css``), with a close button that only shows there."""
    return html.Section(
        id=ids.PANEL,
        className="card source-panel",
        **{"aria-label": "Source of the selected event"},
        children=[
            html.Button(
                "Close",
                id=ids.PANEL_CLOSE,
                className="btn btn-sm btn-secondary panel-close",
                **{"aria-label": "Close the source"},
            ),
            panel_controls(),  # hide, edit, split, undo (dashboard.ui.curate)
            html.Div(
                empty_panel(), id=ids.PANEL_BODY, className="card-body", **{"aria-live": "polite"}
            ),
        ],
    )


def _upload_modal() -> dbc.Modal:
    return dbc.Modal(
        id=ids.UPLOAD_MODAL,
        is_open=False,
        size="lg",
        children=[
            dbc.ModalHeader(dbc.ModalTitle("Add articles")),
            dbc.ModalBody(
                [
                    dcc.Upload(
                        id=ids.UPLOAD,
                        multiple=True,
                        accept=ACCEPT,
                        className="upload-zone",
                        children=html.Div(
                            [
                                html.Strong("Drop files here"),
                                " or click to choose ",
                                html.Div(
                                    f"{ACCEPT.replace(',', ' ')} · up to "
                                    f"{settings.MAX_UPLOAD_FILES} files, "
                                    f"{settings.MAX_UPLOAD_FILE_BYTES // 2**20} MB each",
                                    className="small",
                                ),
                            ]
                        ),
                    ),
                    html.Div(id=ids.UPLOAD_CHOSEN, className="small text-body-secondary mt-1"),
                    html.Div("or paste an article", className="or-line"),
                    dbc.Input(id=ids.PASTE_TITLE, placeholder="Title (optional)", className="mb-2"),
                    dbc.Textarea(
                        id=ids.PASTE,
                        placeholder="Paste the article text here",
                        style={"height": "160px"},
                    ),
                    html.Div(
                        className="mt-3",
                        children=[
                            html.Label(
                                "Publication date (optional)",
                                className="field-label",
                                htmlFor=ids.UPLOAD_DATE,
                            ),
                            dbc.Input(id=ids.UPLOAD_DATE, type="date", style={"maxWidth": "220px"}),
                            html.Div(
                                "Used for articles that do not carry one; relative dates such as "
                                "“last July” are resolved against it. Without it, Dateline infers "
                                "it from the text.",
                                className="form-text",
                            ),
                        ],
                    ),
                    dcc.Loading(html.Div(id=ids.UPLOAD_STATUS, className="mt-3"), type="dot"),
                ]
            ),
            dbc.ModalFooter(
                [
                    dbc.Button("Add to the timeline", id=ids.UPLOAD_ADD, color="primary"),
                ]
            ),
        ],
    )
