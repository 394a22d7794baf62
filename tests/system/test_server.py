"""``dateline serve`` for real: waitress with the security headers, refusals before any socket is
opened, oversized requests turned away, and many simultaneous users answered without an error."""

from __future__ import annotations

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
    from dash import Dash

    from dashboard.serve import server

    ran: list[str] = []
    monkeypatch.setattr(Dash, "run", lambda self, **kw: ran.append(f"werkzeug debug={kw['debug']}"))
    server.serve(Dash(__name__), port=0, debug=True, announce=lambda url: None)
    assert ran == ["werkzeug debug=True"]
