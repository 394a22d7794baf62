"""``create_app``: an events frame (and, when known, the articles' texts) in, a Dash app out.

Why a factory: the CLI, the tests and the screenshot script each build their own app from their
own frame (or event store); nothing is read from globals or the environment. Assets (CSS, the
small client-side script, Bootstrap) are served from the project's ``assets/`` folder, so the
app works offline.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
from dash import Dash
from plotly.io.json import to_json_plotly

from dashboard import bundled
from dashboard.chart.detail import plan_view
from dashboard.chart.figure import ViewState, plan_figure, quick_ranges
from dashboard.store.corpus import Corpus
from dashboard.store.filters import FilterState
from dashboard.store.interface import EventStore
from dashboard.ui.access import register_access
from dashboard.ui.callbacks import register
from dashboard.ui.handlers import GRAPH_WIDTH_PX
from dashboard.ui.layout import build_layout
from extract.article import Article

ASSETS = bundled.ASSETS
FIRST_FIGURE_BYTES = 60_000  # a first chart above this is left to the first callback


def create_app(
    events: pd.DataFrame | EventStore,
    articles: Mapping[str, Article] | Iterable[Article] | None = None,
    *,
    title: str = "Dateline",
    assets_folder: Path = ASSETS,
) -> Dash:
    """A Dash app showing ``events``: a frame (held in memory) or an ``EventStore`` (e.g. the
    DuckDB store ``load`` opens for a big saved set), queried the same way by every callback.

    ``articles`` (doc_id -> Article, or a list of them) lets the source panel show the full text;
    without it, the panel shows the event's sentence only.
    """
    corpus = Corpus(events, _by_id(articles))
    app = Dash(
        __name__,
        title=title,
        assets_folder=str(assets_folder),
        # Bootstrap (vendored, so the app works offline) must load before our own CSS: served
        # from assets/vendor/ but linked first, not auto-loaded after dateline.css.
        assets_path_ignore=["vendor"],
        external_stylesheets=["/assets/vendor/bootstrap.min.css"],
        update_title=None,
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.layout = functools.partial(page, corpus)  # built per request: never stale after an upload
    register(app, corpus)
    register_access(app, corpus)  # lang, ?event=, drawer (dashboard.ui.access)
    app.server.config["DATELINE_CORPUS"] = corpus  # for tests and tools, not for callbacks
    return app


def page(corpus: Corpus) -> Any:
    """The page as it is now: built when a browser asks for it, once per corpus version (an
    upload changes the version, so a page opened after it shows the new counts and lists).
    The first chart comes with it when small; a big one would only be sent twice (the first
    callback draws the chart anyway), so the page then carries its axes alone."""

    def build() -> Any:
        view = ViewState(published=corpus.published, width_px=GRAPH_WIDTH_PX)
        first = plan_figure(plan_view(corpus.store, FilterState(), view), view)
        if len(to_json_plotly(first)) > FIRST_FIGURE_BYTES:  # drawn by the first callback
            first = {"data": [], "layout": first.get("layout", {})}
        bounds = corpus.store.date_bounds()
        anchor = corpus.published or bounds[1]
        return build_layout(corpus, quick_ranges(None, anchor, bounds), first)

    return corpus.once("page", build)


def _by_id(articles: Mapping[str, Article] | Iterable[Article] | None) -> dict[str, Article]:
    if articles is None:
        return {}
    if isinstance(articles, Mapping):
        return dict(articles)
    return {article.doc_id: article for article in articles}


@contextmanager
def running(app: Dash, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` from a background thread for the duration of a ``with`` block; yields the
    URL. Port 0 picks a free one. For tests and the screenshot script."""
    from werkzeug.serving import make_server

    server = make_server(host, port, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="dateline-app", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join(timeout=5)
