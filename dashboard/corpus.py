"""The corpus a running app shows: the events frame, the articles' texts, what derives from them.

Why an object: uploads add articles while the app runs, and the filter index, the publication date
and the summary must change together with the frame. Every callback reads the corpus through one
instance handed to it (never a module global); a lock makes adding articles atomic.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from dashboard.figure import corpus_published
from dashboard.filters import EventIndex
from extract.article import Article
from extract.schema import coerce


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

    def __init__(self, frame: pd.DataFrame, articles: Mapping[str, Article] | None = None):
        self._lock = threading.Lock()
        self.version = 0
        self._set(frame, dict(articles or {}))

    def _set(self, frame: pd.DataFrame, articles: dict[str, Article]) -> None:
        self.frame = frame.reset_index(drop=True)
        self.articles = articles
        self.index = EventIndex.build(self.frame)
        self.published: date | None = corpus_published(self.frame)
        self._by_id = pd.Series(range(len(self.frame)), index=self.frame["event_id"].to_numpy())
        self._by_id = self._by_id[~self._by_id.index.duplicated()]

    @property
    def has_texts(self) -> bool:
        return bool(self.articles)

    def summary(self) -> Summary:
        frame = self.frame
        docs = set(frame["doc_id"]) | set(self.articles)
        known = frame.dropna(subset=["date_start"])
        return Summary(
            articles=len(docs),
            events=len(frame),
            first=None if known.empty else pd.Timestamp(known["date_start"].min()).date(),
            last=None if known.empty else pd.Timestamp(known["date_end"].max()).date(),
            actors=int(frame["actors"].explode().dropna().nunique()),
        )

    def event(self, event_id: str) -> dict[str, object] | None:
        """One row as a dict, or None when the id is unknown."""
        position = self._by_id.get(event_id)
        return None if position is None else self.frame.iloc[int(position)].to_dict()

    def cluster_others(self, event: Mapping[str, object]) -> pd.DataFrame:
        """The other rows reporting the same happening."""
        frame = self.frame
        same = (frame["cluster_id"] == event["cluster_id"]) & (
            frame["event_id"] != event["event_id"]
        )
        return frame[same.to_numpy(dtype=bool)]

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
            before = len(self.frame)
            if self.articles:
                frame, dated = extract_articles([*self.articles.values(), *unique])
            else:  # loaded from a saved events file: keep its rows, add the new ones
                added, dated = extract_articles(unique)
                frame = coerce(pd.concat([self.frame, added], ignore_index=True))
            self._set(frame, {**self.articles, **{a.doc_id: a for a in dated}})
            self.version += 1
            return len(unique), len(self.frame) - before

    def _unique(self, article: Article) -> Article:
        doc_id, n = article.doc_id, 2
        while doc_id in self.articles or doc_id in set(self.frame["doc_id"]):
            doc_id, n = f"{article.doc_id}-{n}", n + 1
        return article if doc_id == article.doc_id else replace(article, doc_id=doc_id)
