"""``dateline serve`` for real: waitress with the security headers, refusals before any socket is
opened, oversized requests turned away, and many simultaneous users answered without an error."""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from dash_client import DashClient, actors_of, doc_of, page, start_server

from dashboard.cli import cli
from extract.settings import MAX_REQUEST_BYTES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    data = tmp_path_factory.mktemp("data")
    with start_server("--workers", "4", "--data", str(data)) as (process, url):
        yield process, url


def get(url: str, path: str = "/") -> http.client.HTTPResponse:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response


def test_serve_answers_from_waitress_not_the_development_server(server):
    _, url = server
    response = get(url)
    assert response.status == 200
    assert response.getheader("Server") == "dateline"  # waitress' ident; Werkzeug says Werkzeug


@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/_dash-dependencies"])
def test_every_response_carries_the_security_headers(server, path):
    _, url = server
    response = get(url, path)
    csp = response.getheader("Content-Security-Policy")
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "no-referrer"


def test_a_request_body_over_the_limit_is_refused_unread(server):
    _, url = server
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest("POST", "/_dash-update-component")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(MAX_REQUEST_BYTES + 1))
    connection.endheaders()
    assert connection.getresponse().status == 413


def test_an_actor_filter_sent_as_the_browser_sends_it_narrows_the_table(server):
    _, url = server
    client = DashClient(url)
    everything = client.call("timeline.figure", page(), ["filter-search.value"])
    rows = everything["events-table"]["rowData"]
    actor = next(name for row in rows for name in actors_of(row))
    narrowed = client.call("timeline.figure", page(actors=[actor]), ["filter-actors.value"])
    kept = narrowed["events-table"]["rowData"]
    assert 0 < len(kept) < len(rows)
    assert all(actor in actors_of(row) for row in kept)
    client.close()


def test_a_source_panel_click_shows_the_articles_text(server):
    _, url = server
    client = DashClient(url)
    rows = client.call("timeline.figure", page(), ["filter-search.value"])
    event = rows["events-table"]["rowData"][0]
    values = page()
    values["selected-event.data"] = event["event_id"]
    panel = client.call("source-panel-body.children", values, ["selected-event.data"])
    shown = json.dumps(panel["source-panel-body"], ensure_ascii=False)
    assert '"event-sentence"' in shown  # the event's sentence, highlighted in the full text
    assert event["label"].split()[-1] in shown
    client.close()


def _steps(rng: random.Random, rows: list[dict[str, Any]]) -> list[tuple[str, str, Any, str]]:
    """One user's next click, as (kind, callback output, page values, changed property): a
    filter, a source-panel click (select, then show: two callbacks) or an export."""
    row = rng.choice(rows)
    roll = rng.random()
    if roll < 0.6:
        actors = actors_of(row)
        which = rng.choice(["actors", "docs", "search"] if actors else ["docs", "search"])
        values = {"actors": {"actors": actors[:1]}, "docs": {"docs": [doc_of(row["event_id"])]},
                  "search": {"search": rng.choice(["NATO", "2024", "zzz"])}}[which]
        return [("filter", "timeline.figure", page(**values), f"filter-{which}.value")]
    if roll < 0.85:
        click = page()
        click["timeline.clickData"] = {"points": [{"customdata": [row["event_id"]],
                                                   "curveNumber": 1}]}
        shown = page()
        shown["selected-event.data"] = row["event_id"]
        return [("select", "selected-event.data", click, "timeline.clickData"),
                ("panel", "source-panel-body.children", shown, "selected-event.data")]
    button = rng.choice(["export-csv", "export-json", "export-timelinejs"])
    values = page()
    values[f"{button}.n_clicks"] = 1
    return [("export", "download.data", values, f"{button}.n_clicks")]


def test_eight_users_clicking_at_once_all_get_answers_without_an_error(server):
    process, url = server
    probe = DashClient(url)
    rows = probe.call("timeline.figure", page(), ["filter-search.value"])["events-table"]["rowData"]
    probe.close()
    answered: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()

    def user(seed: int) -> None:
        rng = random.Random(seed)
        client = DashClient(url, probe.dependencies)
        try:
            while True:
                for kind, output, values, changed in _steps(rng, rows):
                    with lock:
                        if len(answered) + len(errors) >= 160:
                            return
                    try:
                        response = client.call(output, values, [changed])
                        assert response, f"{kind}: no update"
                        with lock:
                            answered.append(kind)
                    except Exception as error:  # noqa: BLE001 - every failure is counted
                        with lock:
                            errors.append(f"{kind}: {type(error).__name__}: {str(error)[:300]}")
        finally:
            client.close()

    users = [threading.Thread(target=user, args=(seed,), daemon=True) for seed in range(8)]
    for thread in users:
        thread.start()
    for thread in users:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in users), "a user got no answer"
    assert errors == []
    assert len(answered) >= 160
    assert {"filter", "select", "panel", "export"} <= set(answered)
    assert process.poll() is None


def test_serving_every_address_without_auth_is_refused_before_anything_starts(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "--auth user:password, or --no-auth" in result.output
    assert not (tmp_path / "articles").exists()


def test_data_and_no_data_together_are_a_usage_error():
    result = CliRunner().invoke(cli, ["serve", "--data", "x", "--no-data"])
    assert result.exit_code == 2 and "contradict" in result.output


def test_only_debug_runs_the_werkzeug_development_server(monkeypatch):
    import werkzeug.serving
    from dash import Dash

    from dashboard.serve import server

    class Ran:
        server_port = 1

        def __init__(self, host: str, *args: Any, **kw: Any) -> None:
            ran.append(f"werkzeug {host}")

        def serve_forever(self) -> None: ...
        def server_close(self) -> None: ...

    ran: list[str] = []
    monkeypatch.setattr(werkzeug.serving, "make_server", Ran)
    server.serve(Dash(__name__), port=0, debug=True, announce=lambda url: None)
    assert ran == ["werkzeug 127.0.0.1"]


def test_under_debug_a_client_without_the_password_never_sees_the_debugger():
    with start_server("--debug", "--no-data", env=PASSWORD) as (_, url):
        for path in ("/", "/console", "/?__debugger__=yes&cmd=resource&f=debugger.js",
                     "/_dash-update-component"):
            response = _request(url, "POST" if "update" in path else "GET", path,
                                body=b"{" if "update" in path else None)
            assert response.status == 401, path
        assert _request(url, auth=_basic("editor:s3cret")).getheader("Server", "").startswith(
            "Werkzeug")


# --- a password that holds ------------------------------------------------------------------------

PASSWORD = {"DATELINE_AUTH": "editor:s3cret"}


def _request(url: str, method: str = "GET", path: str = "/", auth: str | None = None,
             body: bytes | None = None) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Authorization": auth} if auth else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _basic(credentials: str) -> str:
    import base64

    return "Basic " + base64.b64encode(credentials.encode()).decode()


def _rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with start_server("--no-data", env=PASSWORD) as (process, url):
        yield process, url


def test_with_a_password_in_the_environment_only_the_right_one_gets_in(locked):
    _, url = locked
    assert _request(url).status == 401
    assert _request(url, auth=_basic("editor:s3cret")).status == 200
    assert _request(url, auth="Bearer x").status == 401
    assert _request(url, auth="Basic %%%").status == 401  # malformed: 401, not 500


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_anonymous_8_mb_posts_are_refused_without_the_server_growing(locked):
    process, url = locked
    body = b'{"output":"timeline.figure","inputs":[' + b'"a",' * 2_000_000 + b'"a"]}'
    before = _rss_mib(process.pid)
    for _ in range(8):
        response = _request(url, "POST", "/_dash-update-component", body=body)
        assert response.status == 401
        assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert _rss_mib(process.pid) - before < 50


def test_a_callback_body_over_the_small_limit_is_refused_even_logged_in(locked):
    _, url = locked
    body = b'{"output":"timeline.figure","inputs":[' + b'"a",' * 300_000 + b'"a"]}'
    response = _request(url, "POST", "/_dash-update-component", _basic("editor:s3cret"), body)
    assert response.status == 413


def test_wrong_passwords_are_throttled_within_thirty_guesses(locked):
    _, url = locked
    codes = [_request(url, auth=_basic(f"editor:guess{i}")).status for i in range(30)]
    assert 429 in codes and set(codes) <= {401, 429}
    assert codes[codes.index(429):] == [429] * (30 - codes.index(429))


def test_the_servers_own_error_pages_carry_the_security_headers(server):
    import socket

    _, url = server
    parts = urlsplit(url)
    too_long = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 270_000 + b"\r\n\r\n"
    bad_length = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n"
    too_big = (f"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {MAX_REQUEST_BYTES + 1}"
               "\r\n\r\n").encode()
    for request, status in ((too_long, "431"), (bad_length, "400"), (too_big, "413")):
        answer = b""
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
            with contextlib.suppress(OSError):  # it may answer and close before reading all
                sock.sendall(request)
            with contextlib.suppress(OSError):
                while chunk := sock.recv(65536):
                    answer += chunk
        head = answer.split(b"\r\n\r\n")[0].decode("latin-1")
        assert head.split()[1] == status, head
        assert "X-Content-Type-Options: nosniff" in head
        assert "frame-ancestors 'none'" in head
