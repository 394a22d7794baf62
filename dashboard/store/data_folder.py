"""The data folder: articles added in the browser, kept on disk so a restart loses nothing.

Why a folder of small files: each uploaded (or pasted) article is one JSON file holding its text
and metadata, written through ``extract.serialize.atomic_path`` (a temp file beside the target,
then a rename) *before* the running corpus changes. A process killed at any moment leaves either
the whole file or none of it, plus perhaps a ``.*.part`` temp file that the next start removes.
An upload the user saw confirmed is therefore on disk; one that was cut short is absent, never
half there. Layout::

    DIR/
      articles/
        000001-<doc_id>.json   {"format": 1, "article": {...}}   (as the user gave it)
        000001-<doc_id>.events.json   {"format": 1, "version": "...", "article": {...},
                                       "events": [...]}
        000002-<doc_id>.json
        .000003-....json.XXXX.part   (a write cut short; removed at the next start)
        .pending/000004-....json     (saved, its answer not yet ready: moved in by ``commit``,
                                      removed at the next start if it never was)

The ``.events.json`` beside an article holds its extracted rows and the article as dated, so a
restart joins them instead of extracting again. It is trusted only when its ``version`` is
``extract.run.local.code_version()``: a newer extractor extracts again (and rewrites it). It is
written before the article file, so an article on disk always has its events beside it unless
it was saved by an older Dateline or its events could not be written.

The number keeps the order articles were added, so a restart rebuilds the same corpus (same
doc_ids, same clustering). A file that cannot be read (edited by hand, a disk error) is reported
and skipped, never fatal: the other articles still load.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from extract.article import Article, Problem
from extract.errors import DatelineError
from extract.schema import COLUMNS, coerce
from extract.serialize import atomic_path, to_records

if TYPE_CHECKING:
    from dashboard.store.corpus import Corpus

FORMAT = 1
_NAME = re.compile(r"^(\d{6,})-.*(?<!\.events)\.json$")
_EVENTS = ".events.json"
_WANTED = frozenset(COLUMNS)  # a saved row lacking a column (an older schema) is extracted again


@dataclass(frozen=True, slots=True)
class Stored:
    """One saved article (as the user gave it), and its events and dated form when they were
    saved by this version of the extractor (else None: extract it again)."""

    article: Article
    events: list[dict[str, Any]] | None  # rows as saved (``events_frame`` types many at once)
    dated: Article | None
    path: Path


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/dateline`` (``~/.local/share/dateline`` when unset): the per-user place
    for application data on Linux, and harmless elsewhere."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "dateline"


class DataStore:
    """Owns ``DIR/articles``: ``save`` before the corpus changes, ``load`` at start."""

    def __init__(self, folder: Path, on_problem: Callable[[Problem], None] | None = None):
        self.folder = Path(folder)
        self.articles_dir = self.folder / "articles"
        self.pending_dir = self.articles_dir / ".pending"  # saved, answer not yet sent (commit)
        self._on_problem = on_problem or (lambda problem: None)
        self._lock = threading.Lock()
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        self._next = 1 + max((n for n, _ in self._numbered()), default=0)

    def save(
        self,
        articles: Iterable[Article],
        events: pd.DataFrame | None = None,
        dated: Iterable[Article] = (),
        *,
        pending: bool = False,
    ) -> list[Path]:
        """Write each article to its own file, atomically, with its rows of ``events`` (and its
        dated form from ``dated``) beside it when given; returns the article files written.

        Called before the in-memory corpus is updated, so an upload is only reported as added
        once it is on disk. ``pending``: written aside, loaded only once ``commit`` moves them
        in (when the answer is ready to go out), so an upload whose answer a kill cut short
        never comes back at the next start and a retry does not add it twice.
        """
        written = []
        as_dated = {article.doc_id: article for article in dated}
        folder = self.pending_dir if pending else self.articles_dir
        folder.mkdir(exist_ok=True)
        with self._lock:
            for article in articles:
                target = folder / f"{self._next:06d}-{_safe(article.doc_id)}.json"
                if events is not None:
                    rows = events[(events["doc_id"] == article.doc_id).to_numpy(bool)]
                    self._write_events(target, as_dated.get(article.doc_id, article), rows)
                _write_json(target, {"format": FORMAT, "article": _to_json(article)})
                written.append(target)
                self._next += 1
            _fsync_dir(folder)
        return written

    def commit(self, pending: Iterable[Path]) -> None:
        """Move articles saved with ``pending=True`` in, events file first (as ``save``)."""
        with self._lock:
            for path in pending:
                for file in (_events_path(path), path):
                    if file.exists():
                        file.replace(self.articles_dir / file.name)
            _fsync_dir(self.articles_dir)

    def save_events(self, path: Path, dated: Article, rows: pd.DataFrame) -> None:
        """(Re)write the events of the article saved at ``path`` (after extracting it again)."""
        with self._lock:
            self._write_events(path, dated, rows)

    def load(self) -> list[Article]:
        """Every stored article, in the order it was added; clears writes cut short."""
        return [stored.article for stored in self.load_stored()]

    def load_stored(self) -> list[Stored]:
        """Every stored article with its saved events when they are current, in the order it
        was added; clears writes cut short."""
        from extract.run.local import code_version

        self.remove_partial()
        found = []
        for _, path in sorted(self._numbered()):
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                article = _from_json(payload["article"])
            except (OSError, ValueError, KeyError, TypeError) as error:
                reason = type(error).__name__ if not str(error) else str(error).splitlines()[0]
                self._on_problem(Problem(str(path), f"stored article skipped: {reason}"))
                continue
            events, dated = _read_events(_events_path(path), article.doc_id, code_version())
            found.append(Stored(article, events, dated, path))
        return found

    def _write_events(self, target: Path, dated: Article, rows: pd.DataFrame) -> None:
        from extract.run.local import code_version

        payload = {
            "format": FORMAT,
            "version": code_version(),
            "article": _to_json(dated),
            "events": to_records(rows),
        }
        _write_json(_events_path(target), payload)

    def remove_partial(self) -> int:
        """Delete temp files left by a write that was killed, and uploads whose answer never
        went out (still pending); returns how many."""
        removed = 0
        cut_short = self.pending_dir.glob("*") if self.pending_dir.is_dir() else []
        for leftover in [*self.articles_dir.glob(".*.part"), *cut_short]:
            leftover.unlink(missing_ok=True)
            removed += 1
        return removed

    def _numbered(self) -> list[tuple[int, Path]]:
        found = []
        for path in self.articles_dir.iterdir():
            match = _NAME.match(path.name)
            if match:
                found.append((int(match[1]), path))
        return found


def _events_path(article_path: Path) -> Path:
    return article_path.with_name(article_path.name.removesuffix(".json") + _EVENTS)


def _read_events(
    path: Path, doc_id: str, version: str
) -> tuple[list[dict[str, Any]], Article] | tuple[None, None]:
    """The saved rows and dated article at ``path``, or (None, None) when there are none, they
    are from another version of the extractor, or they cannot be read (then: extract again)."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload.get("version") != version:
            return None, None
        dated = _from_json(payload["article"])
        events = payload["events"]
        fine = all(isinstance(row, dict) and row.get("doc_id") == doc_id
                   and row.keys() >= _WANTED for row in events)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, None
    return (events, dated) if fine and dated.doc_id == doc_id else (None, None)


def events_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Saved rows (of any number of articles) as one typed events frame: typing them once is
    what makes a restart with thousands of stored uploads quick."""
    return coerce(pd.DataFrame(rows, columns=list(COLUMNS)))


def _typed(rows: list[dict[str, Any]] | None) -> bool:
    try:
        events_frame(rows or [])
    except (ValueError, TypeError, DatelineError):
        return False
    return True


def _write_json(target: Path, payload: dict[str, Any]) -> None:
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as stream:
        json.dump(payload, stream, ensure_ascii=False)
        stream.flush()
        os.fsync(stream.fileno())


def _to_json(article: Article) -> dict[str, Any]:
    data = asdict(article)
    data["published"] = article.published.isoformat() if article.published else None
    data["evidence"] = list(article.evidence)
    return data


def _from_json(data: dict[str, Any]) -> Article:
    if not isinstance(data.get("doc_id"), str) or not isinstance(data.get("text"), str):
        raise ValueError("it has no doc_id or text")
    fields = {name: data[name] for name in Article.__dataclass_fields__ if name in data}
    fields["published"] = date.fromisoformat(data["published"]) if data.get("published") else None
    fields["evidence"] = tuple(data.get("evidence") or ())
    return Article(**fields)


def _safe(doc_id: str) -> str:
    """A file-name fragment from a doc_id (which may come from an upload's file name)."""
    return _UNSAFE.sub("_", doc_id).strip("._")[:60] or "article"


def _fsync_dir(folder: Path) -> None:
    """Make the renames themselves durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def restore(corpus: Corpus, store: DataStore) -> int:
    """Add the articles stored in ``store`` back to ``corpus``, in the order they were added:
    their saved events joined as they are when current, else extracted again (and the events
    file rewritten for the next start). Returns how many articles came back."""
    from extract.pipeline import extract_articles

    stored = store.load_stored()
    taken = corpus.doc_ids()
    ready, again, clashing = [], [], []
    for item in stored:
        if item.article.doc_id in taken:  # the served articles changed since: a new doc_id
            clashing.append(item.article)
        elif item.events is not None and item.dated is not None:
            ready.append(item)
        else:
            again.append(item)
        taken.add(item.article.doc_id)
    try:
        frame = events_frame([row for item in ready for row in item.events or ()])
    except (ValueError, TypeError, DatelineError):  # a value spoiled on disk: find whose
        fine = [item for item in ready if _typed(item.events)]
        again += [item for item in ready if all(item is not kept for kept in fine)]
        ready, frame = fine, events_frame([row for item in fine for row in item.events or ()])
    if ready:
        corpus.join(frame, [item.dated for item in ready if item.dated is not None])
    if again:
        frame, dated = extract_articles([item.article for item in again])
        for item, article in zip(again, dated, strict=True):
            rows = frame[(frame["doc_id"] == article.doc_id).to_numpy(bool)]
            store.save_events(item.path, article, rows)
        corpus.join(frame, dated)
    if clashing:
        corpus.add_articles(clashing)
    return len(stored)
