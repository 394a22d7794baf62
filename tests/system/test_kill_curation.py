"""No curation lost or half-written: writers killed with SIGKILL mid-stream, then read again.

The pattern of ``test_kill.py``: real processes, killed without warning, and a restart that must
find every decision a user was told was kept, and no record that is half there.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from dash_client import CallbackError, DashClient, page, start_server

from extract.curation_log import FILE_NAME, CurationLog

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WRITER = """
import sys
from datetime import UTC, datetime
from extract import curation
from extract.curation_log import CurationLog
log = CurationLog(sys.argv[1])
when = datetime(2024, 6, 21, tzinfo=UTC)
padding = "x" * 20_000  # big records: a kill is likelier to land inside a write
n = 0
while True:
    record = curation.new_record("edit", sys.argv[2], when, events=["a:1"],
                                 changes={"label": f"{sys.argv[2]}-{n}", "note": padding})
    log.append(record)
    print(record["id"], flush=True)  # confirmed: on disk and synced
    n += 1
"""


def test_writers_killed_mid_append_lose_no_confirmed_record_and_leave_none_half(tmp_path):
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), f"w{i}"], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for i in range(3)
    ]
    log = tmp_path / FILE_NAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not log.exists() or log.stat().st_size < 3_000_000):
        time.sleep(0.05)  # until the writers are well under way (imports take a while)
    for writer in writers:
        os.kill(writer.pid, signal.SIGKILL)
    confirmed = set()
    for writer in writers:
        out, _ = writer.communicate(timeout=10)
        confirmed.update(line for line in out.splitlines() if len(line) == 32)
    assert len(confirmed) > 30, "the writers got going before the kill"

    problems: list = []
    records = CurationLog(tmp_path, on_problem=problems.append).read()
    ids = [r["id"] for r in records]
    assert confirmed <= set(ids), "every confirmed record is in the log"
    assert len(ids) == len(set(ids)) and problems == [], "no record half there, none twice"
    assert len(ids) - len(confirmed) <= 3, "at most the one in flight per writer besides"

    after = CurationLog(tmp_path)  # and the log goes on cleanly after a torn tail
    after.append({"v": 1, "id": "next", "op": "undo", "target": ids[-1]})
    assert after.read()[-1]["id"] == "next"
    assert all(json.loads(line) for line in (tmp_path / FILE_NAME).read_text().splitlines()
               if line.strip() and not line.startswith('{"v": 1, "id": "torn'))


def edit_label(client: DashClient, event_id: str, label: str) -> None:
    """Press Save in the source panel's edit form, as the browser does."""
    values = {**page(), "curate-save.n_clicks": 1, "selected-event.data": event_id,
              "curate-label.value": label}
    client.call("curate-message.children", values, ["curate-save.n_clicks"])


def labels(client: DashClient) -> dict[str, str]:
    response = client.call("timeline.figure", page(), ["filter-search.value"])
    return {row["event_id"]: row["label"] for row in response["events-table"]["rowData"]}


def test_curations_confirmed_by_a_server_killed_mid_stream_are_all_back_after_a_restart(tmp_path):
    data = tmp_path / "data"
    with start_server("--data", str(data), "--workers", "4") as (process, url):
        events = sorted(labels(DashClient(url)))[:4]
        confirmed: dict[str, list[str]] = {event: [] for event in events}
        stop = threading.Event()

        def curate(event_id: str) -> None:
            client = DashClient(url)
            n = 0
            while not stop.is_set():
                label = f"{event_id} take {n}"
                try:
                    edit_label(client, event_id, label)
                except (CallbackError, OSError):  # the server died under the request
                    return
                confirmed[event_id].append(label)
                n += 1

        threads = [threading.Thread(target=curate, args=(e,), daemon=True) for e in events]
        for thread in threads:
            thread.start()
        time.sleep(3)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert all(confirmed.values()), "every user had a curation confirmed before the kill"

    problems: list = []
    kept = [r["changes"]["label"] for r in CurationLog(data, on_problem=problems.append).read()]
    assert problems == []
    for event_id, said in confirmed.items():
        assert set(said) <= set(kept), f"a confirmed curation of {event_id} was lost"

    with start_server("--data", str(data)) as (_process, url):
        shown = labels(DashClient(url))
    for event_id, said in confirmed.items():
        last = int(said[-1].rsplit(" ", 1)[1])
        assert shown[event_id] in (said[-1], f"{event_id} take {last + 1}"), (
            "the restart shows the last confirmed label (or the one in flight at the kill)")
