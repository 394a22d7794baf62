"""The chart in words: what span it covers, how many events, and its busiest period.

Why a module of its own: a screen reader cannot see marks, so the timeline carries a sentence
that says what a sighted reader gets at a glance. It is computed from the chart's own ``Plan``
(its count bars, or its marks in the range on screen), so the words never disagree with the
picture; ``chart_summary`` and ``describe_plan`` are pure and tested as such.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.chart.detail import plan_view
from dashboard.chart.figure import Plan, ViewState
from dashboard.chart.marks import describe_date
from dashboard.chart.traces import bars_within, bin_unit
from dashboard.store.filters import FilterState
from dashboard.store.memory import time_bins
from extract.ranges import shift_days

if TYPE_CHECKING:
    from dashboard.store.interface import EventStore

_UNIT_PRECISION = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def chart_summary(
    count: int, first: date | None, last: date | None, bins: pd.DataFrame, unit: str,
    marks: int | None = None,
) -> str:
    """Two sentences: "The chart shows 33 dated events from 1949 to 2024. The busiest month is
    June 2024, with 20 events."

    ``first``/``last`` are the earliest and latest start of the events; ``bins`` has columns
    start and count (rows per modality are summed), ``unit`` is the bins' D, W, M or Y.
    ``marks``: when the chart draws marks, one per happening, of which some hold several
    reports; then ``count`` is the reports and ``bins`` count marks, and the sentence says both,
    so it agrees with the header's count of events.
    """
    if count <= 0 or first is None or last is None:
        return "The chart shows no events: none matches these filters here."
    noun = "event" if count == 1 else "events"
    merged = marks is not None and marks != count
    shown = f" as {marks:,} {'mark' if marks == 1 else 'marks'}" if merged else ""
    sentence = f"The chart shows {count:,} dated {noun}{shown} {_span(first, last)}."
    densest = densest_bin(bins)
    if densest is None or count < 3:
        return sentence
    start, n = densest
    precision = _UNIT_PRECISION.get(unit, "day")
    when = describe_date(start, _bin_end(start, unit), precision)
    name = _UNIT_PRECISION.get(unit, "period")
    counted = ("mark" if n == 1 else "marks") if merged else ("event" if n == 1 else "events")
    return f"{sentence} The busiest {name} is {when}, with {n:,} {counted}."


def describe_plan(plan: Plan, x_range: tuple[date, date] | None = None) -> str:
    """``chart_summary`` of what a ``Plan`` draws: its count bars as they are, or its marks
    (one per happening) within the range on screen, ``plan.shown`` or the zoom ``x_range``
    (the axis ends at the start of its last day, so events on that day are off screen).
    Marks are counted per month at coarsest, so decades of events still name a month."""
    shown = plan.shown or x_range
    if plan.mode == "counts" and plan.bins is not None:
        counts, unit = plan.bins.counts, plan.bins.unit
        if shown is not None and not counts.empty:  # bars kept beyond the edges for panning
            counts = counts[bars_within(counts["start"], unit, shown)]
        if counts.empty:
            return chart_summary(0, None, None, counts, unit)
        starts = pd.to_datetime(counts["start"])
        first, last = starts.min().date(), starts.max().date()
        return chart_summary(int(counts["count"].sum()), first, last, counts, unit)
    if plan.mode not in ("labels", "webgl") or plan.marks.empty:
        return chart_summary(0, None, None, pd.DataFrame(), "D")
    marks = plan.marks
    if shown is not None:
        lo, hi = pd.Timestamp(shown[0]), pd.Timestamp(shown[1])
        marks = marks[((marks["date_end"] >= lo) & (marks["date_start"] < hi)).to_numpy(bool)]
        if marks.empty:
            return chart_summary(0, None, None, pd.DataFrame(), "D")
    first = pd.Timestamp(marks["date_start"].min()).date()
    last = pd.Timestamp(marks["date_start"].max()).date()
    unit = bin_unit(first, last)
    unit = "M" if unit == "Y" else unit
    reports = sum(map(len, marks["members"])) if "members" in marks else len(marks)
    return chart_summary(reports, first, last, time_bins(marks, unit), unit, marks=len(marks))


def describe_view(store: EventStore, state: FilterState, view: ViewState) -> str:
    """The summary of the chart ``plan_view`` draws for these filters and this zoom (always
    in lanes: grouped by actor, an event shows once per actor)."""
    plan = plan_view(store, state, replace(view, group_by="lanes"))
    return describe_plan(plan, view.x_range)


def densest_bin(bins: pd.DataFrame) -> tuple[date, int] | None:
    """(first day, events) of the bin with most events, modalities summed; the earliest wins a
    tie. None when there are no bins."""
    if bins is None or bins.empty:
        return None
    totals = bins.groupby("start", sort=True)["count"].sum()
    best = totals.idxmax()  # first maximum in date order
    return pd.Timestamp(best).date(), int(totals.loc[best])


def _span(first: date, last: date) -> str:
    if first == last:
        return f"on {describe_date(first, last, 'day')}"
    if first.year != last.year:
        return f"from {first.year} to {last.year}"
    if first.month != last.month:
        return f"from {_month(first)} to {_month(last)}"
    return f"from {first.day} to {describe_date(last, last, 'day')}"


def _month(day: date) -> str:
    return describe_date(day, day, "month")


def _bin_end(start: date, unit: str) -> date:
    if unit == "W":
        return shift_days(start, 6)  # the last week of 9999 ends with the calendar
    return start
