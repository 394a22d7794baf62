"""An article as read from disk: text plus what we know about where and when it came from.

Readers build these; publication-date inference fills ``published`` when nothing gave it;
event extraction turns them into rows of the events frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One article. ``text`` is exactly what offsets in the events frame point into."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None
    published_from: str = "unknown"  # one of extract.schema.PUBLISHED_FROM
    evidence: tuple[str, ...] = field(default=())  # why an inferred date was chosen
    path: str = ""  # where it was read from ("" for in-memory articles)


@dataclass(frozen=True, slots=True)
class Problem:
    """Input we could not use: ``where`` names the file (and line), ``reason`` says why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
