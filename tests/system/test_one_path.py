"""What a user runs gives one answer: ``dateline extract`` to stdout, to a file, on two
workers and on a Dask cluster print or write identical events for the same input.

The input is the known trap: 300 Reuters stories between the two seed articles, undated, seed
000 first and seed 001 last. Seed 000 can only borrow seed 001's date, two chunks away.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpora import ROOT, SEED_000, SEED_001, seeds_around

from extract import serialize


def dateline(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "dashboard.cli", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return done


def written(path) -> list[dict]:  # noqa: ANN001
    return serialize.to_records(serialize.read(path))


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("one_path")
    stories = seeds_around(folder, 300)
    return stories, json.loads(dateline("extract", str(stories), "--format", "json").stdout)


def test_seed_000_printed_to_stdout_borrows_the_date_of_seed_001(printed):
    _, events = printed
    days = {(e["doc_id"], e["published"]) for e in events if e["doc_id"] in (SEED_000, SEED_001)}
    assert days == {(SEED_000, "2024-06-20"), (SEED_001, "2024-06-20")}


@pytest.mark.parametrize(
    "options",
    [["-o", "out.json"], ["-o", "out.json", "--workers", "2"], ["-o", "out.parquet"]],
    ids=["file", "two workers", "parquet"],
)
def test_writing_to_a_file_gives_the_printed_events(printed, tmp_path, options):
    stories, events = printed
    target = tmp_path / options[1]
    options = [str(target), *options[2:]]
    dateline("extract", str(stories), "-o", *options)
    assert written(target) == events


def test_the_dask_engine_gives_the_printed_events(printed, tmp_path):
    pytest.importorskip("distributed", reason="the Dask engine needs dask.distributed")
    stories, events = printed
    folder = tmp_path / "events"
    dateline("extract", str(stories), "--engine", "dask", "--workers", "2", "-o", str(folder))
    assert written(folder) == events
