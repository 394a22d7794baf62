"""Starting the app for real: the corpus (articles plus stored uploads), headers, and a server.

Why waitress: it is a production WSGI server in pure Python. It serves from threads in one
process (``--workers N`` = N threads), so every request sees the same in-memory corpus and an
upload is visible to everyone at once; gunicorn's worker *processes* would each hold their own
copy and diverge after the first upload. It needs no ``fork`` (works on Windows and macOS the
same way), has no C build step, and has sane limits (request body size, connection count).
The Werkzeug development server runs only with ``--debug``, which also turns on Dash's dev tools.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dash import Dash

from dashboard.serve import security
from dashboard.store.data_folder import DataStore
from extract import settings
from extract.article import Problem


@dataclass(frozen=True, slots=True)
class Prepared:
    app: Dash
    events: int
    articles: int
    stored: int


def prepare(
    paths: Iterable[Path],
    *,
    published: date | None = None,
    data_dir: Path | None = None,
    credentials: security.Credentials | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Prepared:
    """The app ``dateline serve`` runs: ``paths`` extracted, earlier uploads from ``data_dir``
    added back, new uploads persisted there, and the security headers installed."""
    from dashboard.store.open import load
    from dashboard.ui.app import create_app

    frame, articles = load(paths, published=published)
    app = create_app(frame, articles)
    corpus = app.server.config["DATELINE_CORPUS"]
    stored = 0
    if data_dir is not None:
        store = DataStore(data_dir, on_problem=on_problem)
        earlier = store.load()
        if earlier:
            stored, _ = corpus.add_articles(earlier)
        corpus.persist = store.save  # from now on, written to disk before the corpus changes
    security.install(app, credentials)
    summary = corpus.summary()
    return Prepared(app, summary.events, summary.articles, stored)


def serve(
    app: Dash,
    *,
    host: str = settings.HOST,
    port: int = settings.PORT,
    workers: int = settings.SERVE_THREADS,
    debug: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve until interrupted. ``announce`` gets the URL once the socket is bound (port 0 picks
    a free port, and the URL says which)."""
    if debug:
        announce(_url(host, port))
        app.run(host=host, port=port, debug=True, dev_tools_ui=True, dev_tools_props_check=True,
                use_reloader=False)
        return
    server = make_server(app, host=host, port=port, workers=workers)
    announce(_url(host, server.effective_port))  # type: ignore[union-attr]
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def make_server(app: Dash, *, host: str, port: int, workers: int):  # type: ignore[no-untyped-def]
    """A bound, not yet running waitress server (``.run()`` it, ``.close()`` it)."""
    import waitress

    return waitress.create_server(
        app.server,
        host=host,
        port=port,
        threads=workers,
        ident="dateline",
        # Up to the limit the upload callback answers with a sentence (which files were too big);
        # a larger body is refused unread (HTTP 413), so nobody makes a thread buffer gigabytes.
        max_request_body_size=settings.MAX_REQUEST_BYTES,
        connection_limit=max(100, 4 * workers),
        channel_timeout=60,
        clear_untrusted_proxy_headers=True,
    )


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
