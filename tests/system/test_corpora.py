"""Whole corpora end to end in one process: minutes of work, so not in the unit tier."""

from __future__ import annotations

import re
from datetime import date

import pytest
from corpora import REUTERS, reuters_articles

from extract import schema
from extract.events.rows import extract_events
from extract.timex.tagger import Timex


def _years(text: str, published: date | None) -> list[Timex]:
    """A trivial tagger: every 19xx, so that the run measures event extraction alone."""
    return [Timex(m.start(), m.end(), m.group(), "DATE", m.group())
            for m in re.finditer(r"\b19[5-9]\d\b", text)]  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpora")
def test_the_whole_reuters_corpus_makes_a_valid_clustered_frame() -> None:
    frame = extract_events(reuters_articles(100_000), tagger=_years)
    schema.validate(frame)
    assert len(frame) > 10_000
    assert frame["cluster_id"].nunique() < len(frame)
