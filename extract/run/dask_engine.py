"""The same extraction on a Dask distributed cluster, for corpora one machine cannot carry.

Why it gives the local engine's events: it is one more ``extract.pipeline.Engine``. The driver
reads and chunks the articles as the pipeline says, ships each chunk's per-article steps
(``collect_chunk``, then ``chunk_events``) to the workers and decides the publication dates of
the whole batch itself in between. Only a bounded number of chunks is in flight at once, so the
driver's memory does not grow with the texts of the corpus. Clustering needs every event, so it
runs on the driver over the events (no texts); the result is written as a Parquet dataset, one
file per ``DATASET_ROWS_PER_FILE`` events, into a folder that is renamed into place when
complete.

With no scheduler address a ``LocalCluster`` is started on this machine.
"""

from __future__ import annotations

import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import pandas as pd

from extract.article import Problem
from extract.dating.published import Facts
from extract.pipeline import Chunk, chunk_events, collect_chunk, extract, read_paths
from extract.run.local import RunSummary
from extract.settings import CHUNK_SIZE, DATASET_ROWS_PER_FILE


def run_dask(
    paths: Iterable[str | Path],
    output: str | Path,
    *,
    published: date | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    on_problem: Callable[[Problem], None],
    rows_per_file: int = DATASET_ROWS_PER_FILE,
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
        source = read_paths(paths, published=published, on_problem=on_problem)
        done = extract(source, OnDask(client), chunk_size=chunk_size, on_problem=on_problem)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    write_dataset(done.events, Path(output), rows_per_file)
    return RunSummary(done.articles, len(done.events), done.chunks, 0,
                      time.perf_counter() - started, Path(output))


class OnDask:
    """The engine: each chunk's step as a task of ``client``, at most two per worker in flight,
    results in chunk order."""

    def __init__(self, client) -> None:  # type: ignore[no-untyped-def]
        self._client = client
        self._window = max(2, 2 * len(client.scheduler_info().get("workers", {})))

    def collect(self, chunks: Iterable[Chunk]) -> Iterator[list[Facts]]:
        return self._map(collect_chunk, chunks)

    def events(self, chunks: Iterable[Chunk]) -> Iterator[pd.DataFrame]:
        return self._map(chunk_events, chunks)

    def _map(self, step: Callable, chunks: Iterable[Chunk]) -> Iterator:  # type: ignore[type-arg]
        pending: deque = deque()  # type: ignore[type-arg]
        for chunk in chunks:
            pending.append(self._client.submit(step, chunk, pure=False))
            if len(pending) >= self._window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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
