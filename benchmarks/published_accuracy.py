"""How often publication-date inference finds the true date, on stories whose date we hide.

Reuters-21578 (1987) stories and TimeML documents (their DCT) carry true dates; we drop them, run
``extract.dating.published.infer_published`` and count how many come out on the right day, within a
week, within 31 days, in the right year, or undated. Run from the project root:

    .venv/bin/python benchmarks/published_accuracy.py [--sample 500] [--batch] [--anchored]
    .venv/bin/python benchmarks/published_accuracy.py --curve   # the precision/coverage trade-off

``--batch`` infers the whole sample at once (articles may borrow dates from related stories);
without it each story is inferred alone. ``--anchored`` (implies ``--batch``) keeps the true
date on every other story, as a mixed batch of dated and undated articles would have, and
scores the undated half. Undated articles whose evidence names a likeliest year at 70% or
more are counted too (the coarse estimate). ``--curve`` prints, for lone articles, how coverage and
accuracy trade off as the posterior confidence needed to return a day
(``extract.dating.scoring.SURE_POSTERIOR``) is lowered.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpora import undated_reuters, undated_timeml  # noqa: E402  (the samples the tests score)

from extract.article import Article  # noqa: E402
from extract.dating.published import infer_published  # noqa: E402

_LIKELIEST = re.compile(r"likeliest years: (\d{4}) \((\d+)%\)")


def score(name: str, sample: list[tuple[Article, date]], batch: bool, anchored: bool) -> None:
    started = time.perf_counter()
    if anchored:
        given = [
            replace(a, published=truth, published_from="metadata") if i % 2 else a
            for i, (a, truth) in enumerate(sample)
        ]
        inferred = infer_published(given)[::2]
        sample = sample[::2]
    elif batch:
        inferred = infer_published([a for a, _ in sample])
    else:
        inferred = [infer_published([a])[0] for a, _ in sample]
    seconds = time.perf_counter() - started
    counts = {"day": 0, "week": 0, "month": 0, "year": 0, "wrong year": 0, "undated": 0}
    years = {"right": 0, "wrong": 0}
    for article, (_, truth) in zip(inferred, sample, strict=True):
        if article.published is None:
            counts["undated"] += 1
            for note in article.evidence:
                if (match := _LIKELIEST.match(note)) and int(match[2]) >= 70:
                    years["right" if int(match[1]) == truth.year else "wrong"] += 1
            continue
        gap = abs((article.published - truth).days)
        counts["day"] += gap == 0
        counts["week"] += gap <= 7
        counts["month"] += gap <= 31
        counts["year"] += article.published.year == truth.year
        counts["wrong year"] += article.published.year != truth.year
    total = len(sample)
    dated = total - counts["undated"]
    print(f"{name}: {total} articles, {seconds:.1f}s, dated {dated} ({100 * dated / total:.0f}%)")
    for key in ("day", "week", "month", "year", "wrong year"):
        of_dated = 100 * counts[key] / dated if dated else 0
        of_all = 100 * counts[key] / total
        print(f"  {key:>10}: {counts[key]:4d}  ({of_dated:.0f}% of dated, {of_all:.0f}% of all)")
    told = years["right"] + years["wrong"]
    right, wrong = years["right"], years["wrong"]
    print(f"  undated, likeliest year >= 70%: {told}, right {right}, wrong {wrong}")


def curve(name: str, sample: list[tuple[Article, date]]) -> None:
    """Coverage and accuracy of the posterior's best day at each confidence threshold."""
    from extract.dating.clues import clues
    from extract.dating.posterior import posterior
    from extract.timex.tagger import tag

    rows = []
    for article, truth in sample:
        head = article.text[:50_000]
        spread = posterior(clues(head, tag(head, None))[:200])
        if spread is not None:
            day, confidence = spread.best()
            rows.append((confidence, abs((day - truth).days), day.year != truth.year))
    print(f"{name}: {len(sample)} articles, {len(rows)} name a year")
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        chosen = [row for row in rows if row[0] >= threshold]
        if chosen:
            n = len(chosen)
            print(
                f"  confidence >= {threshold:.1f}: dated {n} ({100 * n / len(sample):.1f}%), "
                f"within a week {100 * sum(r[1] <= 7 for r in chosen) / n:.0f}%, "
                f"wrong year {100 * sum(r[2] for r in chosen) / n:.0f}%"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--batch", action="store_true")
    parser.add_argument("--anchored", action="store_true")
    parser.add_argument("--curve", action="store_true")
    args = parser.parse_args()
    if args.curve:
        curve("reuters", undated_reuters(args.sample))
        curve("timeml", undated_timeml())
        return
    score("reuters", undated_reuters(args.sample), args.batch, args.anchored)
    score("timeml", undated_timeml(), args.batch, args.anchored)


if __name__ == "__main__":
    main()
