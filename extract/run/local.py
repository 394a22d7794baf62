"""Corpus-scale extraction: streaming, on every core, resumable, with atomic output.

Why an engine and not a pipeline of its own: the sequence (read, date the batch, events per
article, cluster) is ``extract.pipeline.extract``; this module only decides where its
per-article steps run -- in ``workers`` processes, chunk by chunk -- and checkpoints the events.
Chunk boundaries depend only on the input, never on the number of workers, and publication
dates are decided over the whole batch before any chunk is extracted, so the events are those
of ``dateline extract`` to stdout. Memory holds a few chunks of texts per worker plus the
events, never the whole corpus. Each chunk's events are saved as a Parquet part beside the
output; a killed run leaves only parts, and ``resume=True`` keeps the parts whose chunk (texts,
decided dates, code) has the same fingerprint and redoes the rest. Clustering needs every
event, so it runs last, over the events only (no texts), and the result is renamed into place.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import multiprocessing
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from extract import serialize
from extract.article import Problem
from extract.dating.published import Facts
from extract.pipeline import Chunk, chunk_events, collect_chunk, extract, read_paths
from extract.settings import CHUNK_SIZE, default_workers


@dataclass(frozen=True, slots=True)
class RunSummary:
    articles: int
    events: int
    chunks: int
    reused_chunks: int
    seconds: float
    output: Path


@functools.cache
def code_version() -> str:
    """A hash of every module of ``extract`` (subpackages included) and its data files, so
    --resume never mixes parts made by different code."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=8)
    for file in code_files():
        digest.update(file.relative_to(package).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def code_files() -> list[Path]:
    """The files ``code_version`` hashes: every .py under ``extract/`` and its data files."""
    package = Path(__file__).resolve().parents[1]
    files = [f for f in package.rglob("*") if f.is_file() and "__pycache__" not in f.parts
             and (f.suffix == ".py" or f.parent.name == "data")]
    return sorted(files, key=lambda f: f.relative_to(package).as_posix())


def run(
    paths: Iterable[str | Path],
    output: str | Path,
    *,
    published: date | None = None,
    workers: int | None = None,
    resume: bool = False,
    chunk_size: int = CHUNK_SIZE,
    on_problem: Callable[[Problem], None],
    progress: bool = False,
) -> RunSummary:
    """Extract every article under ``paths`` into ``output`` (.parquet, .csv or .json)."""
    started = time.perf_counter()
    target = Path(output)
    fmt = serialize.format_of(target)
    parts = _parts_folder(target)
    if not resume and parts.exists():
        shutil.rmtree(parts)
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        leftover.unlink(missing_ok=True)  # a write of the output cut short by a kill
    parts.mkdir(parents=True, exist_ok=True)
    source = read_paths(paths, published=published, on_problem=on_problem)
    with Processes(workers or default_workers(), parts, resume) as engine:
        done = extract(
            source, engine, chunk_size=chunk_size, progress=progress, on_problem=on_problem
        )
    if done.articles:  # nothing read: write nothing, the caller says why
        serialize.write(done.events, target, fmt)
    shutil.rmtree(parts, ignore_errors=True)
    return RunSummary(done.articles, len(done.events), done.chunks, engine.reused,
                      time.perf_counter() - started, target)


@dataclass
class Processes:
    """The engine: each chunk in one of ``workers`` processes (here, for one worker), its
    events saved as a part in ``parts`` (or reused from there with ``resume``)."""

    workers: int
    parts: Path
    resume: bool
    reused: int = 0
    _pool: object = field(default=None, repr=False)

    def __enter__(self) -> Processes:
        if self.workers > 1:
            context = multiprocessing.get_context(
                "forkserver" if sys.platform != "win32" else "spawn")
            self._pool = context.Pool(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()  # type: ignore[attr-defined]
            self._pool.join()  # type: ignore[attr-defined]

    def collect(self, chunks: Iterable[Chunk]) -> Iterator[list[Facts]]:
        return self._map(collect_chunk, chunks)

    def events(self, chunks: Iterable[Chunk]) -> Iterator[pd.DataFrame]:
        step = functools.partial(_do_chunk, parts=self.parts, resume=self.resume)
        for part, reused in self._map(step, chunks):
            self.reused += reused
            yield pd.read_parquet(part)

    def _map(self, step: Callable, chunks: Iterable[Chunk]) -> Iterator:  # type: ignore[type-arg]
        if self._pool is None:
            return map(step, chunks)
        return self._pool.imap(step, chunks, chunksize=1)  # type: ignore[attr-defined]


def fingerprint(chunk: Chunk) -> str:
    """Input (with the dates decided for it) and extraction code: parts made from other input
    or by other code are never reused."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(code_version().encode())
    for article in chunk.articles:
        for value in (article.doc_id, article.title, article.source, article.url,
                      str(article.published), article.published_from, article.text):
            digest.update(value.encode("utf-8", "replace"))
            digest.update(b"\0")
    return digest.hexdigest()


def _do_chunk(chunk: Chunk, parts: Path, resume: bool) -> tuple[Path, int]:
    """(part file, 1 if it was reused) of one chunk's events."""
    part = parts / f"part-{chunk.index:06d}-{fingerprint(chunk)}.parquet"
    if resume and part.exists():
        return part, 1
    frame = chunk_events(chunk)
    with serialize.atomic_path(part) as tmp:
        frame.to_parquet(tmp, index=False)
    return part, 0


def _parts_folder(target: Path) -> Path:
    return target.parent / f".{target.name}.parts"
