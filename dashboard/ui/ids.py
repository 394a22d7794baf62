"""Component ids, shared by the layout, the callbacks and the browser tests.

Why constants: a typo in an id string fails silently in Dash (a callback that never fires); a
typo in a constant fails at import.
"""

from __future__ import annotations

URL = "url"  # dcc.Location read once, at page load
URL_OUT = "url-out"  # dcc.Location the filters write the query string to
URL_READ = "url-read"  # dcc.Store: True once the URL has been applied to the controls

THEME = "theme-switch"
THEME_ROOT = "theme-root"
SUMMARY = "corpus-summary"
ERROR = "error-slot"  # a sentence when something failed, never a traceback

ACTORS = "filter-actors"
DOCS = "filter-docs"
DATE_FROM = "filter-date-from"
DATE_TO = "filter-date-to"
PRECISION = "filter-precision"
MODALITY = "filter-modality"
SEARCH = "filter-search"
CLEAR = "filter-clear"
GROUP_BY = "group-by"
MATCH_COUNT = "match-count"

QUICK_ALL = "quick-all"
QUICK_YEAR = "quick-year"
QUICK_MONTH = "quick-month"
QUICK_RANGES = "quick-ranges"  # dcc.Store: {"all": None, "year": [a, b], "month": [a, b]}
QUICK_DONE = "quick-done"  # dummy output of the client-side zoom

GRAPH = "timeline"
GRAPH_WIDTH = "graph-width"  # dcc.Store: the chart's width in px, measured in the browser
VIEW_RANGE = "view-range"  # dcc.Store: [start, end] the user zoomed to, or None
SELECTED = "selected-event"  # dcc.Store: event_id or None
CORPUS_VERSION = "corpus-version"  # dcc.Store: bumps when articles are added

TABLE = "events-table"
PANEL = "source-panel"
PANEL_BODY = "source-panel-body"
OTHER_SOURCE = "other-source"  # pattern-matching id type for "also reported by" buttons
SCROLL_DONE = "scroll-done"  # dummy output of the client-side scroll to the sentence

UPLOAD = "upload-files"
PASTE = "upload-paste"
PASTE_TITLE = "upload-paste-title"
UPLOAD_DATE = "upload-published"
UPLOAD_ADD = "upload-add"
UPLOAD_STATUS = "upload-status"
UPLOAD_CHOSEN = "upload-chosen"
UPLOAD_OPEN = "upload-open"
UPLOAD_MODAL = "upload-modal"

EXPORT_PNG = "export-png"
EXPORT_SVG = "export-svg"
EXPORT_PDF = "export-pdf"
EXPORT_CSV = "export-csv"
EXPORT_JSON = "export-json"
EXPORT_TIMELINEJS = "export-timelinejs"
DOWNLOAD = "download"
EXPORT_STATUS = "export-status"

# accessibility and small screens (dashboard.ui.access, assets/keyboard.js)
CHART_SUMMARY = "chart-summary"  # the chart in words, for screen readers and everyone
CHART_FOCUS = "chart-focus"  # the keyboard-focusable wrapper of the timeline
ANNOUNCE = "chart-announce"  # aria-live: the event the keyboard is on
PANEL_CLOSE = "source-panel-close"  # closes the source drawer on narrow screens
FILTERS_TOGGLE = "filters-toggle"  # shows the filters on phones
FILTERS_COL = "filters-col"
URL_EVENT = "url-event"  # dummy output of the client-side ?event= writer

# curation (dashboard.ui.curate)
CURATE_HIDE = "curate-hide"
CURATE_UNHIDE = "curate-unhide"
CURATE_EDIT = "curate-edit"  # opens the edit form
CURATE_FORM = "curate-form"
CURATE_LABEL = "curate-label"
CURATE_FROM = "curate-from"
CURATE_TO = "curate-to"
CURATE_PRECISION = "curate-precision"
CURATE_ACTORS = "curate-actors"
CURATE_STATUS = "curate-status"
CURATE_SAVE = "curate-save"
CURATE_SPLIT = "curate-split"
CURATE_UNDO = "curate-undo"
CURATE_MESSAGE = "curate-message"
CURATE_MERGE = "curate-merge"
CURATE_TABLE_UNDO = "curate-table-undo"
SHOW_HIDDEN = "show-hidden"
