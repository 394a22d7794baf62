"""Chart images through kaleido with a warm, shared, system Chromium.

Why a warm exporter: kaleido renders through a real Chromium, and starting one costs about two
seconds; keeping one open for the life of the process makes each later image take a fraction of
a second. The browser is always the system's (``dashboard.export.chromium`` finds it): kaleido is
handed that path and MathJax is switched off, so nothing is ever downloaded at run time.

Dash callbacks run in several threads, so the exporter owns one asyncio loop in a thread of its
own; callers submit renders to it and wait. Starting, stopping and restarting after a browser
crash are serialised by a lock.

Errors::

    ExportError               an image could not be made (browser failed, render timed out)
     +-- ChromiumNotFoundError  no Chromium on this machine
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any, Literal

from dashboard.export.chromium import QUIET_FLAGS, find_chromium
from dashboard.export.formats import IMAGE_FORMATS
from extract import settings
from extract.errors import ChromiumNotFoundError, ExportError, InputError  # noqa: F401

if TYPE_CHECKING:
    import plotly.graph_objects as go

ImageFormat = Literal["png", "svg", "pdf"]


class ImageExporter:
    """One warm headless Chromium that renders plotly figures, shared by threads.

    Use it as a context manager or call ``close()``; ``render`` starts the browser on first use
    and restarts it once if it died in between.
    """

    def __init__(
        self, browser_path: str | None = None, *, timeout: float = settings.EXPORT_TIMEOUT
    ) -> None:
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
        for attempt in (1, 2):
            try:
                return self._submit(lambda k: k.calc_fig(spec, opts=opts))
            except _BrowserGone as error:
                with self._lock:
                    if self._kaleido is error.browser:  # not one another thread restarted
                        self._close_locked()
                if attempt == 2:
                    raise ExportError("Chromium closed while rendering the image.") from error
        raise AssertionError("unreachable")

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
            raise _BrowserGone(kaleido) from error
        except Exception as error:
            raise ExportError(f"Chromium could not render the image: {error}") from error
        return bytes(result)

    def _start_locked(self) -> None:
        if self._kaleido is not None and not self._exited():
            return
        if self._kaleido is not None:  # Chromium died since the last render: start afresh
            self._close_locked()
        import kaleido
        from choreographer.browsers import Chromium

        path = self._browser_path or find_chromium()

        class _QuietChromium(Chromium):
            """Choreographer's Chromium (headless, no sandbox, no GPU) plus no phoning home."""

            def get_cli(self) -> list[str]:
                return [*super().get_cli(), *QUIET_FLAGS]

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

    def _exited(self) -> bool:
        process = getattr(self._kaleido, "subprocess", None)
        return process is not None and process.poll() is not None

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

    def __init__(self, browser: Any) -> None:
        super().__init__("the browser closed")
        self.browser = browser


def _check_options(fmt: str, width: int, height: int, scale: float) -> None:
    if fmt not in IMAGE_FORMATS:
        raise InputError(f"unknown image format {fmt!r}; use one of {', '.join(IMAGE_FORMATS)}")
    if width <= 0 or height <= 0 or scale <= 0:
        raise InputError(f"width, height and scale must be positive: {width}, {height}, {scale}")


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
