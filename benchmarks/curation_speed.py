"""What curations cost: appending to the log, reading it, replaying it over a big events set.

Usage: .venv/bin/python benchmarks/curation_speed.py [--events N] [--decisions D]
Builds N synthetic events (``dashboard.store.synthetic``), D random decisions (40% hide, 50% edit,
10% merge), appends them to a log in a temporary folder (each one ``fsync``-ed, as the app and the
CLI do), reads the log back and replays it three times; prints milliseconds for each, and the
replay's cost relative to replaying an empty log (the baseline every read pays anyway).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.store.synthetic import synthetic_frame  # noqa: E402
from extract import curation  # noqa: E402
from extract.curation_log import CurationLog  # noqa: E402

WHEN = datetime(2024, 6, 21, tzinfo=UTC)


def decisions(frame, count: int, seed: int = 1) -> list[dict]:  # noqa: ANN001
    rng = random.Random(seed)
    ids = frame["event_id"].tolist()
    made = []
    for n in range(count):
        roll, event = rng.random(), rng.choice(ids)
        if roll < 0.4:
            made.append(curation.hide(frame, event, "bench", WHEN))
        elif roll < 0.9:
            made.append(curation.edit(frame, event, {"label": f"take {n}"}, "bench", WHEN))
        else:
            made.append(curation.merge(frame, [event, rng.choice(ids)], "bench", WHEN))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--decisions", type=int, default=1_000)
    args = parser.parse_args()
    frame = synthetic_frame(args.events, seed=3)
    made = decisions(frame, args.decisions)
    with tempfile.TemporaryDirectory() as folder:
        log = CurationLog(Path(folder))
        began = time.perf_counter()
        for record in made:
            log.append(record)
        append = (time.perf_counter() - began) / len(made)
        began = time.perf_counter()
        read = log.read()
        reading = time.perf_counter() - began
    empty = min(_timed(lambda: curation.replay(frame, [])) for _ in range(3))
    replay = min(_timed(lambda: curation.replay(frame, read)) for _ in range(3))
    print(f"{args.events:,} events, {len(made):,} decisions")
    print(f"append (write + fsync): {append * 1000:.2f} ms each")
    print(f"read the log:           {reading * 1000:.1f} ms")
    print(f"replay:                 {replay * 1000:.0f} ms (empty log {empty * 1000:.1f} ms)")


def _timed(work) -> float:  # noqa: ANN001
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
