"""Hand-checked TIMEX3s of the two seed articles (published Thursday 2024-06-20).

A stand-in tagger so that event extraction is tested on its own, whatever the real tagger does:
``seed_tagger(text, published)`` returns these, with offsets found by ``str.find``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from extract.article import Article
from extract.timex.tagger import Timex

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = date(2024, 6, 20)
DOC_000 = "000_ae0033b23e868a57"
DOC_001 = "001_337b95fca48f7d8d"

# (expression, text just before it that pins the occurrence, type, value)
_SEED_000 = [
    ("Thursday", "withdrew on ", "DATE", "2024-06-20"),
    ("the coming days", "in ", "DATE", "FUTURE_REF"),
    ("October 1", "ends on ", "DATE", "2024-10-01"),
    ("1949", "founding in ", "DATE", "1949"),
    ("November", "presidency in ", "DATE", "2024-11"),
    ("last year", "the post ", "DATE", "2023"),
    ("almost 14 years", "during ", "DURATION", "P14Y"),
    ("April", "Istanbul in ", "DATE", "2024-04"),
    ("this week", "summit ", "DATE", "2024-W25"),
    ("next month", "Washington ", "DATE", "2024-07"),
    ("Thursday", "announced ", "DATE", "2024-06-20"),
    ("four-year", "his ", "DURATION", "P4Y"),
    ("Tuesday", "Washington on ", "DATE", "2024-06-18"),
    ("currently", "are ", "DATE", "PRESENT_REF"),
    ("more than two years", "after ", "DURATION", "P2Y"),
    ("This week", "\n\n", "DATE", "2024-W25"),
    ("2022", "the ", "DATE", "2022"),
    ("2014", "the ", "DATE", "2014"),
]
_SEED_001 = [
    ("2022", "since ", "DATE", "2022"),
    ("Thursday", "2022, on ", "DATE", "2024-06-20"),
    ("Thursday", "NATO on ", "DATE", "2024-06-20"),
    ("four-year", "a ", "DURATION", "P4Y"),
    ("next week", "as ", "DATE", "2024-W26"),
    ("July", "Washington in ", "DATE", "2024-07"),
    ("2010", "since ", "DATE", "2010"),
    ("October", "expires in ", "DATE", "2024-10"),
    ("now", "NATO, ", "DATE", "PRESENT_REF"),
    ("2021", "Hungary in ", "DATE", "2021"),
    ("2021", "In ", "DATE", "2021"),
    ("three years", "to ", "DURATION", "P3Y"),
    ("last week", "down ", "DATE", "2024-W24"),
    ("Tuesday", "Orban on ", "DATE", "2024-06-18"),
    ("2021", "made in ", "DATE", "2021"),
    ("June 18", "the ", "DATE", "2024-06-18"),
    ("July", "the ", "DATE", "2024-07"),
    ("Thursday", "On ", "DATE", "2024-06-20"),
    ("last July", "announced ", "DATE", "2023-07"),
    ("October", "radio in ", "DATE", "2023-10"),
    ("February", "by ", "DATE", "2024-02"),
    ("1979", "is ", "DATE", "1979"),
    ("2015", "a ", "DATE", "2015"),
]


def seed_text(doc_id: str) -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def seed_articles() -> list[Article]:
    return [
        Article(
            doc_id=doc_id,
            text=seed_text(doc_id),
            title=f"seed {doc_id[:3]}",
            source=f"seed {doc_id[:3]}",
            published=PUBLISHED,
            published_from="given",
            path=str(SEEDS / f"{doc_id}.txt"),
        )
        for doc_id in (DOC_000, DOC_001)
    ]


def seed_timexes(text: str) -> list[Timex]:
    """The hand-made TIMEX3s of whichever seed ``text`` is."""
    table = _SEED_000 if text.startswith("Outgoing Dutch") else _SEED_001
    found = []
    for expression, before, type_, value in table:
        at = text.find(before + expression)
        if at < 0:
            raise LookupError(f"{before + expression!r} is not in the seed")
        start = at + len(before)
        found.append(Timex(start, start + len(expression), expression, type_, value))
    return sorted(found, key=lambda t: t.start)


def seed_tagger(text: str, published: date | None = None) -> list[Timex]:
    return seed_timexes(text)


def seed_event(frame: Any, doc_id: str, before: str, timex: str) -> Any:
    """The row of ``frame`` for the expression ``timex`` that follows ``before`` in the seed
    ``doc_id`` (its event_id is ``doc_id:start``)."""
    start = seed_text(doc_id).index(before + timex) + len(before)
    return frame.set_index("event_id").loc[f"{doc_id}:{start}"]
