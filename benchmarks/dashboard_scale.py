"""``dateline serve`` at corpus scale: the DuckDB store against the in-memory pandas store.

Why: issue 4 asks that the whole Reuters events (51k) open in a few seconds with an actor filter
under 300 ms, and that 1M events stay interactive (under 1 s per update). Each (data set, store)
pair runs in a fresh process, so start-up and peak memory are its own.

    .venv/bin/python benchmarks/dashboard_scale.py                       # Reuters + 1M synthetic
    .venv/bin/python benchmarks/dashboard_scale.py --synthetic 100000 --reuters /tmp/r.parquet

Measured, per store:
- first page: ``load`` + ``create_app`` + a real HTTP server answering ``/`` and
  ``/_dash-layout`` (which carries the first figure);
- actor filter: one filter change as the server handles it (``view_outputs``: chart at the right
  level of detail, count, table rows; then the figure's JSON as Dash sends it). "new" is the
  first time a filter state is seen (median over three actors); "again" a repeat;
- zoom: the same actor filter zoomed to a month, and the unfiltered set zoomed to a week;
- search: a two-word text search, first time;
- panel: the source panel's one-row fetch by event_id;
- peak RSS of the process (MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

METRICS = (
    ("first_page_s", "first page s"),
    ("actor_new_ms", "actor new ms"),
    ("actor_again_ms", "actor again ms"),
    ("zoom_actor_ms", "zoom actor ms"),
    ("zoom_all_ms", "zoom all ms"),
    ("search_ms", "search ms"),
    ("panel_ms", "panel ms"),
    ("peak_mb", "peak MB"),
)


def _ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def measure(path: str, store: str, zoom_month: str, zoom_week: list[str]) -> dict[str, Any]:
    """One (data set, store) run, in its own process."""
    import logging

    from plotly.io.json import to_json_plotly

    from dashboard.store.filters import FilterState
    from dashboard.store.open import load
    from dashboard.ui.app import create_app, running
    from dashboard.ui.handlers import panel_outputs, view_outputs, view_state

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log in the report
    start = time.perf_counter()
    events, articles = load([path], store=store)
    app = create_app(events, articles)
    with running(app) as url:
        for page in ("", "_dash-layout"):
            with urllib.request.urlopen(url + page, timeout=60) as response:
                response.read()
        first_page = time.perf_counter() - start
    corpus = app.server.config["DATELINE_CORPUS"]
    actors = [name for name, _ in corpus.actor_counts()[:3]]

    def update(state: FilterState, view_range: list[str] | None = None) -> Any:
        view = view_state(corpus, "lanes", False, view_range, None)
        figure, rows, _count, _query, _words = view_outputs(corpus, state, view)
        to_json_plotly(figure)
        return rows

    new = [_ms(lambda a=a: update(FilterState(actors=(a,)))) for a in actors]
    top = FilterState(actors=(actors[0],))
    again = statistics.median(_ms(lambda: update(top)) for _ in range(3))
    zoom_actor = statistics.median(_ms(lambda: update(top, zoom_month)) for _ in range(3))
    zoom_all = statistics.median(_ms(lambda: update(FilterState(), zoom_week)) for _ in range(3))
    words = " ".join(actors[0].lower().split()[:1] + ["said"])
    search = _ms(lambda: update(FilterState(text=words)))
    event_id = update(top)[0]["event_id"]
    panel = statistics.median(_ms(lambda: panel_outputs(corpus, event_id)) for _ in range(3))
    return {
        "store": type(corpus.store).__name__,
        "events": len(corpus.store),
        "actor": actors[0],
        "first_page_s": round(first_page, 2),
        "actor_new_ms": round(statistics.median(new)),
        "actor_again_ms": round(again),
        "zoom_actor_ms": round(zoom_actor),
        "zoom_all_ms": round(zoom_all),
        "search_ms": round(search),
        "panel_ms": round(panel, 1),
        "peak_mb": peak_mb(),
    }


def peak_mb() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited across the
    exec that starts a spawned process)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def in_fresh_process(*args: Any) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measure, *args).result()


def synthetic_parquet(n: int, folder: Path) -> Path:
    from dashboard.store.synthetic import synthetic_frame

    path = folder / f"synthetic-{n}.parquet"
    synthetic_frame(n).to_parquet(path, index=False, row_group_size=100_000)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", default="/tmp/reuters.parquet",
                        help="events of the whole Reuters corpus (dateline extract ... -o)")
    parser.add_argument("--synthetic", type=int, default=1_000_000, help="0 to skip")
    parser.add_argument("--stores", nargs="+", default=["duckdb", "memory"])
    args = parser.parse_args()
    sets: list[tuple[str, str, str, list[str]]] = []
    if Path(args.reuters).exists():
        sets.append(("Reuters", args.reuters, ["1987-03-01", "1987-03-31"],
                     ["1987-03-02", "1987-03-09"]))
    else:
        print(f"skipping Reuters: {args.reuters} not found", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp:
        if args.synthetic:
            started = time.perf_counter()
            path = synthetic_parquet(args.synthetic, Path(tmp))
            print(f"wrote {args.synthetic:,} synthetic events in "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
            sets.append((f"synthetic {args.synthetic:,}", str(path),
                         ["2024-06-01", "2024-06-30"], ["2024-06-03", "2024-06-10"]))
        results = []
        for name, path, month, week in sets:
            for store in args.stores:
                result = in_fresh_process(path, store, month, week)
                results.append({"set": name, **result})
                print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    report(results, args.stores)


def report(results: list[dict[str, Any]], stores: list[str]) -> None:
    header = f"{'set':<20} {'store':<11}" + "".join(f"{label:>15}" for _, label in METRICS)
    print(header)
    for r in results:
        print(f"{r['set']:<20} {r['store']:<11}"
              + "".join(f"{r[key]:>15}" for key, _ in METRICS))
    if len(stores) == 2:
        for name in dict.fromkeys(r["set"] for r in results):
            pair = [r for r in results if r["set"] == name]
            if len(pair) == 2:
                duck, memory = pair
                ratios = "".join(
                    f"{duck[k] / memory[k] if memory[k] else float('nan'):>15.2f}"
                    for k, _ in METRICS
                )
                print(f"{name:<20} {'ratio':<11}" + ratios)
    print("ratio = DuckStore / FrameStore (below 1: DuckDB is faster or smaller). Targets: "
          "Reuters actor filter < 300 ms; 1M events < 1000 ms per update.")


if __name__ == "__main__":
    main()
