"""The same extraction on a Dask distributed cluster, for corpora one machine cannot carry.

Why it looks like the local engine: the driver reads and chunks the articles exactly as
``extract.run.local`` does and ships each chunk to ``extract.run.local.extract_chunk`` on a worker,
so both engines give the same events. Only a bounded number of chunks is in flight at once, so the
driver's memory does not grow with the corpus. Clustering needs every event, so it runs on the
driver over the events (no texts); the result is written as a Parquet dataset, one file per chunk
of events, into a folder that is renamed into place when complete.

With no scheduler address a ``LocalCluster`` is started on this machine.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from extract import schema
from extract.article import Problem
from extract.read.readers import read_articles
from extract.run.local import CHUNK_SIZE, RunSummary, _chunks, extract_chunk


def run_dask(
    paths: Iterable[str | Path],
    output: str | Path,
    *,
    published: date | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    on_problem: Callable[[Problem], None],
    rows_per_file: int = 50_000,
) -> RunSummary:
    """Extract ``paths`` on a Dask cluster into the Parquet dataset folder ``output``."""
    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or 2, threads_per_worker=1, processes=True,
            dashboard_address=None, host="127.0.0.1",
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        frames, count, chunks = _extract_on(client, paths, published, chunk_size, on_problem)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    from extract.events.cluster import assign_clusters

    frame = assign_clusters(schema.coerce(pd.concat(frames, ignore_index=True))) if frames else (
        schema.empty_frame()
    )
    write_dataset(frame, Path(output), rows_per_file)
    return RunSummary(count, len(frame), chunks, 0, time.perf_counter() - started, Path(output))


def _extract_on(client, paths, published, chunk_size, on_problem):  # type: ignore[no-untyped-def]
    """Submit chunks with a bounded window; collect results in chunk order."""
    from dask.distributed import wait

    window = max(2, 2 * len(client.scheduler_info().get("workers", {})))
    pending: dict[int, object] = {}
    results: dict[int, pd.DataFrame] = {}
    count = 0
    chunks = 0
    articles = read_articles(paths, published=published, on_problem=on_problem)
    for chunk in _chunks(articles, chunk_size):
        count += len(chunk.articles)
        chunks += 1
        pending[chunk.index] = client.submit(extract_chunk, chunk.articles, pure=False)
        if len(pending) >= window:
            done, _ = wait(list(pending.values()), return_when="FIRST_COMPLETED")
            _collect(pending, results, done)
    if pending:
        done, _ = wait(list(pending.values()))
        _collect(pending, results, done)
    frames = [results[i] for i in sorted(results) if len(results[i])]
    return frames, count, chunks


def _collect(pending: dict, results: dict, done: set) -> None:  # type: ignore[type-arg]
    for index, future in list(pending.items()):
        if future in done:
            results[index] = future.result()
            del pending[index]


def write_dataset(frame: pd.DataFrame, folder: Path, rows_per_file: int) -> None:
    """Write ``frame`` as ``folder/part-00000.parquet``... atomically (folder renamed in)."""
    staging = folder.parent / f".{folder.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for number, start in enumerate(range(0, max(len(frame), 1), rows_per_file)):
        frame.iloc[start : start + rows_per_file].to_parquet(
            staging / f"part-{number:05d}.parquet", index=False
        )
    if folder.exists():
        shutil.rmtree(folder)
    staging.rename(folder)


def read_dataset(folder: str | Path) -> pd.DataFrame:
    """A Parquet dataset folder back into one typed events frame."""
    parts = sorted(Path(folder).glob("part-*.parquet"))
    if not parts:
        return schema.empty_frame()
    return schema.coerce(pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True))
