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
from dashboard.store.data_folder import DataStore, restore
from extract import settings
from extract.article import Problem
from extract.curation_log import CurationLog


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
    added back, new uploads persisted there, its curations applied, and the security headers
    installed."""
    from dashboard.store.open import load
    from dashboard.ui.app import create_app

    frame, articles = load(paths, published=published)
    app = create_app(frame, articles)
    corpus = app.server.config["DATELINE_CORPUS"]
    stored = 0
    if data_dir is not None:
        store = DataStore(data_dir, on_problem=on_problem)
        stored = restore(corpus, store)  # saved events joined, not extracted again
        corpus.persist = _saved_when_answered(store)  # on disk before the corpus changes
        corpus.use_curations(CurationLog(data_dir, on_problem=on_problem))  # applied on read
    security.install(app, credentials)
    summary = corpus.summary()
    return Prepared(app, summary.events, summary.articles, stored)


def _saved_when_answered(store: DataStore) -> Callable[..., None]:
    """``store.save``, kept aside until the answer to the upload is complete and about to be
    sent (Flask's ``after_this_request``, the last step before waitress writes it): if the
    server is killed before (while joining the events, building the answer), the client sees
    the upload fail and the next start must not bring it back (a retry would add it twice);
    once the client can see "Added", it is on disk. Outside a request (a script, a test) it is
    committed at once."""
    from flask import after_this_request, has_request_context

    def persist(articles: list, events: object = None, dated: Iterable = ()) -> None:
        pending = store.save(articles, events, dated, pending=True)  # type: ignore[arg-type]
        if not has_request_context():
            store.commit(pending)
            return

        @after_this_request
        def _commit(response):  # type: ignore[no-untyped-def]
            store.commit(pending)
            return response

    return persist


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
        _serve_debug(app, host=host, port=port, announce=announce)
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

    server = waitress.create_server(
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
    for listener in [server, *getattr(server, "map", {}).values()]:
        if hasattr(listener, "channel_class"):
            listener.channel_class = _secure_channel()
    return server


def _secure_channel():  # type: ignore[no-untyped-def]
    """waitress's connection handler, with the security headers on the answers waitress writes
    itself (400 bad request, 413 body too large, 431 headers too large), which never reach
    the app or its ``guard``."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    headers = [*security.HEADERS.items(), ("Content-Security-Policy", security.ERROR_POLICY)]

    class SecureErrorTask(ErrorTask):
        def execute(self) -> None:
            self.response_headers.extend(headers)
            super().execute()

    class SecureChannel(HTTPChannel):
        error_task_class = SecureErrorTask

    return SecureChannel


def _serve_debug(app: Dash, *, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Werkzeug's development server with Dash's dev tools and the debugger, the debugger
    inside the ``guard`` (so a client without the password never sees its pages or console)
    and only on loopback (``security.check_bind``)."""
    from werkzeug import serving
    from werkzeug.debug import DebuggedApplication

    app.enable_dev_tools(debug=True, dev_tools_ui=True, dev_tools_props_check=True,
                         dev_tools_hot_reload=False)
    app.server.debug = True
    guard = app.server.wsgi_app
    if hasattr(guard, "inner"):
        guard.inner = DebuggedApplication(guard.inner, evalex=True)
    else:
        app.server.wsgi_app = DebuggedApplication(guard, evalex=True)
    server = serving.make_server(host, port, app.server, threaded=True)
    announce(_url(host, server.server_port))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
