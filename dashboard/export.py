"""Exports of a view: the chart as PNG, SVG, PDF or HTML, the events as CSV, JSON or Parquet.

Why a warm exporter: kaleido renders through a real Chromium, and starting one costs about two
seconds; keeping one open for the life of the process makes each later image take a fraction of
a second. The browser is always the system's (``apt-get install chromium``, or the path in
``DATELINE_CHROMIUM`` / ``BROWSER_PATH``): kaleido is handed that path and MathJax is switched
off, so nothing is ever downloaded at run time.

Dash callbacks run in several threads, so the exporter owns one asyncio loop in a thread of its
own; callers submit renders to it and wait. Starting, stopping and restarting after a browser
crash are serialised by a lock.

Errors::

    ExportError               an image could not be made (browser failed, render timed out)
     +-- ChromiumNotFoundError  no Chromium on this machine

The data formats delegate to ``extract.serialize``, which owns the on-disk shape of the frame.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from extract import serialize

if TYPE_CHECKING:
    import plotly.graph_objects as go

ImageFormat = Literal["png", "svg", "pdf"]
IMAGE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")

_BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome")
_TYPICAL_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
_EXTRA_FLAGS = (
    "--disable-background-networking",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--no-pings",
    "--mute-audio",
)
_INSTALL_HINT = "install it (apt-get install chromium) or set DATELINE_CHROMIUM to its path"


class ExportError(RuntimeError):
    """An image export failed; the message is one sentence meant for the user."""


class ChromiumNotFoundError(ExportError):
    """No Chromium (or Chrome) to render images with."""


def find_chromium() -> str:
    """Path of the system Chromium: ``DATELINE_CHROMIUM``, ``BROWSER_PATH``, then ``PATH``."""
    for variable in ("DATELINE_CHROMIUM", "BROWSER_PATH"):
        value = os.environ.get(variable)
        if value:
            if _is_executable(value):
                return value
            raise ChromiumNotFoundError(
                f"{variable}={value!r} is not an executable Chromium; {_INSTALL_HINT}."
            )
    for name in _BROWSER_NAMES:
        found = shutil.which(name)
        if found and _is_executable(found):
            return found
    for candidate in _TYPICAL_PATHS:
        if _is_executable(candidate):
            return candidate
    raise ChromiumNotFoundError(f"No Chromium found to export images; {_INSTALL_HINT}.")


def _is_executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


class ImageExporter:
    """One warm headless Chromium that renders plotly figures, shared by threads.

    Use it as a context manager or call ``close()``; ``render`` starts the browser on first use
    and restarts it once if it died in between.
    """

    def __init__(self, browser_path: str | None = None, *, timeout: float = 60.0) -> None:
        self._browser_path = browser_path
        self._timeout = timeout
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    def __enter__(self) -> ImageExporter:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        """Open the browser now (otherwise the first render does)."""
        with self._lock:
            self._start_locked()

    def render(
        self,
        fig: go.Figure | dict[str, Any],
        fmt: ImageFormat,
        *,
        width: int,
        height: int,
        scale: float = 1.0,
    ) -> bytes:
        """The figure as image bytes; thread-safe."""
        _check_options(fmt, width, height, scale)
        spec = fig.to_dict() if hasattr(fig, "to_dict") else fig
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        try:
            return self._submit(lambda k: k.calc_fig(spec, opts=opts))
        except _BrowserGone:
            with self._lock:
                self._close_locked()
            return self._submit(lambda k: k.calc_fig(spec, opts=opts))

    def close(self) -> None:
        """Close the browser and its loop; a later ``render`` starts a new one."""
        with self._lock:
            self._close_locked()

    def _submit(self, make: Callable[[Any], Any]) -> bytes:
        from choreographer.errors import BrowserClosedError, ChannelClosedError

        with self._lock:
            self._start_locked()
            loop, kaleido = self._loop, self._kaleido
        assert loop is not None
        future = asyncio.run_coroutine_threadsafe(make(kaleido), loop)
        try:
            result = future.result(self._timeout + 5)
        except FutureTimeout as error:
            future.cancel()
            message = f"The image took longer than {self._timeout:.0f} s to render."
            raise ExportError(message) from error
        except (BrowserClosedError, ChannelClosedError) as error:
            raise _BrowserGone from error
        except Exception as error:
            raise ExportError(f"Chromium could not render the image: {error}") from error
        return bytes(result)

    def _start_locked(self) -> None:
        if self._kaleido is not None:
            return
        import kaleido
        from choreographer.browsers import Chromium

        path = self._browser_path or find_chromium()

        class _QuietChromium(Chromium):
            """Choreographer's Chromium (headless, no sandbox, no GPU) plus no phoning home."""

            def get_cli(self) -> list[str]:
                return [*super().get_cli(), *_EXTRA_FLAGS]

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="dateline-export", daemon=True)
        thread.start()

        async def _open() -> Any:
            k = kaleido.Kaleido(
                path=path, mathjax=False, timeout=self._timeout, browser_cls=_QuietChromium
            )
            await k.open()
            return k

        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(_open(), loop).result(self._timeout)
        except Exception as error:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            loop.close()
            raise ExportError(f"Chromium at {path} could not start: {error}") from error
        self._loop, self._thread = loop, thread

    def _close_locked(self) -> None:
        loop, thread, kaleido = self._loop, self._thread, self._kaleido
        self._loop = self._thread = self._kaleido = None
        if loop is None or thread is None:
            return
        # Best effort: the browser may already be gone, and the loop must stop regardless.
        with contextlib.suppress(Exception):
            if kaleido is not None:
                asyncio.run_coroutine_threadsafe(kaleido.close(), loop).result(15)
        with contextlib.suppress(Exception):  # silences "Task was destroyed but it is pending"
            asyncio.run_coroutine_threadsafe(_cancel_pending(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        if not thread.is_alive():
            loop.close()


async def _cancel_pending() -> None:
    """Cancel what the browser left running (e.g. its watchdog) so the loop can close quietly."""
    current = asyncio.current_task()
    tasks = [task for task in asyncio.all_tasks() if task is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


class _BrowserGone(Exception):
    """Internal: the browser died between renders; restart it and retry once."""


def _check_options(fmt: str, width: int, height: int, scale: float) -> None:
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; use one of {', '.join(IMAGE_FORMATS)}")
    if width <= 0 or height <= 0 or scale <= 0:
        raise ValueError(f"width, height and scale must be positive: {width}, {height}, {scale}")


_shared: ImageExporter | None = None
_shared_lock = threading.Lock()


def shared_exporter() -> ImageExporter:
    """The process-wide exporter that ``figure_bytes`` uses (closed at interpreter exit)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ImageExporter()
            atexit.register(_shared.close)
        return _shared


def warm_up_in_background() -> threading.Thread:
    """Start the shared Chromium in a thread, so the first export click is already fast.

    A missing or broken Chromium is not raised here; the export that needs it says why.
    """

    def _start() -> None:
        with contextlib.suppress(ExportError):
            shared_exporter().start()

    thread = threading.Thread(target=_start, name="dateline-export-warm-up", daemon=True)
    thread.start()
    return thread


def figure_bytes(
    fig: go.Figure | dict[str, Any],
    fmt: ImageFormat,
    *,
    width: int = 1200,
    height: int = 500,
    scale: float = 1.0,
    exporter: ImageExporter | None = None,
) -> bytes:
    """The figure as PNG, SVG or PDF bytes, rendered by the warm shared Chromium.

    ``width`` and ``height`` are CSS pixels; ``scale`` multiplies PNG resolution.
    """
    return (exporter or shared_exporter()).render(
        fig, fmt, width=width, height=height, scale=scale
    )


def chart_html(fig: go.Figure) -> str:
    """A self-contained interactive page: plotly.js is inlined so it works offline."""
    return str(
        fig.to_html(
            include_plotlyjs=True,
            full_html=True,
            config={"displaylogo": False, "responsive": True},
        )
    )


def events_csv(frame: pd.DataFrame) -> str:
    """CSV of the events, actors joined by "; " (``schema.coerce`` splits them back)."""
    return serialize.to_csv(frame)


def events_json(frame: pd.DataFrame) -> str:
    """A JSON list of events: the schema's columns, actors a list, dates ``YYYY-MM-DD``."""
    return serialize.to_json(frame)


def events_parquet(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the events to a Parquet file (atomically)."""
    serialize.write(frame, path, "parquet")


# --- A whole export: load, filter, draw, write ---------------------------------------------

OUTPUT_FORMATS: tuple[str, ...] = (*IMAGE_FORMATS, "html", "csv", "json", "parquet", "timelinejs")


class NoEventsError(ValueError):
    """The filters leave nothing to export."""


def output_format(output: Path, fmt: str | None = None) -> str:
    """The format ``fmt`` names, else the one ``output``'s extension names."""
    chosen = (fmt or output.suffix.lstrip(".")).lower()
    if chosen == "htm":
        chosen = "html"
    if chosen not in OUTPUT_FORMATS:
        raise ValueError(
            f"cannot tell the format of {output.name!r}; end it in .png, .svg, .pdf, .html, "
            ".csv, .json or .parquet, or pass --format timelinejs"
        )
    return chosen


def filter_events(
    frame: pd.DataFrame,
    *,
    actors: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """The rows involving any of ``actors`` (any letter case) that overlap the date range."""
    from dashboard.filters import EventIndex, FilterState, apply_filters

    known = _canonical_actors(frame)
    state = FilterState(
        actors=tuple(known.get(a.casefold(), a) for a in actors),
        date_from=date_from,
        date_to=date_to,
    )
    chosen = apply_filters(EventIndex.build(frame), state)
    if chosen.empty:
        raise NoEventsError(_nothing_matches(frame, actors, known))
    return chosen


def _canonical_actors(frame: pd.DataFrame) -> dict[str, str]:
    """Case-folded name -> the name as the frame spells it."""
    return {str(a).casefold(): str(a) for a in frame["actors"].explode().dropna()}


def _nothing_matches(frame: pd.DataFrame, actors: Sequence[str], known: dict[str, str]) -> str:
    if frame.empty:
        return "No events were found in the input, so there is nothing to export."
    unknown = [a for a in actors if a.casefold() not in known]
    if unknown:
        names = ", ".join(sorted(known.values())[:8]) or "none"
        return f"No event involves {', '.join(unknown)}; actors in these articles: {names}."
    return "No event matches these filters; widen the dates or drop an actor."


def export_view(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    published: date | None = None,
    actors: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    **options: Any,
) -> tuple[str, int]:
    """``dateline export`` as a function: load, filter, write; returns (format, events written).

    ``options`` go to ``write_export`` (fmt, title, group_by, width, height, scale, exporter).
    """
    from dashboard.app import load  # the same reading as ``dateline serve``

    everything, _articles = load(paths, published=published)
    frame = filter_events(everything, actors=actors, date_from=date_from, date_to=date_to)
    if not options.get("title"):
        from dashboard.print_figure import default_title

        names = tuple(_canonical_actors(everything).get(a.casefold(), a) for a in actors)
        options["title"] = default_title(frame, actors=names, date_from=date_from,
                                         date_to=date_to)
    return write_export(frame, output, **options), len(frame)


def write_export(
    frame: pd.DataFrame,
    output: str | Path,
    *,
    fmt: str | None = None,
    title: str | None = None,
    group_by: str = "lanes",
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
    exporter: ImageExporter | None = None,
) -> str:
    """Write ``frame`` to ``output`` as a print-ready chart or as data; return the format used.

    Images and HTML carry a title (``title`` or one describing the frame), a legend and a source
    credit line. Files appear atomically: a failed export leaves no partial file.
    """
    target = Path(output)
    chosen = output_format(target, fmt)
    if chosen == "parquet":
        events_parquet(frame, target)
        return chosen
    if chosen in ("csv", "json", "timelinejs"):
        text = {"csv": events_csv, "json": events_json, "timelinejs": _timelinejs_text}[chosen]
        _write(target, text(frame).encode("utf-8"))
        return chosen
    from dashboard.print_figure import print_figure

    fig = print_figure(frame, title=title, group_by=group_by, width=width, height=height)
    if chosen == "html":
        data = chart_html(fig).encode("utf-8")
    else:
        data = figure_bytes(fig, chosen, width=int(fig.layout.width),  # type: ignore[arg-type]
                            height=int(fig.layout.height), scale=scale, exporter=exporter)
    _write(target, data)
    return chosen


def _timelinejs_text(frame: pd.DataFrame) -> str:
    import json

    from dashboard.timelinejs import timelinejs

    return json.dumps(timelinejs(frame), ensure_ascii=False, indent=1)


def _write(target: Path, data: bytes) -> None:
    with serialize.atomic_path(target) as tmp:
        Path(tmp).write_bytes(data)
