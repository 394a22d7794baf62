"""The extraction sequence, stated once: read, date the batch, events per article, cluster.

Why one place: ``dateline extract`` to stdout, ``-o`` with any ``--workers``, the Dask engine,
``dateline serve`` and the upload form must give identical events for identical input. They all
call ``extract``, which runs the four steps in this order:

1. read the articles (``source``: a corpus can be read again, problems are reported once),
   each cut to the per-article work budget (``within_budget``);
2. date them as one batch: ``published.collect`` per article, then ``published.decide`` over
   all of them, so an undated article borrows a date from its story anywhere in the batch,
   whatever chunk either falls in;
3. events of each article, with the decided dates applied (``events.rows``);
4. cluster once, over every event (``events.cluster``): names and clusters span the batch.

An ``Engine`` only decides where the per-article work (``collect`` in 2, events in 3) runs: here
in this process (``InProcess``), in worker processes (``extract.run.local``) or on a Dask
cluster (``extract.run.dask_engine``). Chunk boundaries depend only on the input and change nothing.
The articles stream through twice (reading is cheap next to extracting), four times when an
undated article must borrow; no step holds every text at once. The events of the whole batch
are held for step 4.
"""

from __future__ import annotations

import itertools
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Protocol, TypeVar

import pandas as pd

from extract import schema
from extract.article import Article, Problem
from extract.dating.published import Decision, Facts, collect, decide, with_published
from extract.errors import InputChanged
from extract.events.cluster import assign_clusters
from extract.events.rows import article_events
from extract.read.readers import read_articles
from extract.settings import ARTICLE_BUDGET, CHUNK_SIZE

ProblemHandler = Callable[[Problem], None]
T = TypeVar("T")
Source = Callable[[], Iterable[Article]]
"""The batch's articles, from the first, every time it is called (the same ones in the same
order)."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive articles of the batch, the unit an engine ships to where it runs a step."""

    index: int
    articles: tuple[Article, ...]


class Engine(Protocol):
    """Where the per-article steps run. Both return one result per chunk, in chunk order."""

    def collect(self, chunks: Iterable[Chunk]) -> Iterable[list[Facts]]:
        """``collect_chunk`` of every chunk."""
        ...

    def events(self, chunks: Iterable[Chunk]) -> Iterable[pd.DataFrame]:
        """``chunk_events`` of every chunk."""
        ...


@dataclass(frozen=True, slots=True)
class Extraction:
    """The clustered events of a batch, how many articles it had, and the dates decided for
    its undated articles (by position: ``published.with_published`` applies them)."""

    events: pd.DataFrame
    articles: int
    chunks: int
    decided: dict[int, Decision]


def extract(
    source: Source,
    engine: Engine | None = None,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: bool = False,
    saved: pd.DataFrame | None = None,
    budget: int | None = None,
    on_problem: ProblemHandler | None = None,
) -> Extraction:
    """Run the sequence over ``source`` on ``engine`` (default: this process).

    ``saved``: events of an earlier batch whose texts are gone (a saved events file), clustered
    in step 4 together with the new ones (they cannot lend a publication date: no text).
    An article longer than ``budget`` characters is cut (``within_budget``), said once to
    ``on_problem`` (default: stderr)."""
    engine = engine or InProcess()
    source = within_budget(source, _budget(budget), on_problem or print_problem)
    show = progress and sys.stderr.isatty()
    # 1-2. read, and date the whole batch: facts per article (engine), decisions for all (here)
    reading = _Chunks(source(), chunk_size)
    dating = engine.collect(map(_for_dating, reading))
    facts = itertools.chain.from_iterable(reading.follow(dating, "dating", show))
    decided = decide(facts, source)
    # 3. events per article, the decided dates applied (engine)
    extracting = _Chunks(with_published(source(), decided), chunk_size)
    frames = list(extracting.follow(engine.events(extracting), "extracting", show, reading.done))
    if extracting.done != reading.done:
        raise InputChanged(f"{extracting.done} articles where there were {reading.done}")
    # 4. cluster once, over every event of the batch
    kept = frames if saved is None else [saved, *frames]
    return Extraction(cluster_events(kept), reading.done, len(frames), decided)


def within_budget(source: Source, budget: int, on_problem: ProblemHandler) -> Source:
    """``source`` with every article cut to at most ``budget`` characters (at the last space
    before the limit), each cut said once, however many times the batch is read.

    Why a budget when every step is linear: it is the backstop that bounds the work of one
    article whatever a future step costs, so one pasted 5 MB file cannot hold a core for
    minutes (or a restart that extracts it again). Offsets stay valid: the text kept is a
    prefix of the original."""
    readings = itertools.count()

    def read() -> Iterator[Article]:
        report = on_problem if next(readings) == 0 else _ignore
        for article in source():
            yield article if len(article.text) <= budget else _cut(article, budget, report)

    return read


def _budget(given: int | None) -> int:
    """``given``, or the ``ARTICLE_BUDGET`` setting (read at the call, so a test can lower it)."""
    return ARTICLE_BUDGET if given is None else given


def _cut(article: Article, budget: int, report: ProblemHandler) -> Article:
    space = article.text.rfind(" ", budget // 2, budget + 1)
    end = space if space > 0 else budget
    report(Problem(
        article.path or article.doc_id,
        f"cut to its first {end:,} of {len(article.text):,} characters: longer articles are "
        f"over the work budget of one article ({budget:,}, ARTICLE_BUDGET); the rest of the "
        "batch is kept",
    ))
    return replace(article, text=article.text[:end])


def collect_chunk(chunk: Chunk) -> list[Facts]:
    """Step 2's per-article part, for one chunk (runs wherever the engine puts it)."""
    return [collect(article) for article in chunk.articles]


def _for_dating(chunk: Chunk) -> Chunk:
    """The chunk as step 2 needs it: ``collect`` reads no text of an article that has its
    date, so those texts are left out of what an engine ships to a worker or a cluster (on
    Reuters, where every story is dated, the dating pass then costs next to nothing)."""
    if all(article.published is None for article in chunk.articles):
        return chunk
    light = tuple(a if a.published is None else replace(a, text="") for a in chunk.articles)
    return Chunk(chunk.index, light)


def chunk_events(chunk: Chunk) -> pd.DataFrame:
    """Step 3 for one chunk of dated articles: their events, not yet clustered."""
    return schema.from_records(row for article in chunk.articles for row in article_events(article))


def cluster_events(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Step 4: every chunk's events as one frame, clustered across the whole batch."""
    kept = [frame for frame in frames if len(frame)]
    if not kept:
        return assign_clusters(schema.empty_frame())
    return assign_clusters(schema.coerce(pd.concat(kept, ignore_index=True)))


class InProcess:
    """The engine that runs every step here, one chunk after another."""

    def collect(self, chunks: Iterable[Chunk]) -> Iterator[list[Facts]]:
        return map(collect_chunk, chunks)

    def events(self, chunks: Iterable[Chunk]) -> Iterator[pd.DataFrame]:
        return map(chunk_events, chunks)


def read_paths(
    paths: Iterable[str | Path], *, published: date | None, on_problem: ProblemHandler
) -> Source:
    """A ``Source`` reading the files under ``paths``; only the first reading reports problems
    (each bad file is said once, however many times the batch is read)."""
    chosen = [Path(p) for p in paths]
    readings = itertools.count()

    def read() -> Iterator[Article]:
        handler = on_problem if next(readings) == 0 else _ignore
        return read_articles(chosen, published=published, on_problem=handler)

    return read


def print_problem(problem: Problem) -> None:
    """Default problem handler: one line on stderr, and the batch goes on."""
    print(str(problem), file=sys.stderr)


def extract_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    on_problem: ProblemHandler = print_problem,
    progress: bool = False,
) -> tuple[pd.DataFrame, list[Article]]:
    """Read every article under ``paths`` and return (events frame, articles), in memory.

    ``published`` fills the publication date of inputs that carry none; the rest are inferred
    from their text (and the batch) where the evidence allows.
    """
    read = list(read_articles(paths, published=published, on_problem=on_problem))
    return extract_articles(read, progress=progress, on_problem=on_problem)


def extract_articles(
    articles: Sequence[Article],
    *,
    progress: bool = False,
    saved: pd.DataFrame | None = None,
    budget: int | None = None,
    on_problem: ProblemHandler = print_problem,
) -> tuple[pd.DataFrame, list[Article]]:
    """Events of already-read articles (clustered with ``saved`` events, if given: see
    ``extract``), and the articles with their decided dates and evidence filled in (and their
    text cut to ``budget``, as extracted)."""
    given = list(articles)
    batch = list(within_budget(lambda: given, _budget(budget), on_problem)())
    done = extract(lambda: batch, progress=progress, saved=saved, budget=budget)
    return done.events, list(with_published(batch, done.decided))


class _Chunks:
    """The batch cut into chunks for an engine, and how many articles its results cover."""

    def __init__(self, articles: Iterable[Article], size: int):
        self._articles = iter(articles)
        self._size = size
        self._sizes: deque[int] = deque()  # of chunks handed out whose result is not back
        self.done = 0

    def __iter__(self) -> Iterator[Chunk]:
        for index in itertools.count():
            batch = tuple(itertools.islice(self._articles, self._size))
            if not batch:
                return
            self._sizes.append(len(batch))
            yield Chunk(index, batch)

    def follow(self, results: Iterable[T], desc: str, show: bool, total: int | None = None
               ) -> Iterator[T]:
        """``results`` (one per chunk, in order), counting articles, with a bar when shown."""
        bar = _bar(desc, total) if show else None
        for result in results:
            size = self._sizes.popleft()
            self.done += size
            if bar is not None:
                bar.update(size)
            yield result
        if bar is not None:
            bar.close()


def _bar(desc: str, total: int | None):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=" articles", file=sys.stderr, smoothing=0.1)


def _ignore(_: Problem) -> None:
    return None
