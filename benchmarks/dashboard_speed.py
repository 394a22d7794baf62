"""How fast the dashboard answers: figure builds and the actor-filter callback at 10k-1M events.

Why: a filter change must feel instant (target: an actor filter on 100k events in under 300 ms on a
2-core machine). Frames are synthetic and seeded (``dashboard.store.synthetic``), so runs compare.

    .venv/bin/python benchmarks/dashboard_speed.py              # 10k, 100k, 1M
    .venv/bin/python benchmarks/dashboard_speed.py --sizes 10000 100000 --repeat 5

"callback" is what the server does for one actor-filter change: filter, build the figure, build
the table rows, and serialise the figure to JSON as Dash does. Ratios are against the unfiltered
figure build at the same size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plotly.io.json import to_json_plotly  # noqa: E402

from dashboard.chart.figure import ViewState, build_figure, plan_marks  # noqa: E402
from dashboard.store.corpus import Corpus  # noqa: E402
from dashboard.store.filters import FilterState  # noqa: E402
from dashboard.store.synthetic import synthetic_frame  # noqa: E402
from dashboard.ui.handlers import view_outputs, view_state  # noqa: E402


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """Median wall time of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(n: int, repeat: int) -> dict[str, float | int | str]:
    start = time.perf_counter()
    frame = synthetic_frame(n)
    made = time.perf_counter() - start
    start = time.perf_counter()
    corpus = Corpus(frame)
    indexed = (time.perf_counter() - start) * 1000
    view = ViewState(published=corpus.published, width_px=780)
    actor = FilterState(actors=("Viktor Orban",))
    filtered_view = view_state(corpus, "lanes", False, None, None)

    def callback() -> None:
        figure, rows, _count, _query, _words = view_outputs(corpus, actor, filtered_view)
        to_json_plotly(figure)  # what Dash does with a callback's figure
        assert rows

    def zoomed() -> None:
        from datetime import date

        zoom = view_state(corpus, "lanes", False, ["2024-06-01", "2024-06-30"], None)
        figure, *_ = view_outputs(corpus, actor, zoom)
        to_json_plotly(figure)  # what Dash does with a callback's figure
        assert zoom.x_range and zoom.x_range[0] == date(2024, 6, 1)

    build = best_of(repeat, lambda: build_figure(corpus.frame, view))
    matched = int(actor_rows(corpus, actor))
    return {
        "events": n,
        "frame_s": round(made, 1),
        "index_ms": round(indexed),
        "mode_all": plan_marks(corpus.frame, view).mode,
        "build_ms": round(build, 1),
        "actor_rows": matched,
        "mode_actor": plan_marks(corpus.frame.iloc[:0], view).mode
        if not matched
        else plan_marks(
            corpus.frame[[("Viktor Orban" in a) for a in corpus.frame["actors"]]], view
        ).mode,
        "callback_ms": round(best_of(repeat, callback), 1),
        "zoomed_ms": round(best_of(repeat, zoomed), 1),
    }


def actor_rows(corpus: Corpus, state: FilterState) -> int:
    return corpus.store.count(state)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'events':>9} {'frame s':>8} {'index ms':>9} {'build ms (mode)':>22} "
        f"{'actor rows':>10} {'callback ms (mode)':>22} {'ratio':>6} {'zoomed ms':>10}"
    )
    for n in args.sizes:
        r = measure(n, args.repeat)
        ratio = float(r["callback_ms"]) / max(float(r["build_ms"]), 1e-9)
        print(
            f"{r['events']:>9,} {r['frame_s']:>8} {r['index_ms']:>9} "
            f"{str(r['build_ms']) + ' (' + str(r['mode_all']) + ')':>22} {r['actor_rows']:>10,} "
            f"{str(r['callback_ms']) + ' (' + str(r['mode_actor']) + ')':>22} {ratio:>6.2f} "
            f"{r['zoomed_ms']:>10}",
            flush=True,
        )
    print(
        "callback = filter + figure + table rows + figure JSON for one actor-filter change; "
        "ratio = callback / unfiltered figure build; zoomed = the same callback zoomed to "
        "June 2024 (labels come back)."
    )


if __name__ == "__main__":
    main()
