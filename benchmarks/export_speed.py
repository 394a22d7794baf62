"""Image export, cold against warm, in one run: why ``dashboard.export.view`` keeps Chromium open.

Cold: a fresh exporter per image (start Chromium, render, close), which is what a one-shot
``kaleido.write_fig_sync`` costs. Warm: one exporter kept open, as the dashboard's export buttons
use it. The figure is the print-ready seed timeline; the median of ``--repeat`` runs is printed
per format, with the cold/warm ratio.

    .venv/bin/python benchmarks/export_speed.py --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import plotly.graph_objects as go


def _figure() -> go.Figure:
    """The seed-like timeline as ``dateline export`` would print it."""
    from dashboard.export.print_figure import print_figure
    from dashboard.store.synthetic import seed_like_frame

    return print_figure(seed_like_frame())


def _median_seconds(run: Callable[[], bytes], repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = len(run())
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per format and mode")
    parser.add_argument("--formats", default="png,svg,pdf")
    args = parser.parse_args()

    from dashboard.export.images import ImageExporter, find_chromium

    browser = find_chromium()
    fig = _figure()
    width, height = int(fig.layout.width), int(fig.layout.height)
    print(f"browser {browser}; figure {width}x{height}; median of {args.repeat} runs")
    print(f"{'format':<7}{'cold s':>9}{'warm s':>9}{'ratio':>8}{'bytes':>10}")

    def cold(fmt: str) -> bytes:
        with ImageExporter(browser) as fresh:
            return fresh.render(fig, fmt, width=width, height=height)  # type: ignore[arg-type]

    first = time.perf_counter()
    with ImageExporter(browser) as warm:
        warm.render(fig, "png", width=width, height=height)
        print(f"(first export of the warm exporter, Chromium start included: "
              f"{time.perf_counter() - first:.2f} s)")
        for fmt in args.formats.split(","):
            cold_s, size = _median_seconds(lambda f=fmt: cold(f), args.repeat)
            warm_s, _ = _median_seconds(
                lambda f=fmt: warm.render(fig, f, width=width, height=height),  # type: ignore[arg-type]
                args.repeat,
            )
            print(f"{fmt:<7}{cold_s:>9.3f}{warm_s:>9.3f}{cold_s / warm_s:>7.1f}x{size:>10}")


if __name__ == "__main__":
    main()
