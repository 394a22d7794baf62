"""The Dask engine gives the same events as the local one, on a real two-process LocalCluster."""

from __future__ import annotations

import pandas as pd
import pytest
from corpora import fail_on_problem, reuters_sample

from extract import serialize
from extract.run.local import run

pytest.importorskip("distributed", reason="the Dask engine needs dask.distributed")


def test_a_local_cluster_with_two_workers_gives_the_local_engines_events(tmp_path):
    from extract.run.dask_engine import run_dask

    stories = reuters_sample(tmp_path, 150)
    local = run(
        [stories], tmp_path / "local.parquet", workers=1, chunk_size=40, on_problem=fail_on_problem
    )
    dask = run_dask(
        [stories],
        tmp_path / "dask",
        workers=2,
        chunk_size=40,
        on_problem=fail_on_problem,
        rows_per_file=100,
    )
    assert dask.articles == local.articles == 150
    parts = sorted((tmp_path / "dask").glob("part-*.parquet"))
    assert len(parts) > 1, "the dataset is partitioned"
    pd.testing.assert_frame_equal(serialize.read(tmp_path / "dask"), serialize.read(local.output))
