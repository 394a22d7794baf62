"""Nothing lost: real processes killed with SIGKILL, then started again on the same files.

Why real processes: atomic writes only prove themselves when the writer dies without warning
(no ``finally``, no flush). Each test starts the real ``dateline`` command, kills it with SIGKILL
at a chosen moment, and checks what a restart finds: no corrupt file, the finished work back,
the unfinished work absent. Uploads go through the Dash callback endpoint exactly as the browser
sends them (``tests/dash_client.py``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from dash_client import DashClient, doc_of, page, start_server

from dashboard.store.data_folder import DataStore
from extract import serialize

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

STORY = "The bridge over the Maas reopened on 3 March 2024 after a long repair.\n"


def upload(
    client: DashClient, name: str, text: str, published: str = "2024-03-10"
) -> dict[str, Any]:
    """Drop one file on the upload box and press Add, as the browser does."""
    content = "data:text/plain;base64," + base64.b64encode(text.encode()).decode()
    values = {
        "upload-add.n_clicks": 1,
        "upload-files.filename": [name],
        "upload-files.contents": [content],
        "upload-paste.value": None,
        "upload-paste-title.value": None,
        "upload-published.value": published,
    }
    return client.call("upload-status.children", values, ["upload-add.n_clicks"])


def doc_ids(client: DashClient) -> list[str]:
    response = client.call("timeline.figure", page(), ["filter-search.value"])
    return [doc_of(row["event_id"]) for row in response["events-table"]["rowData"]]


def sigkill(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def stored_articles(data: Path) -> list[Path]:
    """The article files in the data folder (not the events saved beside them)."""
    return [p for p in (data / "articles").glob("*.json") if not p.name.endswith(".events.json")]


def assert_store_is_whole(data: Path) -> None:
    """Every stored file parses; nothing half-written is left once a server has started."""
    problems: list[Any] = []
    DataStore(data, on_problem=problems.append).load()
    assert problems == []
    for path in (data / "articles").iterdir():
        if path.is_dir():  # .pending: uploads whose answer never went out, cleared at start
            assert list(path.iterdir()) == [], path
            continue
        assert not path.name.endswith(".part"), path
        json.loads(path.read_text(encoding="utf-8"))


def test_an_upload_that_was_confirmed_survives_a_sigkill_and_comes_back(tmp_path):
    data = tmp_path / "data"
    with start_server("--data", str(data), "--workers", "2") as (process, url):
        client = DashClient(url)
        assert "kill_story" not in doc_ids(client)
        status = upload(client, "kill_story.txt", STORY)
        assert "Added 1 article" in json.dumps(status)
        client.close()
        sigkill(process)
    assert len(stored_articles(data)) == 1
    with start_server("--data", str(data), "--workers", "2") as (process, url):
        client = DashClient(url)
        assert "kill_story" in doc_ids(client)
        client.close()
    assert_store_is_whole(data)


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.3])
def test_a_sigkill_during_an_upload_leaves_it_whole_or_absent_never_corrupt(tmp_path, delay):
    data = tmp_path / "data"
    big = STORY + "Officials met again on 5 March 2024. " * 5_000  # 0.2 MB to extract
    with start_server("--data", str(data), "--workers", "2") as (process, url):
        client = DashClient(url)
        errors: list[BaseException] = []

        def send() -> None:
            try:
                upload(client, "cut_short.txt", big)
            except BaseException as error:  # noqa: BLE001 - the connection dies with the server
                errors.append(error)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        time.sleep(delay)
        sigkill(process)
        sender.join(timeout=30)
    with start_server("--data", str(data), "--workers", "2") as (process, url):
        client = DashClient(url)
        shown = {doc for doc in doc_ids(client) if doc.startswith("cut_short")}
        client.close()
    stored = stored_articles(data)
    assert len(stored) <= 1
    assert len(shown) == len(stored), "shown after the restart exactly when it was on disk"
    if errors:  # the client saw the upload fail: a retry must not add it twice
        assert shown == set() and stored == []
    assert_store_is_whole(data)


# --- dateline extract -o ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 short dated articles in one JSONL file: three chunks of work."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    lines = []
    for i in range(600):
        text = texts[i % len(texts)][:400] + f"\nThe review number {i} ended on 2 May 2024."
        lines.append(json.dumps({"id": f"story-{i}", "text": text, "published": "2024-06-20"}))
    path = folder / "stories.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(corpus: Path, output: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "extract", str(corpus), "-o", str(output),
         "--workers", "2", *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its worker processes share its group: killed together
    )


def kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it finished just before
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, float]:
    output = tmp_path_factory.mktemp("reference") / "events.parquet"
    began = time.monotonic()
    assert extract(corpus, output).wait(timeout=600) == 0
    return serialize.read(output), time.monotonic() - began


def test_a_killed_extraction_leaves_its_output_absent_or_whole(corpus, reference, tmp_path):
    expected, seconds = reference
    for fraction in (0.3, 0.6, 0.9):
        output = tmp_path / f"events-{fraction}.parquet"
        process = extract(corpus, output)
        time.sleep(seconds * fraction)
        kill_group(process)
        if output.exists():  # finished just before the kill: then it must be complete
            assert len(serialize.read(output)) == len(expected)
    # the next run over a killed one clears any temp file a kill left beside its output
    assert extract(corpus, output).wait(timeout=600) == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{output.name}")] == []
    assert len(serialize.read(output)) == len(expected)


def test_a_killed_extraction_resumes_to_the_same_output(corpus, reference, tmp_path):
    expected, seconds = reference
    output = tmp_path / "events.parquet"
    parts = tmp_path / f".{output.name}.parts"
    process = extract(corpus, output)
    deadline = time.monotonic() + seconds * 3
    while not list(parts.glob("part-*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.02)
    kill_group(process)
    assert not output.exists()
    finished = sorted(p.name for p in parts.glob("part-*.parquet"))
    assert finished, "the kill came after at least one finished part"
    assert extract(corpus, output, "--resume").wait(timeout=600) == 0
    resumed = serialize.read(output)
    assert sorted(resumed["event_id"]) == sorted(expected["event_id"])
    assert not parts.exists()
