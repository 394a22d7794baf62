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
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def _sample(path: Path, count: int, out: Path) -> list[dict]:
    """The first ``count`` stories, also written to ``out`` so extraction reads a real file."""
    stories = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            stories.append(json.loads(line))
            if len(stories) == count:
                break
    out.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    return stories


def _time_extract(path: Path) -> tuple[float, int]:
    from extract.pipeline import extract_paths

    started = time.perf_counter()
    frame, _ = extract_paths([path], on_problem=lambda p: None)
    return time.perf_counter() - started, len(frame)


def _time_search_dates(stories: list[dict]) -> tuple[float, int]:
    from dateparser.search import search_dates

    found = 0
    started = time.perf_counter()
    for story in stories:
        base = datetime.fromisoformat(story["published"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(
                story["text"], languages=["en"], settings={"RELATIVE_BASE": base}
            )
        found += len(hits or [])
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=400)
    parser.add_argument("--corpus", type=Path, default=REUTERS)
    args = parser.parse_args()

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        stories = _sample(args.corpus, args.stories, sample)
        chars = sum(len(s["text"]) for s in stories)
        # warm both up on one story so import and cache costs are not timed
        _time_search_dates(stories[:1])
        _time_extract(sample)
        extract_seconds, events = _time_extract(sample)
        dp_seconds, hits = _time_search_dates(stories)

    print(f"{len(stories)} Reuters stories, {chars:,} characters")
    print(f"dateline extract      {chars / extract_seconds:>12,.0f} chars/s  "
          f"{extract_seconds:7.2f} s  {events} events")
    print(f"dateparser.search_dates {chars / dp_seconds:>10,.0f} chars/s  "
          f"{dp_seconds:7.2f} s  {hits} matches")
    print(f"ratio (extract / search_dates throughput): {dp_seconds / extract_seconds:.1f}x")


if __name__ == "__main__":
    main()
