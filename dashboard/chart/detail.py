"""Level of detail: what to ask the store for, given the filters and the zoom.

Why a module of its own: the figure module decides how rows become marks; this one decides
which rows are fetched at all, and it is the one place the rule lives, for the pandas and the
DuckDB store alike:

- The shown range is the zoom; without one, the stretch of dates where the events are dense
  (``dense_window``), so a few dates centuries away do not squeeze every real event into one
  spike. They stay reachable: zoom out, or press "All" (every event's dates).
- Few events overlapping the window (``settings.LABEL_LIMIT``): every one of them is drawn,
  however coarse its date.
- Otherwise only events spanning at most a third of the shown range are drawn (the year 1987
  says nothing about one week of March); a note counts the ones left out. Up to
  ``settings.WEBGL_LIMIT`` of them are individual marks, labelled when few enough; beyond
  that, or when marks would pile up, counts per day, week, month or year (the finest giving
  at most 160 bars over the shown range) of the events dated at least as closely as a bar,
  counted by the store (DuckDB groups in SQL: a million events arrive as a few hundred rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.chart.figure import (
    MIN_COUNTED_DAYS,
    PILE_LIMIT,
    Plan,
    ViewState,
    plan_marks,
    visible_window,
)
from dashboard.chart.marks import MARK_COLUMNS
from dashboard.chart.traces import TimeBins, bin_unit, unit_days
from dashboard.store.filters import FilterState
from extract import settings
from extract.ranges import shift_days

if TYPE_CHECKING:
    from dashboard.store.interface import EventStore, Window

DENSE_SHARE = 0.90  # the first view holds the shortest stretch of dates with 90% of the events
STRETCHED = 3.0  # ... when all the events span more than 3 times that stretch
QUANTILES = tuple(i / 100 for i in range(101))
WIDEST = 3  # among many, a mark wider than a third of the shown range places nothing


def dense_window(
    quantiles: Sequence[date], share: float = DENSE_SHARE
) -> tuple[date, date] | None:
    """The shortest stretch of dates holding ``share`` of the events, from their start-date
    ``quantiles`` (0%, 1%, ... 100%), widened to whole months and by a twentieth each side;
    None when all the events span less than ``STRETCHED`` times it (nothing to cut)."""
    if len(quantiles) < 2:
        return None
    step = round(share * (len(quantiles) - 1))
    pairs = [(quantiles[i], quantiles[i + step]) for i in range(len(quantiles) - step)]
    lo, hi = min(pairs, key=lambda pair: (pair[1] - pair[0], pair[0]))
    width = max((hi - lo).days, 28)
    if (quantiles[-1] - quantiles[0]).days <= STRETCHED * width:
        return None
    pad = width // 20
    return _month_start(shift_days(lo, -pad)), _month_start(shift_days(hi, pad + 31))


def plan_view(store: EventStore, state: FilterState, view: ViewState) -> Plan:
    """The ``Plan`` for the chart (see the module docstring for the rule)."""
    shown = view.x_range
    if shown is None and store.extent(state).count > settings.LABEL_LIMIT:
        shown = dense_window(store.date_quantiles(state, QUANTILES))
    window = visible_window(shown)
    extent = store.extent(state, window)
    if extent.count == 0:
        everywhere = store.extent(state) if window is not None else extent
        first, last = everywhere.first, everywhere.last
        bounds = (first, last) if first and last else None
        empty = store.rows(state, MARK_COLUMNS, window, limit=0)
        return Plan("empty", empty, elsewhere=everywhere.count, bounds=bounds, in_view=0)
    placed = replace(view, x_range=shown)  # marks are packed for the range shown
    if extent.count <= settings.LABEL_LIMIT:
        plan = plan_marks(store.rows(state, MARK_COLUMNS, window), placed)
        return _tally(replace(plan, longest=None), store, state, shown)
    span = shown or (extent.first, extent.last)
    longest = max((span[1] - span[0]).days // WIDEST, 1)
    fine = store.extent(state, window, longest=longest).count
    unit, daily = bin_unit(*span), None
    countable = (span[1] - span[0]).days >= MIN_COUNTED_DAYS
    if countable and settings.LABEL_LIMIT < fine <= settings.WEBGL_LIMIT:
        # Hundreds of events on one day would pile up: one cheap count finds out before
        # thousands of rows are fetched to be placed (and then drawn as counts anyway).
        daily = store.time_bins(state, window, "D", longest=1)
        if daily.groupby("start")["count"].sum().max() > PILE_LIMIT:
            fine = settings.WEBGL_LIMIT + 1
    if fine <= settings.WEBGL_LIMIT:
        plan = plan_marks(store.rows(state, MARK_COLUMNS, window, longest=longest), placed)
        if plan.mode != "counts":
            return _tally(replace(plan, longest=longest), store, state, shown)
    reuse = unit == "D" and daily is not None
    counts = daily if reuse else store.time_bins(state, window, unit, longest=unit_days(unit))
    empty = store.rows(state, MARK_COLUMNS, window, limit=0)
    plan = Plan("counts", empty, bins=TimeBins(unit, counts), longest=unit_days(unit))
    return _tally(plan, store, state, shown)


def table_window(plan: Plan, view: ViewState) -> Window | None:
    """The dates the table lists events for: the range the chart shows (the last instant before
    its end, so a one-day zoom lists that day only); None when the chart shows everything."""
    return _exact(view.x_range or plan.shown)


def _exact(shown: tuple[date, date] | None) -> Window | None:
    if shown is None:
        return None
    return pd.Timestamp(shown[0]), pd.Timestamp(shown[1]) - pd.Timedelta(seconds=1)


def _tally(plan: Plan, store: EventStore, state: FilterState, shown: Any) -> Plan:
    """``plan`` with what it shows counted over the shown range itself (rows are fetched for a
    wider window, for panning): the events drawn or counted, and those left out as too coarse;
    the note on the chart and the line above the table say the same numbers."""
    window = _exact(shown)
    total = store.extent(state, window).count
    in_view = total
    if plan.longest is not None:
        in_view = store.extent(state, window, longest=plan.longest).count
    bins = plan.bins and replace(plan.bins, coarse=total - in_view)
    return replace(plan, shown=shown, in_view=in_view, coarse=total - in_view, bins=bins)


def _month_start(day: date) -> date:
    return day.replace(day=1)

