"""A text of nothing but dates against ordinary news of the same size, in one process (issue 9).

Usage: .venv/bin/python benchmarks/pathological.py [--repeat 50000] [--rounds 3] [--text T]
Extracts TEXT x REPEAT as one article and as many Reuters stories (../shared/corpora) as make up
the same number of characters, alternately for ROUNDS rounds; prints each CPU time (the
process's, so other work on a busy machine counts less than in wall time) and the ratio of
the best ones. The promise: any text costs at most a small constant more per character than
news (5x at most for "March 2021 " x 50,000, 550 KB). A few stories are extracted first so that
lazy imports are not timed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.article import Article  # noqa: E402
from extract.pipeline import extract_articles  # noqa: E402

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578.jsonl"


def reuters(characters: int) -> list[Article]:
    """The first Reuters stories, up to ``characters`` of text in all."""
    found, total = [], 0
    with REUTERS.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            found.append(Article(story["id"], story["text"],
                                 published=date.fromisoformat(story["published"])))
            total += len(story["text"])
            if total >= characters:
                break
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--text", default="March 2021 ")
    options = parser.parse_args()
    odd = [Article("repeated", options.text * options.repeat, published=date(2024, 6, 20))]
    news = reuters(len(odd[0].text))
    extract_articles(news[:20], on_problem=lambda problem: None)
    best: dict[str, float] = {}
    for round_ in range(options.rounds):
        for name, articles in (("reuters", news), ("repeated", odd)):
            began = time.process_time()
            frame, _ = extract_articles(articles, on_problem=lambda problem: None)
            seconds = time.process_time() - began
            best[name] = min(best.get(name, seconds), seconds)
            size = sum(len(a.text) for a in articles)
            print(f"round {round_ + 1}: {name:9} {size:,} chars, {len(articles)} articles, "
                  f"{len(frame):,} events, {seconds:.2f} s of CPU", flush=True)
    print(f"repeated / reuters (best of {options.rounds}): "
          f"{best['repeated'] / best['reuters']:.1f}x")


if __name__ == "__main__":
    main()
