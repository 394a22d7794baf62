"""The timeline figure: events frame + view state in, plotly Figure out, no Dash involved.

Why pure: the look of the chart is the product, so it is tested as data (which traces, which
symbols, which lanes) without a browser. Three regimes keep it fast and readable: labelled SVG
marks for a few hundred events, unlabelled WebGL marks for thousands, counts per time bin beyond
that. Precision is drawn, never faked: a day is a point, a week/month/year a bar over its range;
expected events are hollow or hatched.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.chart.marks import collapse_clusters, describe_date, pack_lanes
from dashboard.chart.traces import (
    DAY_MS,
    PALETTES,
    Palette,
    TimeBins,
    band_shapes,
    bin_unit,
    count_ceiling,
    count_traces,
    iso_days,
    label_texts,
    mark_traces,
    note,
    unit_days,
)
from dashboard.markup import escape
from dashboard.store.memory import time_bins
from extract import settings
from extract.ranges import shift_days

MAX_CROWDING = 3.0  # ... unless marks would cover the lanes more than 3 times over: counts
MIN_COUNTED_DAYS = 3  # a narrower window keeps its marks: one or two day bars say nothing
PILE_LIMIT = int(MAX_CROWDING * 40)  # more day points than this on one day pile up: counts
_GL_LANES = PILE_LIMIT // int(MAX_CROWDING)
_LANE_PX = 24
_CHAR_PX = 7.0
_GLYPH_EM = 0.58  # a sans-serif glyph's mean width, in ems: a note of size 12 is ~7 px a glyph


@dataclass(frozen=True, slots=True)
class ViewState:
    """How to draw (not which events): grouping, theme, visible range, selection."""

    group_by: str = "lanes"  # "lanes" or "actor"
    theme: str = "light"  # "light" or "dark"
    x_range: tuple[date, date] | None = None  # None: the whole span of the events
    selected: str | None = None  # event_id
    published: date | None = None  # drawn as a reference line
    width_px: int = 1000  # plot width the labels are packed for


@dataclass(frozen=True)
class Plan:
    """Where every mark goes. ``mode``: "empty", "labels", "webgl" or "counts"."""

    mode: str
    marks: pd.DataFrame
    lanes: int = 0
    bands: list[tuple[str, int, int]] = field(default_factory=list)  # (name, first, last lane)
    bins: TimeBins | None = None  # in "counts" mode: what the bars show
    shown: tuple[date, date] | None = None  # the axis range chosen for an unzoomed view
    longest: int | None = None  # events spanning more days were left out (None: none were)
    coarse: int = 0  # how many were left out for that: dated more coarsely than the view
    in_view: int | None = None  # events drawn or counted in the shown range (None: not counted)
    elsewhere: int = 0  # in "empty" mode: matches outside the window (zooming out finds them)
    bounds: tuple[date, date] | None = None  # ... and their first and last start


def counts_plan(frame: pd.DataFrame, x_range: tuple[date, date] | None = None) -> Plan:
    """Counts per time bin of ``frame``'s (dated, visible) rows: bins fine enough for the
    visible range (the rows' span without one); rows too coarse for them are left out."""
    first, last = x_range or (frame["date_start"].min(), frame["date_start"].max())
    unit = bin_unit(first, last)
    longest = unit_days(unit)
    fits = ((frame["date_end"] - frame["date_start"]) < pd.Timedelta(days=longest)).to_numpy()
    bins = TimeBins(unit, time_bins(frame[fits], unit), coarse=int((~fits).sum()))
    return Plan("counts", frame.iloc[:0], bins=bins, longest=longest, coarse=bins.coarse)


def plan_marks(frame: pd.DataFrame, view: ViewState) -> Plan:
    """Decide the regime and place each mark (x as day numbers, y as lane)."""
    dated = (frame["date_start"].notna() & frame["date_end"].notna()).to_numpy(dtype=bool)
    frame = frame if dated.all() else frame[dated]
    if frame.empty:
        return Plan("empty", frame)
    visible = _visible(frame, view.x_range)
    if visible.empty:
        return Plan("empty", visible)
    if len(visible) > settings.WEBGL_LIMIT:
        return counts_plan(visible, view.x_range)
    marks = collapse_clusters(visible)
    marks["d0"] = _days(marks["date_start"])
    marks["d1"] = _days(marks["date_end"]) + 1.0  # exclusive: a day covers [d, d + 1)
    # A day's point sits at its noon: inside its day, under that day's tick label when zoomed
    # in, never on the line between two days.
    marks["d0"] += np.where((marks["precision"] == "day").to_numpy(), 0.5, 0.0)
    mode = "labels" if _on_screen(marks, view.x_range) <= _label_limit(view) else "webgl"
    marks["text"] = label_texts(marks) if mode == "labels" else ""
    lo, hi = _day_range(marks, view.x_range)
    per_px = max(hi - lo, 1.0) / max(view.width_px, 200)
    if mode == "labels":
        marks["text"] = _fit_labels(marks, lo, hi, per_px)
    crowded = mode == "webgl" and _crowding(marks, lo, hi, per_px) > MAX_CROWDING
    if crowded and hi - lo >= MIN_COUNTED_DAYS:
        return counts_plan(visible, view.x_range)
    if view.group_by == "actor":
        return _plan_bands(marks, mode, lo, hi, per_px)
    cap = None if mode == "labels" else _GL_LANES
    lanes, side, anchor = _lanes(marks, mode, lo, hi, per_px, cap)
    marks["y"], marks["side"], marks["label_x"] = lanes, side, anchor
    return Plan(mode, marks, int(lanes.max()) + 1 if len(lanes) else 0)


def build_figure(frame: pd.DataFrame, view: ViewState | None = None) -> go.Figure:
    """The timeline of ``frame`` as the user asked to see it."""
    return go.Figure(figure_dict(frame, view))


def figure_dict(frame: pd.DataFrame, view: ViewState | None = None) -> dict[str, Any]:
    """``build_figure`` as a plain dict (numpy arrays inside): what Dash sends, unvalidated.

    Callbacks use this; plotly's validation of a 10k-point figure costs more than building it.
    """
    view = view or ViewState()
    return plan_figure(plan_marks(frame, view), view)


def plan_figure(plan: Plan, view: ViewState) -> dict[str, Any]:
    """The figure for marks already placed (or counts already made) by a ``Plan``."""
    palette = PALETTES.get(view.theme, PALETTES["light"])
    layout = _layout(view, palette, plan)
    # The ring is trace 0, under the marks, so a selection is patched in place.
    data = [selection_trace(plan, view.selected, view.theme)]
    if plan.mode == "empty":
        _explain_empty(layout, plan, view, palette)
    elif plan.mode == "counts" and plan.bins is not None:
        data += count_traces(plan.bins, palette, layout, plan.in_view)
        layout["yaxis"]["range"] = [0, count_ceiling(plan.bins, view.x_range or plan.shown)]
    else:
        data += mark_traces(plan.marks, plan.mode, palette)
        layout["shapes"] += band_shapes(plan.bands, palette)
        if plan.coarse:
            layout["annotations"].append(_coarse_note(plan.coarse, palette))
    _fit_notes(layout["annotations"], view.width_px)
    return {"data": data, "layout": layout}


def _fit_notes(annotations: list[dict[str, Any]], width_px: int) -> None:
    """Wrap the chart's notes (counts, coarse, empty) to the plot's width: plotly never wraps
    an annotation, so on a phone a sentence ran off the chart's edge."""
    for annotation in annotations:
        if annotation.get("xref") != "paper" or "text" not in annotation:
            continue
        size = annotation.get("font", {}).get("size", 12)
        chars = max(int(width_px / (size * _GLYPH_EM)), 24)
        lines = str(annotation["text"]).split("<br>")
        annotation["text"] = "<br>".join(
            "<br>".join(textwrap.wrap(line, chars, break_on_hyphens=False) or [""])
            for line in lines
        )


def _explain_empty(
    layout: dict[str, Any], plan: Plan, view: ViewState, palette: Palette
) -> None:
    """Say why nothing is drawn, and the way back: a window with no matches keeps its axis and
    range slider (so double-click and dragging still work) and gets a "Show all" button."""
    if not plan.elsewhere or view.x_range is None:
        layout["annotations"].append(note("No events match these filters.", palette))
        return
    lo, hi = view.x_range
    shown = f"{describe_date(lo, lo, 'day')} and {describe_date(hi, hi, 'day')}"
    layout["annotations"].append(
        note(
            f"No events between {shown} match these filters.<br>{plan.elsewhere:,} do "
            "elsewhere: double-click the chart or press Show all to zoom out.",
            palette,
        )
    )
    if plan.bounds is not None:  # the slider spans the matches too, to drag the window there
        ends = sorted([lo, hi, *plan.bounds])
        layout["xaxis"]["rangeslider"]["range"] = [ends[0].isoformat(), ends[-1].isoformat()]
    layout["updatemenus"] = [
        {
            "type": "buttons",
            "showactive": False,
            "x": 0.5,
            "xanchor": "center",
            "y": 0.3,
            "yanchor": "top",
            "bgcolor": palette.paper,
            "bordercolor": palette.muted,
            "font": {"color": palette.text, "size": 13},
            "buttons": [
                {"label": "Show all", "method": "relayout", "args": [{"xaxis.autorange": True}]}
            ],
        }
    ]


def _coarse_note(coarse: int, palette: Palette) -> dict[str, Any]:
    """Marks of a zoomed window leave out events whose dates are coarser than the window (the
    year 1987 in a week of March): say how many, and how to see them."""
    return {
        "text": f"{coarse:,} events dated more coarsely than this window are left out; "
        "zoom out to see them.",
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "xanchor": "right",
        "yanchor": "top",
        "yshift": -2,
        "showarrow": False,
        "font": {"size": 11, "color": palette.muted},
    }


def selection_trace(plan: Plan, event_id: str | None, theme: str = "light") -> dict[str, Any]:
    """A ring around the selected event's mark (empty when it is not drawn)."""
    palette = PALETTES.get(theme, PALETTES["light"])
    xs: list[str] = []
    ys: list[int] = []
    if event_id and plan.mode in ("labels", "webgl"):
        hit = plan.marks[[event_id in m for m in plan.marks["members"]]]
        for row in hit.itertuples(index=False):
            xs.append(_iso((row.d0 + row.d1) / 2 if row.precision != "day" else row.d0))
            ys.append(int(row.y))
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers",
        "name": "selected",
        "showlegend": False,
        "hoverinfo": "skip",
        "xaxis": "x2" if plan.mode in ("labels", "webgl") else "x",  # not in the range slider
        "marker": {
            "symbol": "circle-open",
            "size": 26,
            "color": palette.selected,
            "line": {"width": 3, "color": palette.selected},
        },
    }


def quick_ranges(
    frame: pd.DataFrame | None,
    published: date | None,
    bounds: tuple[date | None, date | None] | None = None,
) -> dict[str, list[str] | None]:
    """Ranges for the quick-view buttons: all, the year before publication, its month.
    Without a publication date, the last day of ``frame``'s events stands in. "All" is every
    event's dates (``bounds``: first start, last end), outliers too; without ``bounds`` it is
    the chart's first view (the dates where the events are dense)."""
    first, last = bounds or (None, None)
    everything = (
        [first.isoformat(), shift_days(last, 1).isoformat()] if first and last else None
    )
    if published is None:
        if frame is None or frame.empty:
            return {"all": everything, "year": None, "month": None}
        published = pd.Timestamp(frame["date_end"].max()).date()
    return {
        "all": everything,
        "year": [
            shift_days(published, -365).isoformat(),
            shift_days(published, 10).isoformat(),
        ],
        "month": [
            shift_days(published, -16).isoformat(),
            shift_days(published, 16).isoformat(),
        ],
    }


# --- placing marks ----------------------------------------------------------------------------


def visible_window(
    x_range: tuple[date, date] | None,
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The dates whose events are drawn for a zoom: the range plus half its width each side,
    so a short pan shows marks before the next callback arrives."""
    if x_range is None:
        return None
    lo, hi = (pd.Timestamp(d) for d in x_range)
    pad = (hi - lo) * 0.5
    return lo - pad, hi + pad


def _visible(frame: pd.DataFrame, x_range: tuple[date, date] | None) -> pd.DataFrame:
    window = visible_window(x_range)
    if window is None:
        return frame
    keep = (frame["date_end"] >= window[0]) & (frame["date_start"] <= window[1])
    return frame[keep.to_numpy(dtype=bool)]


def _label_limit(view: ViewState) -> int:
    """How many marks in view can be labelled. Zoomed to a day or two, where counts would be
    one or two bars, a busy news day (700 reports) is still a list worth reading: a tall one."""
    shown = view.x_range
    narrow = shown is not None and (shown[1] - shown[0]).days < MIN_COUNTED_DAYS
    return settings.LABEL_LIMIT * (3 if narrow else 1)


def _on_screen(marks: pd.DataFrame, x_range: tuple[date, date] | None) -> int:
    """How many marks fall in the zoomed range (the rest are drawn beyond it, for panning, and
    never labelled): what decides whether the labels can be drawn."""
    if x_range is None:
        return len(marks)
    lo, hi = (float(np.datetime64(d, "D").astype(np.int64)) for d in x_range)
    return int(((marks["d1"] > lo) & (marks["d0"] < hi)).sum())


def _iso(day: float) -> str:
    return iso_days(np.array([day]))[0]


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy().astype("datetime64[D]").astype(np.int64).astype(float)


def _day_range(marks: pd.DataFrame, x_range: tuple[date, date] | None) -> tuple[float, float]:
    if x_range is not None:
        lo, hi = (np.datetime64(d, "D").astype(np.int64) for d in x_range)
        return float(lo), float(hi)
    lo, hi = float(marks["d0"].min()), float(marks["d1"].max())
    pad = max((hi - lo) * 0.03, 3.0)
    return lo - pad, hi + pad


def _crowding(marks: pd.DataFrame, lo: float, hi: float, per_px: float) -> float:
    """How many times over the visible marks (12 px each at least) would cover every lane, on
    average or in the busiest 12 px column (a hundred events on one day pile up there)."""
    d0 = np.maximum(marks["d0"].to_numpy(), lo)
    d1 = np.minimum(marks["d1"].to_numpy(), hi)
    widths = np.clip(d1 - d0, 0, None) / per_px + 12
    average = float(widths.sum()) / (_GL_LANES * (hi - lo) / per_px)
    at = marks["d0"].to_numpy()
    points = (marks["precision"] == "day").to_numpy() & (at >= lo) & (at <= hi)
    columns = ((at[points] - lo) / per_px // 12).astype(np.int64)
    peak = float(np.bincount(columns).max()) / _GL_LANES if len(columns) else 0.0
    return max(average, peak)


def _fit_labels(marks: pd.DataFrame, lo: float, hi: float, per_px: float) -> list[str]:
    """Shorten a label that fits on neither side of its mark to the roomier side, so it is
    never drawn across its own span."""
    d0 = marks["d0"].to_numpy()
    d1 = np.where(marks["precision"] == "day", d0, marks["d1"].to_numpy())
    room_px = np.maximum(hi - d1, d0 - lo) / per_px - 18
    limits = np.floor(room_px / _CHAR_PX).astype(int)
    texts = []
    for text, limit, start, end in zip(marks["text"].tolist(), limits, d0, d1, strict=True):
        inside = start >= lo and end <= hi
        if inside and 8 <= limit < len(text):
            text = text[: limit - 1].rstrip() + "…"
        texts.append(text)
    return texts


def _lanes(
    marks: pd.DataFrame, mode: str, lo: float, hi: float, per_px: float, max_lanes: int | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lane of each mark, its label's side and anchor (day number).

    A label goes right of its mark, left of it near the right edge, or inside the visible
    window when the mark runs past both edges; the lane interval covers mark plus label.
    """
    radius = 8 * per_px
    d0 = marks["d0"].to_numpy()
    d1 = np.where(marks["precision"] == "day", d0, marks["d1"].to_numpy())  # a point
    side = np.full(len(marks), "right", dtype=object)
    anchor = d1.copy()
    starts, ends = d0 - radius, d1 + radius
    if mode == "labels":
        label = (marks["text"].str.len().to_numpy() * _CHAR_PX + 18) * per_px
        right = d1 + label <= hi
        left = ~right & (d0 - label >= lo)
        inside = ~right & ~left
        offscreen = (d1 < lo) | (d0 > hi)  # drawn for panning, but its label would be cut
        side[left] = "left"
        side[offscreen] = "none"
        anchor = np.where(left, d0, np.where(inside, np.maximum(d0, lo), d1))
        starts = np.where(left, d0 - label, np.minimum(d0, anchor)) - radius
        ends = np.where(left, d1, np.maximum(d1, anchor + label)) + radius
        starts = np.where(offscreen, d0 - radius, starts)
        ends = np.where(offscreen, d1 + radius, ends)
    return pack_lanes(starts, ends, max_lanes), side, anchor


def _plan_bands(marks: pd.DataFrame, mode: str, lo: float, hi: float, per_px: float) -> Plan:
    """Group by actor: one band per frequent actor (an event shows in each of its actors' bands)."""
    counts = marks["actors"].explode().dropna().value_counts()
    top = [str(a) for a in counts.index[: 8 if mode == "labels" else 20]]
    rows, bands, offset = [], [], 0
    for name in [*top, "Other actors"]:
        if name == "Other actors":
            members = marks[[not (set(a) & set(top)) for a in marks["actors"]]]
        else:
            members = marks[[name in a for a in marks["actors"]]]
        if members.empty:
            continue
        lanes, side, anchor = _lanes(members, mode, lo, hi, per_px, None if mode == "labels" else 4)
        rows.append(members.assign(y=lanes + offset, side=side, label_x=anchor, band=name))
        height = int(lanes.max()) + 1
        bands.append((name, offset, offset + height - 1))
        offset += height
    return Plan(mode, pd.concat(rows, ignore_index=True), offset, bands)


def _layout(view: ViewState, palette: Palette, plan: Plan) -> dict[str, Any]:
    lanes = max(plan.lanes, 1)
    counts = plan.mode == "counts"
    height = 420 if plan.mode in ("counts", "empty") else 160 + lanes * _LANE_PX
    layout: dict[str, Any] = {
        "height": max(height, 340),
        "uirevision": "timeline",
        "clickmode": "event",
        "dragmode": "zoom",
        "paper_bgcolor": palette.paper,
        "plot_bgcolor": palette.paper,
        "font": {
            "family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
            "color": palette.text,
            "size": 12,
        },
        "margin": {
            "l": 150 if plan.bands else 64 if counts else 20,
            "r": 20,
            "b": 10,
            "t": 120 if plan.mode in ("labels", "webgl") else 60,  # legend, then the dates
        },
        "hoverlabel": {
            "bgcolor": palette.paper,
            "font": {"color": palette.text, "size": 13},
            "bordercolor": palette.grid,
            "align": "left",
        },
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "top",
            "yref": "container",
            "bgcolor": "rgba(0,0,0,0)",
            "font": {"size": 12},
        },
        "barmode": "stack" if counts else "overlay",
        "showlegend": plan.mode != "empty",
        "annotations": [],
        "shapes": [],
    }
    if view.width_px < 600:  # a phone: legend entries two to a row, clear of the dates
        layout["legend"].update(
            traceorder="normal", entrywidth=0.5, entrywidthmode="fraction", font={"size": 10}
        )
        layout["margin"]["t"] += 20
    if plan.mode == "empty" and not (plan.elsewhere and view.x_range):
        layout["xaxis"] = {"visible": False}
        layout["yaxis"] = {"visible": False}
        return layout
    xaxis: dict[str, Any] = {
        "type": "date",
        "showgrid": True,
        "gridcolor": palette.grid,
        "linecolor": palette.grid,
        "zeroline": False,
        "ticks": "outside",
        "tickcolor": palette.grid,
        "rangeslider": {
            "visible": True,
            "thickness": 0.08,
            "bgcolor": palette.paper,
            "bordercolor": palette.grid,
            "borderwidth": 1,
        },
        "tickformatstops": [
            {"dtickrange": [None, DAY_MS - 1], "value": "%H:%M\n%-d %b %Y"},  # never repeats
            {"dtickrange": [DAY_MS - 1, DAY_MS], "value": "%-d %b %Y"},
            {"dtickrange": [DAY_MS, 28 * DAY_MS], "value": "%-d %b\n%Y"},
            {"dtickrange": [28 * DAY_MS, 365 * DAY_MS], "value": "%b\n%Y"},
            {"dtickrange": [365 * DAY_MS, None], "value": "%Y"},
        ],
    }
    shown = view.x_range or plan.shown
    if shown is not None:
        xaxis["range"] = [shown[0].isoformat(), shown[1].isoformat()]
        if (shown[1] - shown[0]).days <= 7:  # one tick a day, its label over the day
            xaxis.update(dtick=DAY_MS, tick0="2000-01-01", ticklabelmode="period")
    elif plan.mode == "labels":  # the range the labels were packed for, so none collide
        lo, hi = _day_range(plan.marks, None)
        xaxis["range"] = [_iso(lo), _iso(hi)]
    layout["xaxis"] = xaxis
    if plan.mode in ("labels", "webgl"):  # labels and the ring, kept out of the range slider
        layout["xaxis2"] = {"overlaying": "x", "matches": "x", "visible": False}
        xaxis["side"] = "top"  # a tall timeline's dates are readable without scrolling
    if plan.mode == "empty":
        layout["yaxis"] = {"visible": False, "fixedrange": True, "range": [0, 1]}
    elif counts:
        layout["yaxis"] = {
            "fixedrange": True,
            "gridcolor": palette.grid,
            "title": {"text": "events"},
        }
    else:
        layout["yaxis"] = {
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "range": [lanes - 0.4, -0.7],
            "showticklabels": bool(plan.bands),
            "tickvals": [(a + b) / 2 for _, a, b in plan.bands],
            "ticktext": [escape(name) for name, _, _ in plan.bands],
        }
    if view.published is not None:
        day = view.published.isoformat()
        layout["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "x0": day,
                "x1": day,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": palette.muted, "width": 1, "dash": "dot"},
            }
        )
        layout["annotations"].append(
            {
                "x": day,
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "yshift": 38 if plan.mode in ("labels", "webgl") else 0,
                "text": f"published {view.published.day} {view.published:%b %Y} ",
                "font": {"size": 11, "color": palette.muted},
                "xanchor": "right",
            }
        )
    return layout
