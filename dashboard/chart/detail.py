"""Level of detail: what to ask the store for, given the filters and the zoom.

Why a module of its own: the figure module decides how rows become marks; this one decides
which rows are fetched at all. One cheap query first (how many dated events pass the filters in
the visible window, and over which dates); then either counts per time bin, computed by the
store (DuckDB groups in SQL, so a million events arrive as a few hundred rows), or the
individual events of the visible window only, with just the columns the marks need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.chart.figure import Plan, ViewState, plan_marks, visible_window
from dashboard.chart.marks import MARK_COLUMNS
from dashboard.chart.traces import TimeBins, bin_unit
from dashboard.store.filters import FilterState
from extract import settings

if TYPE_CHECKING:
    from dashboard.store.interface import EventStore


def plan_view(store: EventStore, state: FilterState, view: ViewState) -> Plan:
    """The ``Plan`` for the chart: counts per bin when too many events are visible, else the
    visible events placed as marks (which may still become counts when they would pile up)."""
    window = visible_window(view.x_range)
    extent = store.extent(state, window)
    if extent.count == 0:
        return plan_marks(store.rows(state, MARK_COLUMNS, window, limit=0), view)
    if extent.count > settings.WEBGL_LIMIT:
        unit = bin_unit(extent.first, extent.last)
        bins = store.time_bins(state, window, unit)
        empty = store.rows(state, MARK_COLUMNS, window, limit=0)
        return Plan("counts", empty, bins=TimeBins(unit, bins))
    return plan_marks(store.rows(state, MARK_COLUMNS, window), view)
