"""The Dask engine gives the same events as the local one, on a real two-process LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract import serialize
from extract.runner import run

pytest.importorskip("distributed", reason="the Dask engine needs dask.distributed")

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def _stories(tmp_path: Path, count: int) -> Path:
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is not here (it comes with shared/)")
    out = tmp_path / "stories.jsonl"
    with REUTERS.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(lines):
            if number == count:
                break
            sink.write(line)
    return out


def _fail(problem) -> None:  # noqa: ANN001
    raise AssertionError(f"unexpected problem: {problem}")


def test_a_local_cluster_with_two_workers_gives_the_local_engines_events(tmp_path):
    from extract.dask_engine import run_dask

    stories = _stories(tmp_path, 150)
    local = run([stories], tmp_path / "local.parquet", workers=1, chunk_size=40, on_problem=_fail)
    dask = run_dask([stories], tmp_path / "dask", workers=2, chunk_size=40, on_problem=_fail,
                    rows_per_file=100)
    assert dask.articles == local.articles == 150
    parts = sorted((tmp_path / "dask").glob("part-*.parquet"))
    assert len(parts) > 1, "the dataset is partitioned"
    pd.testing.assert_frame_equal(serialize.read(tmp_path / "dask"), serialize.read(local.output))
