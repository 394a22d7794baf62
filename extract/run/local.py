"""Corpus-scale extraction: streaming, on every core, resumable, with atomic output.

Why chunks: articles stream from the readers in fixed-size chunks (the chunk boundaries depend
only on the input, never on the number of workers), each chunk is extracted in a worker process
and saved as a Parquet part beside the output. Memory holds one chunk of texts per worker plus
the events, never the whole corpus. A killed run leaves only parts; ``resume=True`` keeps the
parts whose chunk has the same fingerprint and redoes the rest. Clustering needs every event at
once, so it runs last, over the events only (no texts), and the result is renamed into place.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from extract import schema, serialize
from extract.article import Article, Problem
from extract.read.readers import read_articles

CHUNK_SIZE = 256


@dataclass(frozen=True, slots=True)
class RunSummary:
    articles: int
    events: int
    chunks: int
    reused_chunks: int
    seconds: float
    output: Path


@dataclass(frozen=True, slots=True)
class _Chunk:
    index: int
    articles: tuple[Article, ...]

    @property
    def fingerprint(self) -> str:
        """Input and extraction code: parts made by other code are never reused."""
        digest = hashlib.blake2b(digest_size=12)
        digest.update(code_version().encode())
        for article in self.articles:
            digest.update(article.doc_id.encode("utf-8", "replace"))
            digest.update(str(article.published).encode())
            digest.update(article.text.encode("utf-8", "replace"))
        return digest.hexdigest()


@functools.cache
def code_version() -> str:
    """A hash of every module of ``extract`` (subpackages included) and its data files, so
    --resume never mixes parts made by different code."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=8)
    files = [f for f in package.rglob("*") if f.is_file() and "__pycache__" not in f.parts
             and (f.suffix == ".py" or f.parent.name == "data")]
    for file in sorted(files, key=lambda f: f.relative_to(package).as_posix()):
        digest.update(file.relative_to(package).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


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
    paths = [Path(p) for p in paths]
    total = _count_articles(paths) if progress and sys.stderr.isatty() else None
    articles = read_articles(paths, published=published, on_problem=on_problem)
    chunks = _chunks(articles, chunk_size)
    workers = workers or default_workers()
    done: list[Path] = []
    reused = 0
    count = 0
    bar = _progress_bar(total) if total is not None else None
    for part, reused_one, size in _extract_chunks(chunks, parts, workers, resume):
        done.append(part)
        reused += reused_one
        count += size
        if bar is not None:
            bar.update(size)
    if bar is not None:
        bar.close()
    frame = _combine(done)
    if count:  # nothing read: write nothing, the caller says why
        serialize.write(frame, target, fmt)
    shutil.rmtree(parts, ignore_errors=True)
    return RunSummary(count, len(frame), len(done), reused, time.perf_counter() - started, target)


def extract_chunk(articles: Iterable[Article]) -> pd.DataFrame:
    """Events of one chunk, before clustering (publication dates inferred within the chunk)."""
    from extract.dating.published import infer_published
    from extract.events.rows import article_events
    from extract.timex.tagger import tag

    rows: list[dict] = []
    for article in infer_published(list(articles)):
        rows.extend(article_events(article, tag))
    return schema.from_records(rows)


def _extract_chunks(
    chunks: Iterator[_Chunk], parts: Path, workers: int, resume: bool
) -> Iterator[tuple[Path, int, int]]:
    """Yield (part file, 1 if reused, articles) in chunk order, extracting in ``workers``."""
    todo = (
        (chunk, parts) for chunk in chunks
    )
    if workers == 1:
        for chunk, folder in todo:
            yield _do_chunk(chunk, folder, resume)
        return
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    with context.Pool(workers) as pool:
        jobs = ((chunk, folder, resume) for chunk, folder in todo)
        yield from pool.imap(_do_chunk_star, jobs, chunksize=1)


def _do_chunk_star(job: tuple[_Chunk, Path, bool]) -> tuple[Path, int, int]:
    return _do_chunk(*job)


def _do_chunk(chunk: _Chunk, parts: Path, resume: bool) -> tuple[Path, int, int]:
    part = parts / f"part-{chunk.index:06d}-{chunk.fingerprint}.parquet"
    if resume and part.exists():
        return part, 1, len(chunk.articles)
    frame = extract_chunk(chunk.articles)
    with serialize.atomic_path(part) as tmp:
        frame.to_parquet(tmp, index=False)
    return part, 0, len(chunk.articles)


def _combine(parts: list[Path]) -> pd.DataFrame:
    from extract.events.cluster import assign_clusters

    frames = [pd.read_parquet(part) for part in parts]
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty_frame()
    frame = schema.coerce(pd.concat(frames, ignore_index=True))
    return assign_clusters(frame)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[_Chunk]:
    batch: list[Article] = []
    index = 0
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield _Chunk(index, tuple(batch))
            index += 1
            batch = []
    if batch:
        yield _Chunk(index, tuple(batch))


def _parts_folder(target: Path) -> Path:
    return target.parent / f".{target.name}.parts"


def _count_articles(paths: list[Path]) -> int:
    """A cheap count for the progress bar's ETA: lines of JSONL files, other files one each."""
    total = 0
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".jsonl":
                with file.open("rb") as handle:
                    blocks = iter(lambda: handle.read(1 << 20), b"")
                    total += sum(block.count(b"\n") for block in blocks)
            elif file.is_file() and file.suffix.lower() in (".txt", ".md", ".html", ".htm"):
                total += 1
    return total


def _progress_bar(total: int):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    return tqdm(total=total, desc="extracting", unit=" articles", file=sys.stderr, smoothing=0.1)
