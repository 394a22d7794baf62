"""Corpus-scale extraction: same events whatever the workers, resumable, never half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from corpora import ROOT, fail_on_problem, reuters_sample

from extract import serialize
from extract.run.local import run


def test_one_worker_and_two_workers_give_identical_events(tmp_path):
    stories = reuters_sample(tmp_path, 120)
    one = run(
        [stories], tmp_path / "one.parquet", workers=1, chunk_size=25, on_problem=fail_on_problem
    )
    two = run(
        [stories], tmp_path / "two.parquet", workers=2, chunk_size=25, on_problem=fail_on_problem
    )
    assert one.articles == two.articles == 120
    assert one.events > 50
    pd.testing.assert_frame_equal(serialize.read(one.output), serialize.read(two.output))


def test_the_output_format_follows_the_extension_and_leaves_no_parts_behind(tmp_path):
    stories = reuters_sample(tmp_path, 30)
    summary = run([stories], tmp_path / "events.json", workers=1, on_problem=fail_on_problem)
    rows = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert len(rows) == summary.events > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.json", "stories.jsonl"]


def test_resume_reuses_the_chunks_a_killed_run_finished(tmp_path):
    stories = reuters_sample(tmp_path, 400)
    target = tmp_path / "events.parquet"
    command = [
        sys.executable,
        "-m",
        "dashboard.cli",
        "extract",
        str(stories),
        "--output",
        str(target),
        "--workers",
        "1",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE)
    parts = tmp_path / ".events.parquet.parts"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(parts.glob("part-*.parquet"))) < 1:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = list(parts.glob("part-*.parquet"))
    assert finished, "the run was killed before it finished a chunk"
    assert not target.exists(), "a killed run must not leave an output that looks complete"
    for part in finished:
        pd.read_parquet(part)  # every finished part is a whole Parquet file

    resumed = run([stories], target, workers=1, resume=True, on_problem=fail_on_problem)
    assert resumed.reused_chunks >= 1
    fresh = run([stories], tmp_path / "fresh.parquet", workers=1, on_problem=fail_on_problem)
    pd.testing.assert_frame_equal(serialize.read(target), serialize.read(fresh.output))


def test_resume_never_reuses_chunks_made_by_other_extraction_code(tmp_path, monkeypatch):
    from extract import pipeline
    from extract.run import local as runner

    stories = reuters_sample(tmp_path, 60)
    target = tmp_path / "events.parquet"

    def crash(frames):  # noqa: ANN001, ARG001
        raise RuntimeError("killed before clustering")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "cluster_events", crash)
        with pytest.raises(RuntimeError):
            run([stories], target, workers=1, chunk_size=20, on_problem=fail_on_problem)
    same = run([stories], target, workers=1, chunk_size=20, resume=True, on_problem=fail_on_problem)
    assert same.reused_chunks == 3

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "cluster_events", crash)
        with pytest.raises(RuntimeError):
            run([stories], target, workers=1, chunk_size=20, on_problem=fail_on_problem)
    monkeypatch.setattr(runner, "code_version", lambda: "a newer tagger")
    other = run(
        [stories], target, workers=1, chunk_size=20, resume=True, on_problem=fail_on_problem
    )
    assert other.reused_chunks == 0
