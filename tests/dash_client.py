"""Talking to a running Dash app as its browser page does, and starting ``dateline serve``.

A test helper (tests/system drives a real server with it); ``benchmarks/load.py`` imports it from
here too, so tests never depend on a benchmark script. Payloads are built from the app's own
``/_dash-dependencies``, so they follow the real callbacks (``dashboard/ui/callbacks.py``) when
those change, instead of hand-copied JSON that silently stops matching.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

# --- a Dash client that speaks the renderer's protocol ----------------------------------------


class CallbackError(RuntimeError):
    """A callback answered with an HTTP error or the app's error alert."""


class DashClient:
    """One keep-alive connection to a Dash app; ``call`` runs a callback as the browser would.

    Callbacks are found by their first output (``"upload-status.children"``); where several
    callbacks share it (``allow_duplicate``), the one that owns it without a duplicate mark wins.
    Inputs and states not given are sent as ``None`` (or ``[]`` for pattern-matching ALL), which
    is what a fresh page holds.
    """

    def __init__(self, url: str, dependencies: list[dict[str, Any]] | None = None,
                 timeout: float = 60):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.timeout = timeout
        self._connection: http.client.HTTPConnection | None = None
        deps = dependencies if dependencies is not None else self.get_json("/_dash-dependencies")
        self.dependencies = deps
        owned_last = sorted(deps, key=lambda dep: "@" not in _first_part(dep["output"]))
        self._by_output = {_first_output(dep["output"]): dep for dep in owned_last}

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        for attempt in (1, 2):  # a keep-alive socket the server closed: reconnect once
            connection = self._connection or http.client.HTTPConnection(
                self.host, self.port, timeout=self.timeout
            )
            self._connection = connection
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                return response.status, response.read()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                connection.close()
                self._connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get_json(self, path: str) -> Any:
        status, body = self.request("GET", path)
        if status != 200:
            raise CallbackError(f"GET {path}: HTTP {status}")
        return json.loads(body)

    def call(self, output: str, values: dict[str, Any], changed: list[str]) -> dict[str, Any]:
        """Run the callback whose first output is ``output``; returns the ``response`` dict
        ({} for "no update"). ``values`` maps "id.property" to the value the page holds."""
        dep = self._by_output[output]
        payload = {
            "output": dep["output"],
            "outputs": _outputs(dep["output"]),
            "inputs": [_value(item, values) for item in dep["inputs"]],
            "changedPropIds": changed,
            "state": [_value(item, values) for item in dep["state"]],
        }
        if not dep["output"].startswith(".."):
            payload["outputs"] = payload["outputs"][0]
        status, body = self.request("POST", "/_dash-update-component",
                                    json.dumps(payload).encode())
        if status == 204:
            return {}
        if status != 200:
            raise CallbackError(f"{output}: HTTP {status}: {body[:200]!r}")
        response = json.loads(body).get("response", {})
        alert = response.get("error-slot", {}).get("children")
        if alert:
            raise CallbackError(f"{output}: the app reported an error: {json.dumps(alert)[:300]}")
        return response

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def _first_part(output: str) -> str:
    return output[2:].split("...")[0] if output.startswith("..") else output


def _first_output(output: str) -> str:
    return _first_part(output).split("@")[0].rstrip(".")


def _outputs(output: str) -> list[dict[str, str]]:
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    found = []
    for part in parts:
        ident, prop = part.rsplit(".", 1)
        found.append({"id": ident, "property": prop.split("@")[0]})
    return found


def _value(item: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | list[Any]:
    if item["id"].startswith("{"):  # pattern-matching ALL: no such components on a fresh page
        return []
    key = f"{item['id']}.{item['property']}"
    return {"id": item["id"], "property": item["property"], "value": values.get(key)}


# --- what a page holds ----------------------------------------------------------------------

FILTERS = ("filter-actors", "filter-docs", "filter-date-from", "filter-date-to",
           "filter-precision", "filter-modality", "filter-search")


def page(**filters: Any) -> dict[str, Any]:
    """What a page holds: the filters given (``actors=[...]``, ``search="..."``), everything else
    at its start value; the ``values`` for ``DashClient.call``."""
    values: dict[str, Any] = {f"{name}.value": None for name in FILTERS}
    values.update({f"filter-{k.replace('_', '-')}.value": v for k, v in filters.items()})
    values.update({"group-by.value": "lanes", "theme-switch.value": False,
                   "view-range.data": None, "corpus-version.data": 0,
                   "graph-width.data": 1200, "selected-event.data": None,
                   "url-read.data": True})
    return values


def doc_of(event_id: str) -> str:
    """The article an event came from: event ids are "doc_id:offset"."""
    return event_id.rsplit(":", 1)[0]


def actors_of(row: dict[str, Any]) -> list[str]:
    """The actors of an events-table row (shown joined by ", "; a list in older versions)."""
    value = row.get("actors") or []
    names = value.split(",") if isinstance(value, str) else value
    return [name.strip() for name in names if name.strip()]


# --- the server under test ---------------------------------------------------------------------


@contextmanager
def start_server(
    *args: str, timeout: float = 180, env: dict[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``dateline serve --port 0 ARGS`` as a child process (``env`` added to the environment);
    yields (process, URL). Its stderr goes to a temp file (read for the URL), so a chatty server
    can never block on a full pipe."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard.cli", "serve", "--port", "0", *args],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
            env={**os.environ, **(env or {})},
        )
        try:
            url = _wait_for_url(process, log, timeout)
            yield process, url
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_for_url(process: subprocess.Popen[bytes], log: Any, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
        for line in text.splitlines():
            if line.startswith("Serving at "):
                return line.split()[2]
        if process.poll() is not None:
            raise RuntimeError(f"dateline serve exited with {process.returncode}:\n{text}")
        time.sleep(0.1)
    raise TimeoutError(f"dateline serve printed no URL within {timeout:.0f} s")
