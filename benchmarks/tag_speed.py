"""Tagging speed: our tag() against dateparser.search_dates on the same Reuters stories.

Usage: .venv/bin/python benchmarks/tag_speed.py [--stories N] [--skip S]
Both run in this process, one core, on the same N stories of ../shared/corpora/reuters21578.jsonl,
each relative to the story's own date; prints characters per second for each and the ratio.
The first story is tagged once before timing so that regex compilation is not counted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.timex import tag  # noqa: E402

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578.jsonl"


def _stories(n: int, skip: int) -> list[tuple[str, date]]:
    stories = []
    with REUTERS.open(encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i < skip:
                continue
            record = json.loads(line)
            stories.append((record["text"], date.fromisoformat(record["published"])))
            if len(stories) == n:
                break
    return stories


def _ours(stories: list[tuple[str, date]]) -> tuple[float, int]:
    began = time.perf_counter()
    found = sum(len(tag(text, published)) for text, published in stories)
    return time.perf_counter() - began, found


def _dateparser(stories: list[tuple[str, date]]) -> tuple[float, int]:
    from dateparser.search import search_dates

    search_dates("warm up on June 1, 1987", languages=["en"])
    began = time.perf_counter()
    found = 0
    for text, published in stories:
        base = datetime(published.year, published.month, published.day)
        found += len(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or [])
    return time.perf_counter() - began, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--skip", type=int, default=0)
    args = parser.parse_args()
    stories = _stories(args.stories, args.skip)
    chars = sum(len(text) for text, _ in stories)
    tag(*stories[0])
    ours_s, ours_n = _ours(stories)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs_s, theirs_n = _dateparser(stories)
    print(f"{len(stories)} Reuters stories, {chars:,} characters")
    print(
        f"tag()                   {chars / ours_s:12,.0f} chars/s  {ours_s:7.2f} s  {ours_n} found"
    )
    print(
        f"dateparser.search_dates {chars / theirs_s:12,.0f} chars/s  {theirs_s:7.2f} s  "
        f"{theirs_n} found"
    )
    print(f"ratio: tag() is {theirs_s / ours_s:.1f}x as fast as search_dates")


if __name__ == "__main__":
    main()
