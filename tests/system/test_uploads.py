"""Uploads into a real ``dateline serve`` over a big saved Parquet set: a paste joins the events
queried in place, a page opened after it finds the new actor, and a restart reads the saved
events instead of extracting again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from dash_client import DashClient, page, start_server

PASTE = "Foreign Minister Anna Kowalczyk of Poland resigned on 3 July 2024."


@pytest.fixture(scope="module")
def big_parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dashboard.store.synthetic import synthetic_frame
    from extract.settings import LARGE_SET

    path = tmp_path_factory.mktemp("big") / "events.parquet"
    synthetic_frame(LARGE_SET + 500, seed=9).to_parquet(path, index=False)
    return path


def paste(url: str) -> str:
    client = DashClient(url)
    values = {"upload-paste.value": PASTE, "upload-published.value": "2024-07-04",
              "upload-add.n_clicks": 1}
    response = client.call("upload-status.children", values, ["upload-add.n_clicks"])
    client.close()
    return json.dumps(response)


def actor_rows(url: str, actor: str) -> list[dict[str, Any]]:
    client = DashClient(url)
    response = client.call("timeline.figure", page(actors=[actor]), ["filter-actors.value"])
    client.close()
    return response["events-table"]["rowData"]


def test_a_paste_into_a_parquet_backed_server_is_kept_and_read_back_at_restart(
    big_parquet: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with start_server(str(big_parquet), "--data", str(data)) as (_, url):
        assert "Added 1 article" in paste(url)
        found = DashClient(url).call("filter-actors.options",
                                     {"filter-actors.search_value": "Kowal"},
                                     ["filter-actors.search_value"])
        assert "Anna Kowalczyk (1)" in json.dumps(found)
        assert len(actor_rows(url, "Anna Kowalczyk")) == 1
    saved = sorted((data / "articles").glob("*.events.json"))
    assert len(saved) == 1 and json.loads(saved[0].read_text())["events"]
    written = saved[0].stat().st_mtime_ns
    with start_server(str(big_parquet), "--data", str(data)) as (_, url):
        rows = actor_rows(url, "Anna Kowalczyk")
        assert len(rows) == 1 and rows[0]["label"]
    assert saved[0].stat().st_mtime_ns == written, "read back, not extracted and written again"
