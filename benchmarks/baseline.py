"""What the speed benchmarks share: Reuters stories, and the baseline they are measured against.

The baseline is ``dateparser.search_dates`` (``languages=["en"]``, relative to each story's
date), the parser the user chose; every ratio we print is against it, run in the same process.
"""

from __future__ import annotations

import json
import time
import warnings
from datetime import date, datetime
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578.jsonl"


def reuters_stories(count: int, skip: int = 0, path: Path = REUTERS) -> list[dict]:
    """Stories ``skip`` .. ``skip + count`` of the corpus, as its JSON objects."""
    stories: list[dict] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number < skip:
                continue
            stories.append(json.loads(line))
            if len(stories) == count:
                break
    return stories


def time_search_dates(stories: list[dict]) -> tuple[float, int]:
    """Seconds ``search_dates`` takes over ``stories`` (warmed up first), and its matches."""
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("warm up on June 1, 1987", languages=["en"])
        found = 0
        began = time.perf_counter()
        for story in stories:
            day = date.fromisoformat(story["published"])
            base = datetime(day.year, day.month, day.day)
            hits = search_dates(story["text"], languages=["en"], settings={"RELATIVE_BASE": base})
            found += len(hits or [])
    return time.perf_counter() - began, found
