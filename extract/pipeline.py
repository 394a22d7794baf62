"""The whole extraction in one call: paths in, events frame and the articles it came from out.

Why a module of its own: the CLI, the dashboard's ``serve`` and ``export`` and the upload form all
need the same sequence (read, infer missing publication dates across the batch, extract events,
cluster). Keeping it here means they cannot drift apart.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from extract.article import Article, Problem
from extract.dating.published import infer_published
from extract.events.rows import extract_events
from extract.read.readers import read_articles

ProblemHandler = Callable[[Problem], None]


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
    """Read every article under ``paths`` and return (events frame, articles).

    ``published`` fills the publication date of inputs that carry none; the rest are inferred
    from their text (and the batch) where the evidence allows.
    """
    read = list(read_articles(paths, published=published, on_problem=on_problem))
    return extract_articles(read, progress=progress)


def extract_articles(
    articles: Sequence[Article], *, progress: bool = False
) -> tuple[pd.DataFrame, list[Article]]:
    """Events of already-read articles, inferring missing publication dates first.

    Returns the articles too, with the inferred dates and their evidence filled in.
    """
    dated = infer_published(list(articles))
    return extract_events(_progress(dated, progress)), dated


def _progress(articles: Sequence[Article], enabled: bool) -> Iterable[Article]:
    """A progress bar on stderr, only when asked and stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return articles
    from tqdm import tqdm

    return tqdm(articles, desc="extracting", unit="article", file=sys.stderr)
