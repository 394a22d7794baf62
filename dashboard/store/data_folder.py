"""The data folder: articles added in the browser, kept on disk so a restart loses nothing.

Why a folder of small files: each uploaded (or pasted) article is one JSON file holding its text
and metadata, written through ``extract.serialize.atomic_path`` (a temp file beside the target,
then a rename) *before* the running corpus changes. A process killed at any moment leaves either
the whole file or none of it, plus perhaps a ``.*.part`` temp file that the next start removes.
An upload the user saw confirmed is therefore on disk; one that was cut short is absent, never
half there. Layout::

    DIR/
      articles/
        000001-<doc_id>.json   {"format": 1, "article": {...}, "stored": {...}}
        000002-<doc_id>.json
        .000003-....json.XXXX.part   (a write cut short; removed at the next start)

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
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from extract.article import Article, Problem
from extract.serialize import atomic_path

FORMAT = 1
_NAME = re.compile(r"^(\d{6,})-.*\.json$")
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
        self._on_problem = on_problem or (lambda problem: None)
        self._lock = threading.Lock()
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        self._next = 1 + max((n for n, _ in self._numbered()), default=0)

    def save(self, articles: Iterable[Article]) -> list[Path]:
        """Write each article to its own file, atomically; returns the files written.

        Called before the in-memory corpus is updated, so an upload is only reported as added
        once it is on disk.
        """
        written = []
        with self._lock:
            for article in articles:
                target = self.articles_dir / f"{self._next:06d}-{_safe(article.doc_id)}.json"
                payload = {"format": FORMAT, "article": _to_json(article)}
                with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as stream:
                    json.dump(payload, stream, ensure_ascii=False)
                    stream.flush()
                    os.fsync(stream.fileno())
                written.append(target)
                self._next += 1
            _fsync_dir(self.articles_dir)
        return written

    def load(self) -> list[Article]:
        """Every stored article, in the order it was added; clears writes cut short."""
        self.remove_partial()
        articles = []
        for _, path in sorted(self._numbered()):
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                articles.append(_from_json(payload["article"]))
            except (OSError, ValueError, KeyError, TypeError) as error:
                reason = type(error).__name__ if not str(error) else str(error).splitlines()[0]
                self._on_problem(Problem(str(path), f"stored article skipped: {reason}"))
        return articles

    def remove_partial(self) -> int:
        """Delete temp files left by a write that was killed; returns how many."""
        removed = 0
        for leftover in self.articles_dir.glob(".*.part"):
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
