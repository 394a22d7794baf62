"""The door of the app: a WSGI layer in front of Flask that every request passes first.

Why a layer of our own instead of ``dash_auth``: dash_auth parses a callback's JSON body before
it looks at the password (eight anonymous 60 MiB posts took the server from 151 to 861 MiB),
answers a malformed ``Authorization`` header with a 500 and a traceback, and does not throttle.
Here, in this order and before a byte of the body is read:

1. a client that failed to log in ``THROTTLE_FAILURES`` times within a minute gets 429 for
   the next minute, whatever it sends (a right guess must not be told apart from a wrong one);
2. credentials, when set: anything but a well-formed ``Basic`` header with the right user and
   password (compared in constant time) is 401;
3. the body size by route: callbacks are small (``MAX_CALLBACK_BYTES``); only the upload
   callback, recognised by the outputs named at the start of its JSON, may send up to
   ``MAX_REQUEST_BYTES``. Anything else over its limit is 413.

Every answer, the app's or ours, carries the security headers (``security.HEADERS``); the
waitress server adds them to its own error pages too (``server.make_server``).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
import re
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from typing import Any

from extract import settings

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_PEEK = 4096  # bytes of a large callback body read to learn which callback it is
_OUTPUT = re.compile(rb'^\s*\{\s*"output"\s*:\s*"((?:[^"\\]|\\.){0,2000})"')


class Throttle:
    """Failed logins per client: ``limit`` failures within ``window`` seconds block that client
    for ``window`` seconds. ``clock`` is injectable so tests never sleep. At most
    ``clients`` are remembered (the oldest forgotten first), so a flood of addresses cannot
    grow it without end."""

    def __init__(
        self,
        limit: int = settings.THROTTLE_FAILURES,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        clients: int = 10_000,
    ) -> None:
        self.limit, self.window, self._clock, self._clients = limit, window, clock, clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._blocked: dict[str, float] = {}
        self._lock = threading.Lock()

    def blocked(self, client: str) -> bool:
        with self._lock:
            until = self._blocked.get(client)
            if until is None:
                return False
            if self._clock() < until:
                return True
            del self._blocked[client]
            return False

    def failed(self, client: str) -> None:
        with self._lock:
            now = self._clock()
            times = self._failures.pop(client, None) or deque()
            times.append(now)
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                self._blocked[client] = now + self.window
                times.clear()
            self._failures[client] = times
            while len(self._failures) > self._clients:
                self._failures.popitem(last=False)


class Guard:
    """The WSGI app that checks a request, then hands it to ``inner`` (see the module doc)."""

    def __init__(
        self,
        inner: WSGIApp,
        headers: dict[str, str],
        credentials: Any = None,  # security.Credentials
        throttle: Throttle | None = None,
        upload_output: str = "",
    ) -> None:
        self.inner = inner
        self.headers = headers
        self.credentials = credentials
        self.throttle = throttle or Throttle()
        self._upload = upload_output.encode()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        def secured(status: str, headers: list[tuple[str, str]], *exc: Any) -> Any:
            present = {name.lower() for name, _ in headers}
            extra = [(k, v) for k, v in self.headers.items() if k.lower() not in present]
            return start_response(status, [*headers, *extra], *exc)

        client = environ.get("REMOTE_ADDR", "")
        if self.credentials is not None:
            if self.throttle.blocked(client):
                return _answer(secured, "429 Too Many Requests",
                               "Too many failed logins; try again in a minute.",
                               [("Retry-After", str(int(self.throttle.window)))])
            header = environ.get("HTTP_AUTHORIZATION")
            if not self._authorised(header):
                if header is not None:
                    self.throttle.failed(client)
                return _answer(secured, "401 Unauthorized", "A login is needed.",
                               [("WWW-Authenticate", 'Basic realm="Dateline", charset="UTF-8"')])
        refused = self._over_limit(environ)
        if refused:
            return _answer(secured, "413 Content Too Large", refused, [])
        return self.inner(environ, secured)

    def _authorised(self, header: str | None) -> bool:
        if not header:
            return False
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(token.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        user, sep, password = decoded.partition(b":")
        expected = self.credentials
        good_user = hmac.compare_digest(user, expected.user.encode())
        good_password = hmac.compare_digest(password, expected.password.encode())
        return bool(sep) and good_user and good_password

    def _over_limit(self, environ: dict[str, Any]) -> str:
        """Why the body is refused ("" when it is not), reading at most ``_PEEK`` bytes of a
        large callback to learn whether it is the upload (then replayed to the app)."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return "The request's Content-Length is not a number."
        small = settings.MAX_CALLBACK_BYTES
        if length <= small:
            return ""
        if length > settings.MAX_REQUEST_BYTES:
            return f"The request is over the {settings.MAX_REQUEST_BYTES // 2**20} MiB limit."
        is_callback = environ.get("PATH_INFO", "").endswith("/_dash-update-component")
        if is_callback and self._upload:
            stream = environ["wsgi.input"]
            head = stream.read(min(_PEEK, length))
            environ["wsgi.input"] = _Replay(head, stream)
            found = _OUTPUT.match(head)
            if found and self._upload in found.group(1):
                return ""
        return (f"The request is over the {small // 2**20} MiB limit for everything but adding "
                "articles.")


class _Replay(io.RawIOBase):
    """A body stream whose first bytes were already read: they are given again first."""

    def __init__(self, head: bytes, rest: Any) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        if size is None or size < 0:
            data, self._head = self._head + self._rest.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        return data + self._rest.read(size - len(data)) if len(data) < size else data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _answer(start_response: Callable[..., Any], status: str, sentence: str,
            headers: list[tuple[str, str]]) -> list[bytes]:
    body = (sentence + "\n").encode()
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body))), *headers])
    return [body]
