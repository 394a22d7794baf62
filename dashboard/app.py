"""``create_app``: an events frame (and, when known, the articles' texts) in, a Dash app out.

Why a factory: the CLI, the tests and the screenshot script each build their own app from their
own frame (or event store); nothing is read from globals or the environment. Assets (CSS, the
small client-side script, Bootstrap) are served from the project's ``assets/`` folder, so the
app works offline.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pandas as pd
from dash import Dash

from dashboard.callbacks import register
from dashboard.corpus import Corpus
from dashboard.detail import plan_view
from dashboard.figure import ViewState, plan_figure, quick_ranges
from dashboard.filters import FilterState
from dashboard.handlers import GRAPH_WIDTH_PX
from dashboard.layout import build_layout
from dashboard.store import EventStore, open_events
from extract.article import Article

ASSETS = next(
    (folder for folder in (Path(__file__).resolve().parent.parent / "assets",  # source tree
                           Path(__file__).resolve().parent / "assets")  # installed package
     if (folder / "dateline.css").exists()),
    Path(__file__).resolve().parent.parent / "assets",
)


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
    view = ViewState(published=corpus.published, width_px=GRAPH_WIDTH_PX)
    first = plan_figure(plan_view(corpus.store, FilterState(), view), view)
    anchor = corpus.published or corpus.store.date_bounds()[1]
    app.layout = build_layout(corpus, quick_ranges(None, anchor), first)
    register(app, corpus)
    app.server.config["DATELINE_CORPUS"] = corpus  # for tests and tools, not for callbacks
    return app


def _by_id(articles: Mapping[str, Article] | Iterable[Article] | None) -> dict[str, Article]:
    if articles is None:
        return {}
    if isinstance(articles, Mapping):
        return dict(articles)
    return {article.doc_id: article for article in articles}


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_EVENT_FILES = (".parquet", ".csv", ".json")


def load(
    paths: Iterable[str | Path], *, published: date | None = None, store: str = "auto"
) -> tuple[pd.DataFrame | EventStore, list[Article]]:
    """What ``dateline serve`` shows: one saved events file or Parquet folder (no texts), or
    the articles under ``paths`` extracted (the bundled seeds when there are none).

    A saved Parquet set with more than ``store.LARGE_SET`` rows (or any, with
    ``store="duckdb"``) is not read but opened as a ``DuckStore`` that callbacks query in place;
    ``store="memory"`` reads it whatever its size. Either result has ``len`` and ``empty``.
    """
    chosen = [Path(p) for p in paths] or [SEEDS]
    if len(chosen) == 1 and (_is_events_file(chosen[0]) or _is_events_folder(chosen[0])):
        if chosen[0].is_dir() or chosen[0].suffix.lower() == ".parquet":
            return open_events(chosen[0], store=store), []
        from extract.serialize import read

        return read(chosen[0]), []
    from extract.pipeline import extract_paths, print_problem

    return extract_paths(chosen, published=published, on_problem=print_problem)


def _is_events_file(path: Path) -> bool:
    """.parquet/.csv, or a .json holding a list (a .json object is an article to extract)."""
    suffix = path.suffix.lower()
    if not path.is_file() or suffix not in _EVENT_FILES:
        return False
    if suffix != ".json":
        return True
    with path.open(encoding="utf-8", errors="replace") as stream:
        return stream.read(256).lstrip().startswith("[")


def _is_events_folder(path: Path) -> bool:
    """A folder of .parquet files and nothing else readable as articles (the Dask engine's
    output, or any Parquet dataset of events)."""
    if not path.is_dir():
        return False
    files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
    return bool(files) and all(p.suffix.lower() == ".parquet" for p in files)


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
