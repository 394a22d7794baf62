"""Tagging speed: our tag() against dateparser.search_dates on the same Reuters stories.

Usage: .venv/bin/python benchmarks/tag_speed.py [--stories N] [--skip S]
Both run in this process, one core, on the same N stories of ../shared/corpora/reuters21578.jsonl,
each relative to the story's own date; prints characters per second for each and the ratio.
The first story is tagged once before timing so that regex compilation is not counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from baseline import reuters_stories, time_search_dates  # noqa: E402

from extract.timex.tagger import tag  # noqa: E402


def _ours(stories: list[dict]) -> tuple[float, int]:
    pairs = [(s["text"], date.fromisoformat(s["published"])) for s in stories]
    began = time.perf_counter()
    found = sum(len(tag(text, published)) for text, published in pairs)
    return time.perf_counter() - began, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--skip", type=int, default=0)
    args = parser.parse_args()
    stories = reuters_stories(args.stories, args.skip)
    chars = sum(len(s["text"]) for s in stories)
    _ours(stories[:1])
    ours_s, ours_n = _ours(stories)
    theirs_s, theirs_n = time_search_dates(stories)
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
