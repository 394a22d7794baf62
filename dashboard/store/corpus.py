"""The corpus a running app shows: the event store, the articles' texts, what derives from them.

Why an object: uploads add articles while the app runs, and the store, the publication date and
the summary must change together. Every callback reads the corpus through one instance handed to
it (never a module global); a lock makes adding articles atomic. The events sit behind an
``EventStore`` (a pandas frame, or DuckDB over Parquet for big saved sets), so nothing here
assumes they fit in memory; ``frame`` materialises them, for tests and tools only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from dashboard.store.interface import EventStore
from dashboard.store.memory import FrameStore
from dashboard.store.open import as_store
from extract.article import Article


@dataclass(frozen=True)
class Summary:
    articles: int
    events: int
    first: date | None
    last: date | None
    actors: int

    @property
    def span(self) -> str:
        if self.first is None or self.last is None:
            return "no dates"
        if self.first.year == self.last.year:
            return str(self.first.year)
        return f"{self.first.year}–{self.last.year}"


class Corpus:
    """Events plus (optionally) the articles they came from, keyed by doc_id."""

    def __init__(
        self,
        events: pd.DataFrame | EventStore,
        articles: Mapping[str, Article] | None = None,
    ):
        self._lock = threading.Lock()
        self.version = 0
        # set by dashboard.serve.server to DataStore.save: new articles reach disk before the events
        self.persist: Callable[[list[Article]], object] | None = None
        self._set(as_store(events), dict(articles or {}))

    def _set(self, store: EventStore, articles: dict[str, Article]) -> None:
        self.store = store
        self.articles = articles
        self.published: date | None = store.published()

    @property
    def frame(self) -> pd.DataFrame:
        """Every event as one frame (a copy's worth of memory for a big store: not per callback)."""
        return self.store.frame()

    @property
    def has_texts(self) -> bool:
        return bool(self.articles)

    def summary(self) -> Summary:
        store = self.store
        first, last = store.date_bounds()
        return Summary(
            articles=len(store.doc_ids() | set(self.articles)),
            events=len(store),
            first=first,
            last=last,
            actors=len(store.actor_counts()),
        )

    def event(self, event_id: str) -> dict[str, object] | None:
        """One row as a dict, or None when the id is unknown."""
        return self.store.event(event_id)

    def cluster_others(self, event: Mapping[str, object]) -> pd.DataFrame:
        """The other rows reporting the same happening."""
        return self.store.cluster_others(dict(event))

    def actor_counts(self) -> list[tuple[str, int]]:
        return self.store.actor_counts()

    def source_options(self) -> list[tuple[str, str]]:
        return self.store.source_options()

    def precisions(self) -> set[str]:
        return self.store.precisions()

    def add_articles(self, new: Iterable[Article]) -> tuple[int, int]:
        """Extract ``new`` together with the texts already here (so reports of one happening
        in old and new articles cluster), and swap the result in. Returns (articles, events)
        added."""
        from extract.pipeline import extract_articles

        with self._lock:
            fresh = [self._unique(article) for article in new]
            taken: set[str] = set()
            unique = []
            for article in fresh:
                while article.doc_id in taken:
                    article = replace(article, doc_id=article.doc_id + "-2")
                taken.add(article.doc_id)
                unique.append(article)
            if self.persist is not None:
                self.persist(unique)
            before = len(self.store)
            store: EventStore
            if self.articles:  # one batch with the texts already here
                frame, dated = extract_articles([*self.articles.values(), *unique])
                store = FrameStore(frame)
            elif isinstance(self.store, FrameStore):  # a saved events file: cluster with its rows
                frame, dated = extract_articles(unique, saved=self.store.frame())
                store = FrameStore(frame)
            else:  # a saved set too big to hold (DuckDB): the new rows cluster among themselves
                added, dated = extract_articles(unique)
                store = self.store.append(added)
            self._set(store, {**self.articles, **{a.doc_id: a for a in dated}})
            self.version += 1
            return len(unique), len(self.store) - before

    def _unique(self, article: Article) -> Article:
        doc_id, n, taken = article.doc_id, 2, self.store.doc_ids()
        while doc_id in self.articles or doc_id in taken:
            doc_id, n = f"{article.doc_id}-{n}", n + 1
        return article if doc_id == article.doc_id else replace(article, doc_id=doc_id)
