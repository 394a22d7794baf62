"""Whole extraction against dateparser.search_dates on the same Reuters stories, in one run.

The issue's bar: ``dateline extract`` end to end (reading, publication dates, tagging, actors,
labels, clustering) must be at least as fast as ``search_dates`` alone. Both run here on the same
stories, in the same process, one after the other, and the ratio is printed.

    .venv/bin/python benchmarks/extract_speed.py --stories 400
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from baseline import REUTERS, reuters_stories, time_search_dates


def _write(stories: list[dict], out: Path) -> None:
    """The stories as a JSONL file, so extraction reads a real file."""
    out.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")


def _time_extract(path: Path) -> tuple[float, int]:
    from extract.pipeline import extract_paths

    started = time.perf_counter()
    frame, _ = extract_paths([path], on_problem=lambda p: None)
    return time.perf_counter() - started, len(frame)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=400)
    parser.add_argument("--corpus", type=Path, default=REUTERS)
    args = parser.parse_args()

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        stories = reuters_stories(args.stories, path=args.corpus)
        _write(stories, sample)
        chars = sum(len(s["text"]) for s in stories)
        _time_extract(sample)  # warm up: import and cache costs are not timed
        extract_seconds, events = _time_extract(sample)
        dp_seconds, hits = time_search_dates(stories)

    print(f"{len(stories)} Reuters stories, {chars:,} characters")
    print(f"dateline extract      {chars / extract_seconds:>12,.0f} chars/s  "
          f"{extract_seconds:7.2f} s  {events} events")
    print(f"dateparser.search_dates {chars / dp_seconds:>10,.0f} chars/s  "
          f"{dp_seconds:7.2f} s  {hits} matches")
    print(f"ratio (extract / search_dates throughput): {dp_seconds / extract_seconds:.1f}x")


if __name__ == "__main__":
    main()
