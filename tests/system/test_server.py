"""``dateline serve`` for real: waitress with the security headers, refusals before any socket is
opened, oversized requests turned away, and a small run of the load script (0 errors)."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from benchmark_scripts import benchmark
from click.testing import CliRunner

from dashboard.cli import cli
from dashboard.serve.server import MAX_REQUEST_BYTES

ROOT = Path(__file__).resolve().parents[2]



load = benchmark("load")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    data = tmp_path_factory.mktemp("data")
    with load.start_server("--workers", "4", "--data", str(data)) as (process, url):
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
    client = load.DashClient(url)
    everything = client.call("timeline.figure", load._page(), ["filter-search.value"])
    rows = everything["events-table"]["rowData"]
    actor = next(name for row in rows for name in load._actors(row))
    narrowed = client.call("timeline.figure", load._page(actors=[actor]), ["filter-actors.value"])
    kept = narrowed["events-table"]["rowData"]
    assert 0 < len(kept) < len(rows)
    assert all(actor in load._actors(row) for row in kept)
    client.close()


def test_a_source_panel_click_shows_the_articles_text(server):
    _, url = server
    client = load.DashClient(url)
    rows = client.call("timeline.figure", load._page(), ["filter-search.value"])
    event = rows["events-table"]["rowData"][0]
    values = load._page()
    values["selected-event.data"] = event["event_id"]
    panel = client.call("source-panel-body.children", values, ["selected-event.data"])
    shown = json.dumps(panel["source-panel-body"], ensure_ascii=False)
    assert '"event-sentence"' in shown  # the event's sentence, highlighted in the full text
    assert event["label"].split()[-1] in shown
    client.close()


def test_a_short_load_run_serves_every_request_without_an_error(server):
    process, url = server
    report = load.run_load(url, process.pid, users=8, requests=160, seconds=60, warmup=20)
    assert report.errors == 0, report.first_errors
    assert report.requests == 160
    assert {"filter", "select", "panel", "export"} <= set(report.by_kind)
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
    from dash import Dash

    from dashboard.serve import server

    ran: list[str] = []
    monkeypatch.setattr(Dash, "run", lambda self, **kw: ran.append(f"werkzeug debug={kw['debug']}"))
    server.serve(Dash(__name__), port=0, debug=True, announce=lambda url: None)
    assert ran == ["werkzeug debug=True"]
