"""The corpus a running app shows: the event store, the articles' texts, what derives from them.

Why an object: uploads add articles while the app runs, and the store, the publication date and
the summary must change together. Every callback reads the corpus through one instance handed to
it (never a module global). An upload costs its own articles: they are extracted alone, with no
lock held (other users' requests, and other uploads, go on), then joined to the clusters already
here (``extract.events.join``) and swapped in under a short lock. What every page asks (the
summary, the actor and article lists) is computed once per ``version``. The events sit behind an
``EventStore`` (a pandas frame, or DuckDB over Parquet for big saved sets), so nothing here
assumes they fit in memory; ``frame`` materialises them, for tests and tools only.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd

from dashboard.store.curated import CuratedStore, curatable, unwrap
from dashboard.store.filters import FilterState
from dashboard.store.interface import EventStore
from dashboard.store.open import as_store
from extract.article import Article, Problem
from extract.curation import CurationError, Record
from extract.curation_log import CurationLog


@dataclass(frozen=True)
class Summary:
    articles: int
    events: int
    first: date | None
    last: date | None
    actors: int
    curated: int = 0  # events a person hid, edited, merged or added (``extract.curation``)

    @property
    def span(self) -> str:
        if self.first is None or self.last is None:
            return "no dates"
        if self.first.year == self.last.year:
            return str(self.first.year)
        return f"{self.first.year}–{self.last.year}"


@dataclass
class _Waiting:
    """An upload's rows waiting for their turn to be joined, and what went wrong if it failed."""

    frame: pd.DataFrame
    dated: list[Article]
    error: Exception | None = None


class Corpus:
    """Events plus (optionally) the articles they came from, keyed by doc_id."""

    def __init__(
        self,
        events: pd.DataFrame | EventStore,
        articles: Mapping[str, Article] | None = None,
    ):
        self._lock = threading.Lock()  # held to swap the store in, never while extracting
        self._names_lock = threading.Lock()  # guards the doc_ids of uploads under way:
        self._reserved: set[str] = set()  # reserved from the start of extraction to the join
        self._waiting_lock = threading.Lock()
        self._waiting: list[_Waiting] = []  # extracted, to be joined
        self._memo: dict[str, Any] = {}
        self._remember_lock = threading.Lock()
        self.version = 0
        # set by dashboard.serve.server to DataStore.save(articles, events, dated): new articles
        # and their events reach disk before the corpus changes
        self.persist: Callable[[list[Article], pd.DataFrame, list[Article]], object] | None = None
        # the curation log (``extract.curation_log``); in memory unless ``use_curations`` is
        # given a data folder's
        self.curations = CurationLog(None)
        self._set(as_store(events), dict(articles or {}))

    def _set(
        self, store: EventStore, articles: dict[str, Article], memo: dict[str, Any] | None = None
    ) -> None:
        self.store = self._curated(store)  # what every reader sees: the curated events
        self.articles = articles
        self.published: date | None = store.published()
        # after the store: a page never caches the old store's answers as new
        self._memo = memo if memo is not None else {}

    # --- curations (``extract.curation``: decisions applied on read) --------------------------

    def use_curations(self, log: CurationLog) -> None:
        """Keep curations in ``log`` (a data folder's) and show the events as it curates them."""
        with self._lock:
            self.curations = log
            self._set(self.store, self.articles)
            self.version += 1

    def curate(self, decide: Callable[[pd.DataFrame], Record]) -> Record:
        """Append the record ``decide`` makes from the curated events (hidden ones included),
        then show the events as curated with it. ``CurationError`` when it cannot be made."""
        with self._lock:
            store = self.store
            if not curatable(unwrap(store)):
                raise CurationError("this saved set is too large to curate in the browser; "
                                    "export a smaller selection and serve that.")
            frame = getattr(store, "with_hidden", store).frame()
            record = decide(frame)
            self.curations.append(record)
            self._set(store, self.articles)
            self.version += 1
            return record

    def sync(self) -> bool:
        """Curate again if the log changed behind our back (``dateline curate`` while serving,
        another worker); True when it did."""
        if self._stamp == self.curations.stamp():
            return False
        with self._lock:
            self._set(self.store, self.articles)
            self.version += 1
        return True

    def view(self, show_hidden: bool = False) -> EventStore:
        """The store to query: the curated events, or with the hidden ones back in."""
        return getattr(self.store, "with_hidden", self.store) if show_hidden else self.store

    def _curated(self, store: EventStore) -> EventStore:
        """``store`` as the log curates it: a ``CuratedStore`` when there are decisions to
        apply, else the extracted store itself (so nothing changes for an uncurated corpus)."""
        stamp, extracted = self.curations.stamp(), unwrap(store)
        if getattr(self, "_remembered", None) != (extracted, self.curations):
            self._remembered = (extracted, self.curations)
            self._remember(extracted)
        self._stamp = stamp
        if isinstance(store, CuratedStore) and store.stamp == stamp:
            return store
        records = self.curations.read()
        if not records or not curatable(extracted):
            return extracted
        return CuratedStore(extracted, records, stamp)

    def _remember(self, extracted: EventStore) -> None:
        """Tell the data folder which events exist, so ``dateline curate`` can check ids."""
        if self.curations.path is not None and curatable(extracted):
            self.curations.remember(extracted.frame())

    def once(self, name: str, work: Callable[[], Any]) -> Any:
        """``work()`` computed once per state of the store (a page load asks it every time)."""
        memo = self._memo
        if name not in memo:
            memo[name] = work()
        return memo[name]

    def remember(self, key: Hashable, work: Callable[[], Any], slots: int = 8) -> Any:
        """``work()`` kept for this version among the answers to the last ``slots`` keys: for
        the view every page opens with, asked again by each user who opens one."""
        kept: OrderedDict[Hashable, Any] = self.once("remembered", OrderedDict)
        with self._remember_lock:
            if key in kept:
                kept.move_to_end(key)
                return kept[key]
        value = work()
        with self._remember_lock:
            kept[key] = value
            while len(kept) > slots:
                kept.popitem(last=False)
        return value

    @property
    def frame(self) -> pd.DataFrame:
        """Every event as one frame (a copy's worth of memory for a big store: not per callback)."""
        return self.store.frame()

    def doc_ids(self) -> set[str]:
        """Every article's doc_id: those with events and those whose texts are here."""
        return self.once("doc_ids", self.store.doc_ids) | set(self.articles)

    @property
    def has_texts(self) -> bool:
        return bool(self.articles)

    def summary(self) -> Summary:
        return self.once("summary", self._summary)

    def _summary(self) -> Summary:
        store = self.store
        first, last = store.date_bounds()
        return Summary(
            articles=len(self.doc_ids()),
            events=len(store),
            first=first,
            last=last,
            actors=len(self.actor_counts()),
            curated=len(getattr(store, "touched", ())),
        )

    def event(self, event_id: str) -> dict[str, object] | None:
        """One row as a dict (a hidden one too: its panel offers to show it again), or None
        when the id is unknown."""
        return self.view(show_hidden=True).event(event_id)

    def cluster_others(self, event: Mapping[str, object]) -> pd.DataFrame:
        """The other rows reporting the same happening."""
        return self.store.cluster_others(dict(event))

    def actor_counts(self) -> list[tuple[str, int]]:
        """(actor, events), most frequent first; computed once per version."""
        return self.once("actors", self.store.actor_counts)

    def source_options(self) -> list[tuple[str, str]]:
        """(doc_id, label) of every article; computed once per version."""
        return self.once("sources", self.store.source_options)

    def precisions(self) -> set[str]:
        return self.once("precisions", self.store.precisions)

    def add_articles(
        self, new: Iterable[Article], on_problem: Callable[[Problem], None] | None = None
    ) -> tuple[int, int]:
        """Extract ``new`` on its own (no lock held), save it with its events when a data
        folder is set, and join its rows to the clusters here. Returns (articles, events) added.

        An undated new article can borrow its date only from articles added with it; an article
        over the work budget is cut, said to ``on_problem`` (default: stderr)."""
        from extract.pipeline import extract_articles, print_problem

        unique = self._reserve(new)
        try:
            frame, dated = extract_articles(unique, on_problem=on_problem or print_problem)
            if self.persist is not None:
                self.persist(unique, frame, dated)
            return len(unique), self.join(frame, dated)
        finally:
            with self._names_lock:
                self._reserved.difference_update(article.doc_id for article in unique)

    def join(self, frame: pd.DataFrame, dated: Sequence[Article] = ()) -> int:
        """Add rows already extracted (an upload, or one restored from the data folder) and
        their articles: their clusters joined to the ones here, the store swapped in. Returns
        the number of events added.

        Uploads that finish extracting together are joined together: whoever gets the lock
        joins every one waiting (one query, one append), so eight at once cost about one."""
        ours = _Waiting(frame, list(dated))
        with self._waiting_lock:
            self._waiting.append(ours)
        with self._lock:  # once held, whichever turn took ours along is over
            with self._waiting_lock:
                batch, self._waiting = self._waiting, []
            if batch:
                frames = [item.frame for item in batch]
                try:
                    self._join_now(frames[0] if len(frames) == 1 else
                                   pd.concat(frames, ignore_index=True),
                                   [article for item in batch for article in item.dated])
                except Exception as error:
                    for item in batch:
                        item.error = error
        if ours.error is not None:
            raise ours.error
        return len(frame)

    def _join_now(self, frame: pd.DataFrame, dated: Sequence[Article]) -> None:
        from extract.events.join import NEEDED, join_clusters, reach

        store = self.store
        actors, lo, hi = reach(frame)
        if actors and lo is not None and hi is not None:
            near = FilterState(actors=tuple(sorted(actors)), date_from=lo.date(),
                               date_to=hi.date())
            neighbours = store.rows(near, NEEDED)
        else:
            neighbours = frame.iloc[:0]
        known = {name for name, _ in self.actor_counts()}
        joined = join_clusters(frame, neighbours, known)
        new_docs = {a.doc_id for a in dated} | set(joined["doc_id"].astype(str))
        memo = _carried(self._memo, joined, len(new_docs))
        texts = {**self.articles, **{a.doc_id: a for a in dated}}
        self._set(store.append(joined), texts, memo)
        self.version += 1

    def _reserve(self, new: Iterable[Article]) -> list[Article]:
        """``new`` with doc_ids no other article has (nor one being added right now)."""
        with self._names_lock:
            taken = self.doc_ids() | self._reserved
            unique = []
            for article in new:
                doc_id, n = article.doc_id, 2
                while doc_id in taken:
                    doc_id, n = f"{article.doc_id}-{n}", n + 1
                taken.add(doc_id)
                same = doc_id == article.doc_id
                unique.append(article if same else replace(article, doc_id=doc_id))
            self._reserved.update(article.doc_id for article in unique)
            return unique


def _carried(memo: Mapping[str, Any], added: pd.DataFrame, articles: int) -> dict[str, Any]:
    """The lists and summary a page asks for, brought up to date with ``added`` rows (of
    ``articles`` new articles) instead of asked of the new store again (on 50,000 events each
    is a query over all of them)."""
    from dashboard.store.filters import actor_counts, source_options

    out: dict[str, Any] = {}
    if "actors" in memo:
        counts = dict(memo["actors"])
        for name, count in actor_counts(added):
            counts[name] = counts.get(name, 0) + count
        out["actors"] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if "doc_ids" in memo:
        out["doc_ids"] = memo["doc_ids"] | set(added["doc_id"].astype(str))
    if "sources" in memo:
        sources = list(memo["sources"])  # sorted by label: each new one goes in its place
        for option in source_options(added):
            bisect.insort(sources, option, key=lambda o: o[1].lower())
        out["sources"] = sources
    if "precisions" in memo:
        out["precisions"] = memo["precisions"] | set(added["precision"].dropna().astype(str))
    if "summary" in memo and "actors" in out:
        before: Summary = memo["summary"]
        dated = added.dropna(subset=["date_start"])
        firsts = [d for d in (before.first, _day(dated["date_start"].min())) if d is not None]
        lasts = [d for d in (before.last, _day(dated["date_end"].max())) if d is not None]
        out["summary"] = replace(
            before, articles=before.articles + articles, events=before.events + len(added),
            first=min(firsts, default=None), last=max(lasts, default=None),
            actors=len(out["actors"]))
    return out


def _day(value: Any) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()
