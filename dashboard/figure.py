"""The timeline figure: events frame + view state in, plotly Figure out, no Dash involved.

Why pure: the look of the chart is the product, so it is tested as data (which traces, which
symbols, which lanes) without a browser. Three regimes keep it fast and readable: labelled SVG
marks for a few hundred events, unlabelled WebGL marks for thousands, counts per time bin beyond
that. Precision is drawn, never faked: a day is a point, a week/month/year a bar over its range;
expected events are hollow or hatched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.marks import collapse_clusters, hover_texts, pack_lanes

LABEL_LIMIT = 300  # up to this many marks: SVG, each labelled
WEBGL_LIMIT = 15_000  # up to this many: Scattergl without labels; beyond: counts per bin
_DAY_MS = 86_400_000
_LANE_PX = 24
_LABEL_CHARS = 44
_CHAR_PX = 7.0


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
class Palette:
    paper: str
    grid: str
    text: str
    muted: str
    band: str
    modality: dict[str, str] = field(default_factory=dict)
    conflict: str = "#dc2626"
    selected: str = "#111827"


PALETTES = {
    "light": Palette(
        "#ffffff", "#e9ecef", "#212529", "#6c757d", "rgba(13,110,253,0.04)",
        {"happened": "#1f6feb", "expected": "#c2410c", "hypothetical": "#7c3aed"},
        "#dc2626", "#111827",
    ),
    "dark": Palette(
        "#1b1f24", "#30363d", "#e6edf3", "#9198a1", "rgba(56,139,253,0.07)",
        {"happened": "#58a6ff", "expected": "#f0883e", "hypothetical": "#bc8cff"},
        "#ff7b72", "#ffffff",
    ),
}


@dataclass(frozen=True)
class Plan:
    """Where every mark goes. ``mode``: "empty", "labels", "webgl" or "counts"."""

    mode: str
    marks: pd.DataFrame
    lanes: int = 0
    bands: list[tuple[str, int, int]] = field(default_factory=list)  # (name, first, last lane)
    bin_name: str = ""


def plan_marks(frame: pd.DataFrame, view: ViewState) -> Plan:
    """Decide the regime and place each mark (x as day numbers, y as lane)."""
    if frame.empty:
        return Plan("empty", frame)
    visible = _visible(frame, view.x_range)
    if visible.empty:
        return Plan("empty", visible)
    if len(visible) > WEBGL_LIMIT:
        return Plan("counts", visible)
    marks = collapse_clusters(visible)
    mode = "labels" if len(marks) <= LABEL_LIMIT else "webgl"
    marks["d0"] = _days(marks["date_start"])
    marks["d1"] = _days(marks["date_end"]) + 1.0  # exclusive: a day covers [d, d + 1)
    marks["text"] = _label_texts(marks) if mode == "labels" else ""
    lo, hi = _day_range(marks, view.x_range)
    per_px = max(hi - lo, 1.0) / max(view.width_px, 200)
    if view.group_by == "actor":
        return _plan_bands(marks, mode, lo, hi, per_px)
    lanes, side, anchor = _lanes(marks, mode, lo, hi, per_px, None if mode == "labels" else 40)
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
    plan = plan_marks(frame, view)
    palette = PALETTES.get(view.theme, PALETTES["light"])
    layout = _layout(view, palette, plan)
    # The ring is trace 0, under the marks, so a selection is patched in place.
    data = [selection_trace(plan, view.selected, view.theme)]
    if plan.mode == "empty":
        layout["annotations"].append(_note("No events match these filters.", palette))
    elif plan.mode == "counts":
        data += _count_traces(plan.marks, palette, layout)
    else:
        data += _mark_traces(plan, palette)
        layout["shapes"] += _band_shapes(plan, palette)
    return {"data": data, "layout": layout}


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
        "type": "scatter", "x": xs, "y": ys, "mode": "markers", "name": "selected",
        "showlegend": False, "hoverinfo": "skip",
        "xaxis": "x2" if plan.mode in ("labels", "webgl") else "x",  # not in the range slider
        "marker": {"symbol": "circle-open", "size": 26, "color": palette.selected,
                   "line": {"width": 3, "color": palette.selected}},
    }


def quick_ranges(frame: pd.DataFrame, published: date | None) -> dict[str, list[str] | None]:
    """Ranges for the quick-view buttons: all, the year before publication, its month."""
    if published is None:
        if frame.empty:
            return {"all": None, "year": None, "month": None}
        published = pd.Timestamp(frame["date_end"].max()).date()
    return {
        "all": None,
        "year": [(published - timedelta(days=365)).isoformat(),
                 (published + timedelta(days=10)).isoformat()],
        "month": [(published - timedelta(days=16)).isoformat(),
                  (published + timedelta(days=16)).isoformat()],
    }


def corpus_published(frame: pd.DataFrame) -> date | None:
    """The most common publication date of the events' articles (None when unknown)."""
    known = frame.drop_duplicates("doc_id")["published"].dropna()
    if known.empty:
        return None
    return pd.Timestamp(known.mode().iloc[0]).date()


# --- placing marks ----------------------------------------------------------------------------


def _visible(frame: pd.DataFrame, x_range: tuple[date, date] | None) -> pd.DataFrame:
    if x_range is None:
        return frame
    lo, hi = (pd.Timestamp(d) for d in x_range)
    pad = (hi - lo) * 0.5
    keep = (frame["date_end"] >= lo - pad) & (frame["date_start"] <= hi + pad)
    return frame[keep.to_numpy(dtype=bool)]


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy().astype("datetime64[D]").astype(np.int64).astype(float)


def _day_range(marks: pd.DataFrame, x_range: tuple[date, date] | None) -> tuple[float, float]:
    if x_range is not None:
        lo, hi = (np.datetime64(d, "D").astype(np.int64) for d in x_range)
        return float(lo), float(hi)
    lo, hi = float(marks["d0"].min()), float(marks["d1"].max())
    pad = max((hi - lo) * 0.03, 3.0)
    return lo - pad, hi + pad


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


# --- drawing ----------------------------------------------------------------------------------


def _mark_traces(plan: Plan, palette: Palette) -> list[dict[str, Any]]:
    marks = plan.marks
    gl = plan.mode == "webgl"
    marks["hover"] = hover_texts(marks)
    traces: list[dict[str, Any]] = []
    for modality, group in marks.groupby("modality", observed=True, sort=True):
        color = palette.modality.get(str(modality), palette.muted)
        is_day = (group["precision"] == "day").to_numpy()
        for kind, part in (("range", group[~is_day]), ("day", group[is_day])):
            if part.empty:
                continue
            name = f"{str(modality).capitalize()} · {'date range' if kind == 'range' else 'day'}"
            make = _span_trace if kind == "range" else _day_trace
            trace = make(part, str(modality), color, name, gl, palette)
            trace["legendrank"] = _RANKS.get(str(modality), 9) * 10 + (kind == "range")
            traces.append(trace)
    conflicts = marks[marks["conflict"].to_numpy(dtype=bool)]
    if not conflicts.empty:
        traces.append(_conflict_trace(conflicts, gl, palette))
    if plan.mode == "labels":
        for side in ("right", "left"):
            part = marks[marks["side"] == side]
            if not part.empty:
                traces.append(_label_trace(part, side, palette))
    return traces


# Text goes to plotly as lists (JSON-encoded natively, no fixed-width numpy copies); numbers
# as numpy arrays (sent as compact typed arrays).


def _iso_array(days: np.ndarray) -> list[str]:
    """Day numbers to ISO strings in one vectorised step (minutes only when needed)."""
    days = np.asarray(days, dtype=float)
    if np.all(days == np.floor(days)):
        return np.datetime_as_string(days.astype(np.int64).astype("datetime64[D]")).tolist()
    minutes = np.round(days * 1440).astype(np.int64).astype("datetime64[m]")
    return [t.replace("T", " ") for t in np.datetime_as_string(minutes).tolist()]


def _iso(day: float) -> str:
    return _iso_array(np.array([day]))[0]


def _customdata(part: pd.DataFrame) -> list[list[str]]:
    return [[m[0]] for m in part["members"].tolist()]


def _strings(values: pd.Series | list[str]) -> list[str]:
    return values.tolist() if isinstance(values, pd.Series) else list(values)


def _hover(part: pd.DataFrame) -> dict[str, Any]:
    return {"customdata": _customdata(part), "hovertext": _strings(part["hover"]),
            "hovertemplate": "%{hovertext}<extra></extra>"}


def _span_trace(
    part: pd.DataFrame, modality: str, color: str, name: str, gl: bool, palette: Palette
) -> dict[str, Any]:
    d0, d1 = part["d0"].to_numpy(), part["d1"].to_numpy()
    if gl:  # a thick line per span (hover at both ends), a gap (y = NaN) between spans
        y = part["y"].to_numpy(dtype=float)
        hover = _hover(part)
        return {
            "type": "scattergl", "mode": "lines", "name": name, "legendgroup": modality,
            "x": _iso_array(np.column_stack([d0, d1, d1]).ravel()),
            "y": np.column_stack([y, y, np.full(len(y), np.nan)]).ravel(),
            "line": {"color": color, "width": 6}, "opacity": 0.55, "connectgaps": False,
            "customdata": [c for c in hover["customdata"] for c in (c, c, None)],
            "hovertext": [h for h in hover["hovertext"] for h in (h, h, "")],
            "hovertemplate": hover["hovertemplate"],
        }
    expected = modality != "happened"
    return {
        "type": "bar", "orientation": "h", "name": name, "legendgroup": modality,
        "base": _iso_array(d0), "x": (d1 - d0) * _DAY_MS, "y": part["y"].to_numpy(),
        "width": 0.56,
        "marker": {
            "color": _rgba(color, 0.16 if expected else 0.32),
            "line": {"color": color, "width": 1.6},
            "pattern": {"shape": "/" if expected else "", "fgcolor": color, "size": 7,
                        "solidity": 0.25},
        },
        **_hover(part),
    }


def _day_trace(
    part: pd.DataFrame, modality: str, color: str, name: str, gl: bool, palette: Palette
) -> dict[str, Any]:
    symbol = {"happened": "circle", "expected": "circle-open", "hypothetical": "diamond-open"}
    merged = part["n_sources"].to_numpy() > 1
    return {
        "type": "scattergl" if gl else "scatter", "mode": "markers", "name": name,
        "legendgroup": modality, "x": _iso_array(part["d0"].to_numpy()),
        "y": part["y"].to_numpy(),
        "marker": {
            "symbol": symbol.get(modality, "circle"), "color": color,
            "size": np.where(merged, 15, 11) if not gl else 7,
            "line": {"width": 2.4 if modality != "happened" else 1.5,
                     "color": color if modality != "happened" else palette.paper},
        },
        **_hover(part),
    }


def _conflict_trace(part: pd.DataFrame, gl: bool, palette: Palette) -> dict[str, Any]:
    """A red ring on every mark whose sources disagree on the date."""
    d0, d1 = part["d0"].to_numpy(), part["d1"].to_numpy()
    middle = np.where(part["precision"].to_numpy() == "day", d0, (d0 + d1) / 2)
    return {
        "type": "scattergl" if gl else "scatter", "mode": "markers",
        "name": "⚠ sources disagree", "legendrank": 90, "x": _iso_array(middle),
        "y": part["y"].to_numpy(),
        "marker": {"symbol": "circle-open", "size": 19, "color": palette.conflict,
                   "line": {"width": 2, "color": palette.conflict}},
        **_hover(part),
    }


def _label_texts(marks: pd.DataFrame) -> list[str]:
    """What each mark's label says: its label (shortened), a warning, how many sources."""
    texts = []
    for label, timex, conflict, n in zip(
        marks["label"].tolist(), marks["timex"].tolist(), marks["conflict"].tolist(),
        marks["n_sources"].tolist(), strict=True,
    ):
        text = str(label or timex)
        text = text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"
        texts.append(("⚠ " if conflict else "") + text + (f" · {n} sources" if n > 1 else ""))
    return texts


def _label_trace(part: pd.DataFrame, side: str, palette: Palette) -> dict[str, Any]:
    """Labels sit on a twin x axis so the range slider below stays free of text."""
    right = side == "right"
    texts = [_escape(t) for t in part["text"]]
    return {
        "type": "scatter", "mode": "text", "name": f"labels {side}", "xaxis": "x2",
        "x": _iso_array(part["label_x"].to_numpy()), "y": part["y"].to_numpy(),
        "text": [("   " + t) if right else (t + "   ") for t in texts],
        "textposition": "middle right" if right else "middle left",
        "textfont": {"size": 12, "color": palette.text}, "showlegend": False,
        **_hover(part),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _band_shapes(plan: Plan, palette: Palette) -> list[dict[str, Any]]:
    return [
        {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": first - 0.5,
         "y1": last + 0.5, "fillcolor": palette.band, "line": {"width": 0}, "layer": "below"}
        for i, (_, first, last) in enumerate(plan.bands) if i % 2 == 0
    ]


def _count_traces(
    frame: pd.DataFrame, palette: Palette, layout: dict[str, Any]
) -> list[dict[str, Any]]:
    """Far too many events to draw: stacked counts per day, week, month or year."""
    starts = frame["date_start"].to_numpy().astype("datetime64[D]")
    span_days = int((starts.max() - starts.min()).astype(np.int64)) + 1
    unit, name = next(
        ((u, n) for u, n, days in _BINS if span_days / days <= 160), ("Y", "year")
    )
    binned = starts.astype(f"datetime64[{unit}]")
    modality = frame["modality"].to_numpy()
    traces = []
    for kind in ("happened", "expected", "hypothetical"):
        chosen = modality == kind
        if not chosen.any():
            continue
        bins, counts = np.unique(binned[chosen], return_counts=True)
        first = bins.astype("datetime64[D]")
        width = ((bins + 1).astype("datetime64[D]") - first).astype(np.int64) * _DAY_MS
        traces.append({
            "type": "bar", "x": np.datetime_as_string(first), "y": counts, "width": width,
            "offset": 0, "name": f"{kind.capitalize()} (events per {name})",
            "marker": {"color": palette.modality[kind], "line": {"width": 0}},
            "hovertemplate": f"%{{y:,}} {kind} events<br>{name} of %{{x}}<extra></extra>",
        })
    layout.update(barmode="stack", bargap=0.05)
    layout["annotations"].append({
        "text": f"{len(frame):,} events: counts per {name}. Zoom in or filter to see each event.",
        "xref": "paper", "yref": "paper", "x": 0, "y": 1.0, "yanchor": "bottom",
        "showarrow": False, "font": {"size": 12, "color": palette.muted}, "xanchor": "left",
    })
    return traces


_RANKS = {"happened": 1, "expected": 2, "hypothetical": 3}
_BINS = (("D", "day", 1), ("W", "week", 7), ("M", "month", 30.4), ("Y", "year", 365.25))


def _note(message: str, palette: Palette) -> dict[str, Any]:
    return {"text": message, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
            "showarrow": False, "font": {"size": 15, "color": palette.muted}}


def _layout(view: ViewState, palette: Palette, plan: Plan) -> dict[str, Any]:
    lanes = max(plan.lanes, 1)
    counts = plan.mode == "counts"
    height = 420 if plan.mode in ("counts", "empty") else 160 + lanes * _LANE_PX
    layout: dict[str, Any] = {
        "height": max(height, 340), "uirevision": "timeline", "clickmode": "event",
        "dragmode": "zoom", "paper_bgcolor": palette.paper, "plot_bgcolor": palette.paper,
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                 "color": palette.text, "size": 12},
        "margin": {"l": 150 if plan.bands else 20, "r": 20, "t": 36, "b": 10},
        "hoverlabel": {"bgcolor": palette.paper, "font": {"color": palette.text, "size": 13},
                       "bordercolor": palette.grid, "align": "left"},
        "legend": {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom",
                   "bgcolor": "rgba(0,0,0,0)", "font": {"size": 12}},
        "barmode": "stack" if counts else "overlay", "showlegend": plan.mode != "empty",
        "annotations": [], "shapes": [],
    }
    if plan.mode == "empty":
        layout["xaxis"] = {"visible": False}
        layout["yaxis"] = {"visible": False}
        return layout
    xaxis: dict[str, Any] = {
        "type": "date", "showgrid": True, "gridcolor": palette.grid, "linecolor": palette.grid,
        "zeroline": False, "ticks": "outside", "tickcolor": palette.grid,
        "rangeslider": {"visible": True, "thickness": 0.08, "bgcolor": palette.paper,
                        "bordercolor": palette.grid, "borderwidth": 1},
        "tickformatstops": [
            {"dtickrange": [None, _DAY_MS], "value": "%-d %b %Y"},
            {"dtickrange": [_DAY_MS, 28 * _DAY_MS], "value": "%-d %b\n%Y"},
            {"dtickrange": [28 * _DAY_MS, 365 * _DAY_MS], "value": "%b\n%Y"},
            {"dtickrange": [365 * _DAY_MS, None], "value": "%Y"},
        ],
    }
    if view.x_range is not None:
        xaxis["range"] = [view.x_range[0].isoformat(), view.x_range[1].isoformat()]
    elif plan.mode == "labels":  # the range the labels were packed for, so none collide
        lo, hi = _day_range(plan.marks, None)
        xaxis["range"] = [_iso(lo), _iso(hi)]
    layout["xaxis"] = xaxis
    if plan.mode in ("labels", "webgl"):  # labels and the ring, kept out of the range slider
        layout["xaxis2"] = {"overlaying": "x", "matches": "x", "visible": False}
    if counts:
        layout["yaxis"] = {"fixedrange": True, "gridcolor": palette.grid,
                           "title": {"text": "events"}}
    else:
        layout["yaxis"] = {
            "fixedrange": True, "showgrid": False, "zeroline": False,
            "range": [lanes - 0.4, -0.7], "showticklabels": bool(plan.bands),
            "tickvals": [(a + b) / 2 for _, a, b in plan.bands],
            "ticktext": [_escape(name) for name, _, _ in plan.bands],
        }
    if view.published is not None:
        day = view.published.isoformat()
        layout["shapes"].append({
            "type": "line", "xref": "x", "x0": day, "x1": day, "yref": "paper", "y0": 0,
            "y1": 1, "line": {"color": palette.muted, "width": 1, "dash": "dot"},
        })
        layout["annotations"].append({
            "x": day, "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False,
            "text": f"published {view.published.day} {view.published:%b %Y} ",
            "font": {"size": 11, "color": palette.muted}, "xanchor": "right",
        })
    return layout


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
