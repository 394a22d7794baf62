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
            dcc.Store(id=ids.CORPUS_VERSION, data=corpus.version),
            dcc.Download(id=ids.DOWNLOAD),
            _header(corpus.summary()),
            html.Div(id=ids.ERROR, className="error-slot"),
            dbc.Container(
                fluid=True,
                className="main-grid",
                children=[
                    dbc.Row(
                        className="g-3",
                        children=[
                            dbc.Col(_filters(corpus), xl=2, lg=3, md=12, className="filters-col"),
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
    ]


def actor_options(corpus: Corpus) -> list[dict[str, str]]:
    return [
        {"label": f"{name} ({count})", "value": name} for name, count in corpus.actor_counts()
    ]


def doc_options(corpus: Corpus) -> list[dict[str, str]]:
    return [{"label": label, "value": doc} for doc, label in corpus.source_options()]


def _header(summary: Summary) -> html.Header:
    return html.Header(
        className="app-header",
        children=[
            html.Div(
                className="brand",
                children=[
                    html.Span("◷", className="brand-mark", **{"aria-hidden": "true"}),
                    html.Span("Dateline", className="brand-name"),
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
            ),
            _field(
                "Date range",
                html.Div(
                    className="date-pair",
                    children=[
                        dbc.Input(
                            id=ids.DATE_FROM,
                            type="date",
                            size="sm",
                            debounce=True,
                            placeholder="from",
                        ),
                        html.Span("to", className="mx-1 text-body-secondary small"),
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
            ),
        ],
    )
    return html.Div(body, className="card filters-card")


def _choices(component_id: str, values: Sequence[str]) -> dbc.Checklist:
    """An inline checklist whose labels are its values; none ticked means no filter."""
    return dbc.Checklist(
        id=component_id,
        options=[{"label": v, "value": v} for v in values],
        value=[],
        inline=True,
        className="small",
    )


def _field(label: str, control: Any) -> html.Div:
    return html.Div([html.Label(label, className="field-label"), control], className="mb-3")


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
            dcc.Loading(
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
            html.Div(
                className="d-flex justify-content-between align-items-baseline mt-2",
                children=[
                    html.H2("Events", className="section-title"),
                    html.Span(
                        "Click a row to read its source", className="small text-body-secondary"
                    ),
                ],
            ),
            dag.AgGrid(
                id=ids.TABLE,
                className="events-grid",
                rowData=[],
                columnDefs=_COLUMNS,
                getRowId="params.data.event_id",
                defaultColDef={
                    "sortable": True,
                    "resizable": True,
                    "filter": True,
                    "suppressHeaderMenuButton": True,
                },
                dashGridOptions={
                    "rowSelection": {
                        "mode": "singleRow",
                        "checkboxes": False,
                        "enableClickSelection": True,
                    },
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
    {"field": "label", "headerName": "Event", "minWidth": 200, "flex": 3},
    {"field": "actors", "headerName": "Actors", "minWidth": 140, "flex": 2},
    {"field": "source", "headerName": "Source", "minWidth": 100, "flex": 1},
    {"field": "modality", "headerName": "Status", "minWidth": 105, "flex": 1},
]


def _panel() -> html.Div:
    return html.Aside(
        id=ids.PANEL,
        className="card source-panel",
        children=[
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
