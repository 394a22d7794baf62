"""Many users at once: a real ``dateline serve --workers N`` driven by simulated journalists.

Why: the dashboard is shared in a newsroom; 50 people filtering, reading sources and exporting at
the same time must get answers (0 errors), quickly (p95), without the server's memory creeping up
(RSS at start, after warm-up and at the end, over 10,000+ callbacks). Each simulated user holds a
keep-alive HTTP connection and POSTs to ``/_dash-update-component`` exactly what the browser
sends: payloads are built from the app's own ``/_dash-dependencies``, so they follow the real
callbacks (``dashboard/callbacks.py``) when those change. The mix per step: 70% a filter change
(actor, source, precision, search, grouping), 20% a source-panel click (select, then show the
panel: two callbacks), 10% an export (CSV, JSON or TimelineJS). Everything talks to 127.0.0.1
and stops by itself after ``--seconds`` or ``--requests``, whichever comes first.

    .venv/bin/python benchmarks/load.py --users 50 --workers 8 --requests 10000
    .venv/bin/python benchmarks/load.py --users 50 --seconds 60 --json

An error is a non-2xx answer, a broken connection, or a callback answering with the app's error
alert. The client, the page values and the server start live in ``tests/dash_client.py`` (the
system tests drive the server with them too).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dash_client import DashClient, actors_of, doc_of, page, start_server  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc; NaN elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# --- simulated users ---------------------------------------------------------------------------


@dataclass
class Report:
    users: int
    workers: int
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    rss_start_mb: float = 0.0
    rss_warm_mb: float = 0.0
    rss_end_mb: float = 0.0
    by_kind: dict[str, int] = field(default_factory=dict)
    first_errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        rate = self.requests / self.seconds if self.seconds else 0.0
        return [
            f"{self.users} users, --workers {self.workers}: {self.requests} requests in "
            f"{self.seconds:.1f} s ({rate:.0f}/s), {self.errors} errors",
            f"latency p50 {self.p50_ms:.0f} ms, p95 {self.p95_ms:.0f} ms, "
            f"p99 {self.p99_ms:.0f} ms",
            f"server RSS: {self.rss_start_mb:.0f} MB at start, {self.rss_warm_mb:.0f} MB after "
            f"warm-up, {self.rss_end_mb:.0f} MB at the end",
            "requests by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_kind.items())),
            *[f"error: {e}" for e in self.first_errors],
        ]


class _Shared:
    """Counters the user threads share (one lock; the work per request dwarfs it)."""

    def __init__(self, limit: int, deadline: float, warm_at: int, on_warm: Any):
        self.lock = threading.Lock()
        self.limit, self.deadline = limit, deadline
        self.warm_at, self.on_warm = warm_at, on_warm
        self.started = 0
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.kinds: dict[str, int] = {}

    def claim(self) -> bool:
        with self.lock:
            if self.started >= self.limit or time.monotonic() >= self.deadline:
                return False
            self.started += 1
            if self.started == self.warm_at:
                self.on_warm()
            return True

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            if error:
                self.errors.append(error)


def _user(url: str, deps: list[dict[str, Any]], corpus: dict[str, Any], seed: int,
          shared: _Shared, think: float) -> None:
    rng = random.Random(seed)
    client = DashClient(url, deps)
    try:
        while True:
            roll = rng.random()
            steps = (_filter_step if roll < 0.7 else _panel_step if roll < 0.9 else _export_step)(
                rng, corpus
            )
            for kind, output, values, changed in steps:
                if not shared.claim():
                    return
                began = time.perf_counter()
                error = None
                try:
                    client.call(output, values, changed)
                except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops us
                    error = f"{kind}: {type(exc).__name__}: {str(exc)[:300]}"
                shared.record(kind, time.perf_counter() - began, error)
            if think:  # a person reads the answer before the next click
                left = max(0.0, shared.deadline - time.monotonic())
                time.sleep(min(rng.uniform(0, 2 * think), left))
    finally:
        client.close()


def _filter_step(rng: random.Random, corpus: dict[str, Any]) -> list[tuple[Any, ...]]:
    which = rng.choice(["actors", "docs", "precision", "search", "group"])
    if which == "actors":
        values = page(actors=rng.sample(corpus["actors"], k=min(2, len(corpus["actors"]))))
    elif which == "docs":
        values = page(docs=[rng.choice(corpus["docs"])])
    elif which == "precision":
        values = page(precision=[rng.choice(["day", "week", "month", "year"])])
    elif which == "search":
        values = page(search=rng.choice(["talks", "election", "minister", "2024", "zzz"]))
    else:
        values = page()
        values["group-by.value"] = rng.choice(["lanes", "actor"])
    changed = {"group": "group-by.value"}.get(which, f"filter-{which}.value")
    return [("filter", "timeline.figure", values, [changed])]


def _panel_step(rng: random.Random, corpus: dict[str, Any]) -> list[tuple[Any, ...]]:
    event_id = rng.choice(corpus["events"])
    click = page()
    click["timeline.clickData"] = {"points": [{"customdata": [event_id], "curveNumber": 1}]}
    shown = page()
    shown["selected-event.data"] = event_id
    return [("select", "selected-event.data", click, ["timeline.clickData"]),
            ("panel", "source-panel-body.children", shown, ["selected-event.data"])]


def _export_step(rng: random.Random, corpus: dict[str, Any]) -> list[tuple[Any, ...]]:
    button = rng.choice(["export-csv", "export-json", "export-timelinejs"])
    values = page(actors=[rng.choice(corpus["actors"])] if rng.random() < 0.5 else None)
    values[f"{button}.n_clicks"] = 1
    return [("export", "download.data", values, [f"{button}.n_clicks"])]


def _discover(client: DashClient) -> dict[str, Any]:
    """Event ids, actors and documents, read from one unfiltered view (as a page load does)."""
    response = client.call("timeline.figure", page(), ["filter-search.value"])
    rows = response["events-table"]["rowData"]
    actors = sorted({name for row in rows for name in actors_of(row)})
    return {
        "events": [row["event_id"] for row in rows],
        "actors": actors or ["nobody"],
        "docs": sorted({doc_of(row["event_id"]) for row in rows}) or ["none"],
    }


def run_load(url: str, pid: int, *, users: int = 50, requests: int = 10_000,
             seconds: float = 60, workers: int = 0, warmup: int = 500,
             think: float = 0.0) -> Report:
    """Drive ``users`` threads against ``url`` until ``requests`` or ``seconds`` run out.
    ``think`` is a user's mean pause between steps (0: every user clicks without pause)."""
    probe = DashClient(url)
    corpus = _discover(probe)
    probe.close()
    report = Report(users=users, workers=workers, rss_start_mb=rss_mb(pid))
    report.rss_warm_mb = report.rss_start_mb

    def warm() -> None:
        report.rss_warm_mb = rss_mb(pid)

    shared = _Shared(requests, time.monotonic() + seconds, min(warmup, requests), warm)
    threads = [
        threading.Thread(target=_user, args=(url, probe.dependencies, corpus, i, shared, think),
                         name=f"user-{i}", daemon=True)
        for i in range(users)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    report.seconds = time.perf_counter() - began
    report.rss_end_mb = rss_mb(pid)
    latencies = sorted(shared.latencies)
    report.requests, report.errors = len(latencies), len(shared.errors)
    report.first_errors = shared.errors[:5]
    report.by_kind = dict(shared.kinds)
    if latencies:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        report.p50_ms, report.p95_ms, report.p99_ms = (1000 * cuts[i] for i in (49, 94, 98))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=8, help="dateline serve --workers")
    parser.add_argument("--requests", type=int, default=10_000, help="stop after this many")
    parser.add_argument("--seconds", type=float, default=60, help="or after this long")
    parser.add_argument("--warmup", type=int, default=500, help="requests before the warm RSS")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a user pauses between steps (default 0: flat out)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("paths", nargs="*", help="what to serve (default: the seeds)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data, start_server(
        *args.paths, "--workers", str(args.workers), "--data", data
    ) as (process, url):
        report = run_load(url, process.pid, users=args.users, requests=args.requests,
                          seconds=args.seconds, workers=args.workers, warmup=args.warmup,
                          think=args.think)
        alive = process.poll() is None
    print(json.dumps(asdict(report), indent=2) if args.json else "\n".join(report.lines()))
    return 0 if report.errors == 0 and alive else 1


if __name__ == "__main__":
    sys.exit(main())
