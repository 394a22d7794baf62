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
    marks = marks.assign(
        d0=_days(marks["date_start"]), d1=_days(marks["date_end"]) + 1.0,  # d1 exclusive
        text=_label_texts(marks) if mode == "labels" else "",
    )
    lo, hi = _day_range(marks, view.x_range)
    per_px = max(hi - lo, 1.0) / max(view.width_px, 200)
    if view.group_by == "actor":
        return _plan_bands(marks, mode, lo, hi, per_px)
    lanes, side, anchor = _lanes(marks, mode, lo, hi, per_px, None if mode == "labels" else 40)
    marks = marks.assign(y=lanes, side=side, label_x=anchor)
    return Plan(mode, marks, int(lanes.max()) + 1 if len(lanes) else 0)


def build_figure(frame: pd.DataFrame, view: ViewState | None = None) -> go.Figure:
    """The timeline of ``frame`` as the user asked to see it."""
    view = view or ViewState()
    plan = plan_marks(frame, view)
    palette = PALETTES.get(view.theme, PALETTES["light"])
    if plan.mode == "empty":
        fig = _message_figure("No events match these filters.", palette)
    elif plan.mode == "counts":
        fig = _counts_figure(plan.marks, view, palette)
    else:
        fig = _marks_figure(plan, palette)
    _frame_layout(fig, view, palette, plan)
    fig.add_trace(selection_trace(plan, view.selected, view.theme))
    return fig


def selection_trace(plan: Plan, event_id: str | None, theme: str = "light") -> go.Scatter:
    """A ring around the selected event's mark (empty when it is not drawn)."""
    palette = PALETTES.get(theme, PALETTES["light"])
    xs: list[str] = []
    ys: list[int] = []
    if event_id and plan.mode in ("labels", "webgl"):
        hit = plan.marks[[event_id in m for m in plan.marks["members"]]]
        for row in hit.itertuples(index=False):
            xs.append(_iso((row.d0 + row.d1) / 2 if row.precision != "day" else row.d0))
            ys.append(int(row.y))
    return go.Scatter(
        x=xs, y=ys, mode="markers", name="selected", showlegend=False, hoverinfo="skip",
        marker={"symbol": "circle-open", "size": 26, "color": palette.selected,
                "line": {"width": 3, "color": palette.selected}},
    )


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
        side[left] = "left"
        anchor = np.where(left, d0, np.where(inside, np.maximum(d0, lo), d1))
        starts = np.where(left, d0 - label, np.minimum(d0, anchor)) - radius
        ends = np.where(left, d1, np.maximum(d1, anchor + label)) + radius
    return pack_lanes(starts, ends, max_lanes), side, anchor


def _plan_bands(marks: pd.DataFrame, mode: str, lo: float, hi: float, per_px: float) -> Plan:
    """Group by actor: one band per frequent actor (an event shows in each of its actors' bands)."""
    counts = marks["actors"].explode().dropna().value_counts()
    top = [str(a) for a in counts.index[: 12 if mode == "labels" else 20]]
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


def _iso(day: float) -> str:
    """Day number (float) to an ISO date or datetime string plotly reads."""
    whole = int(np.floor(day))
    text = str(np.datetime64(whole, "D"))
    frac = day - whole
    return text if frac == 0 else f"{text} {int(frac * 24):02d}:{int(frac * 1440) % 60:02d}"


def _marks_figure(plan: Plan, palette: Palette) -> go.Figure:
    marks = plan.marks
    gl = plan.mode == "webgl"
    marks = marks.assign(hover=hover_texts(marks))
    fig = go.Figure()
    legend_done: set[str] = set()
    for modality, group in marks.groupby("modality", observed=True, sort=True):
        color = palette.modality.get(str(modality), palette.muted)
        spans = group[group["precision"] != "day"]
        days = group[group["precision"] == "day"]
        for kind, part in (("range", spans), ("day", days)):
            if part.empty:
                continue
            name = f"{str(modality).capitalize()} · {'date range' if kind == 'range' else 'day'}"
            show = f"{modality}{kind}" not in legend_done
            legend_done.add(f"{modality}{kind}")
            if kind == "range":
                fig.add_trace(_span_trace(part, str(modality), color, name, gl, palette))
            else:
                fig.add_trace(_day_trace(part, str(modality), color, name, gl, palette))
            fig.data[-1].showlegend = show
            fig.data[-1].legendrank = _RANKS.get(str(modality), 9) * 10 + (kind == "range")
    if plan.mode == "labels":
        for side in ("right", "left"):
            part = marks[marks["side"] == side]
            if not part.empty:
                fig.add_trace(_label_trace(part, side, palette))
    _draw_bands(fig, plan, palette)
    return fig


def _customdata(part: pd.DataFrame) -> list[list[str]]:
    return [[m[0]] for m in part["members"]]


def _span_trace(
    part: pd.DataFrame, modality: str, color: str, name: str, gl: bool, palette: Palette
) -> go.Bar | go.Scattergl:
    if gl:
        xs: list[str | None] = []
        ys: list[int | None] = []
        hover: list[str | None] = []
        custom: list[list[str] | None] = []
        for row in part.itertuples(index=False):
            xs += [_iso(row.d0), _iso((row.d0 + row.d1) / 2), _iso(row.d1), None]
            ys += [row.y, row.y, row.y, None]
            hover += [row.hover] * 3 + [None]
            custom += [[row.members[0]]] * 3 + [None]
        return go.Scattergl(
            x=xs, y=ys, mode="lines", name=name, line={"color": color, "width": 6},
            opacity=0.55, hovertext=hover, customdata=custom,
            hovertemplate="%{hovertext}<extra></extra>", legendgroup=modality,
        )
    expected = modality != "happened"
    return go.Bar(
        orientation="h", name=name, legendgroup=modality,
        base=[_iso(d) for d in part["d0"]],
        x=((part["d1"] - part["d0"]) * _DAY_MS).tolist(),
        y=part["y"].tolist(), width=0.56,
        marker={
            "color": _rgba(color, 0.16 if expected else 0.32),
            "line": {"color": [palette.conflict if c else color for c in part["conflict"]],
                     "width": 1.6},
            "pattern": {"shape": "/" if expected else "", "fgcolor": color, "size": 7,
                        "solidity": 0.25},
        },
        customdata=_customdata(part), hovertext=part["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _day_trace(
    part: pd.DataFrame, modality: str, color: str, name: str, gl: bool, palette: Palette
) -> go.Scatter | go.Scattergl:
    symbol = {"happened": "circle", "expected": "circle-open", "hypothetical": "diamond-open"}
    merged = part["n_sources"].to_numpy() > 1
    marker = {
        "symbol": symbol.get(modality, "circle"),
        "size": np.where(merged, 15, 11).tolist() if not gl else 7,
        "color": color,
        "line": {"width": 2.4 if modality != "happened" else 1.5,
                 "color": [palette.conflict if c else (color if modality != "happened"
                           else palette.paper) for c in part["conflict"]]},
    }
    trace = go.Scattergl if gl else go.Scatter
    return trace(
        x=[_iso(d) for d in part["d0"]], y=part["y"].tolist(), mode="markers", name=name,
        legendgroup=modality, marker=marker, customdata=_customdata(part),
        hovertext=part["hover"].tolist(), hovertemplate="%{hovertext}<extra></extra>",
    )


def _label_texts(marks: pd.DataFrame) -> list[str]:
    """What each mark's label says: its label (shortened), a warning, how many sources."""
    texts = []
    for label, timex, conflict, n in zip(
        marks["label"], marks["timex"], marks["conflict"], marks["n_sources"], strict=True
    ):
        text = str(label or timex)
        text = text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"
        texts.append(("⚠ " if conflict else "") + text + (f" · {n} sources" if n > 1 else ""))
    return texts


def _label_trace(part: pd.DataFrame, side: str, palette: Palette) -> go.Scatter:
    right = side == "right"
    texts = [_escape(t) for t in part["text"]]
    return go.Scatter(
        x=[_iso(d) for d in part["label_x"]], y=part["y"].tolist(), mode="text",
        name=f"labels {side}", xaxis="x2",
        text=[("   " + t) if right else (t + "   ") for t in texts],
        textposition="middle right" if right else "middle left",
        textfont={"size": 12, "color": palette.text}, showlegend=False,
        customdata=_customdata(part), hovertext=part["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _draw_bands(fig: go.Figure, plan: Plan, palette: Palette) -> None:
    for i, (_, first, last) in enumerate(plan.bands):
        if i % 2 == 0:
            fig.add_hrect(y0=first - 0.5, y1=last + 0.5, fillcolor=palette.band, line_width=0,
                          layer="below")


def _counts_figure(frame: pd.DataFrame, view: ViewState, palette: Palette) -> go.Figure:
    starts = frame["date_start"].to_numpy().astype("datetime64[D]")
    span_days = int((starts.max() - starts.min()).astype(np.int64)) + 1
    unit, name = next(
        ((u, n) for u, n, days in _BINS if span_days / days <= 160), ("Y", "year")
    )
    binned = starts.astype(f"datetime64[{unit}]")
    fig = go.Figure()
    for modality in ("happened", "expected", "hypothetical"):
        chosen = (frame["modality"] == modality).to_numpy(dtype=bool)
        if not chosen.any():
            continue
        bins, counts = np.unique(binned[chosen], return_counts=True)
        width = [
            float((np.datetime64(b + 1, "D") - np.datetime64(b, "D")).astype(np.int64)) * _DAY_MS
            for b in bins
        ]
        fig.add_trace(go.Bar(
            x=[str(np.datetime64(b, "D")) for b in bins], y=counts.tolist(), width=width,
            offset=0, name=f"{modality.capitalize()} (events per {name})",
            marker={"color": palette.modality[modality], "line": {"width": 0}},
            hovertemplate=f"%{{y:,}} {modality} events<br>{name} of %{{x}}<extra></extra>",
        ))
    fig.update_layout(barmode="stack", bargap=0.05)
    fig.add_annotation(
        text=f"{len(frame):,} events: counts per {name}. Zoom in or filter to see each event.",
        xref="paper", yref="paper", x=0, y=1.0, yanchor="bottom", showarrow=False,
        font={"size": 12, "color": palette.muted}, xanchor="left",
    )
    return fig


_RANKS = {"happened": 1, "expected": 2, "hypothetical": 3}
_BINS = (("D", "day", 1), ("W", "week", 7), ("M", "month", 30.4), ("Y", "year", 365.25))


def _message_figure(message: str, palette: Palette) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, xref="paper", yref="paper", x=0.5, y=0.5,
                       showarrow=False, font={"size": 15, "color": palette.muted})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _frame_layout(fig: go.Figure, view: ViewState, palette: Palette, plan: Plan) -> None:
    lanes = max(plan.lanes, 1)
    counts = plan.mode == "counts"
    height = 420 if plan.mode in ("counts", "empty") else min(160 + lanes * _LANE_PX, 1400)
    fig.update_layout(
        height=max(height, 340), uirevision="timeline", clickmode="event", dragmode="zoom",
        paper_bgcolor=palette.paper, plot_bgcolor=palette.paper,
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
              "color": palette.text, "size": 12},
        margin={"l": 150 if plan.bands else 20, "r": 20, "t": 36, "b": 10},
        hoverlabel={"bgcolor": palette.paper, "font": {"color": palette.text, "size": 13},
                    "bordercolor": palette.grid, "align": "left"},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom",
                "bgcolor": "rgba(0,0,0,0)", "font": {"size": 12}},
        barmode="stack" if counts else "overlay",
        showlegend=plan.mode != "empty",
    )
    if plan.mode == "empty":
        return
    fig.update_xaxes(
        type="date", showgrid=True, gridcolor=palette.grid, linecolor=palette.grid,
        zeroline=False, ticks="outside", tickcolor=palette.grid,
        rangeslider={"visible": True, "thickness": 0.08, "bgcolor": palette.paper,
                     "bordercolor": palette.grid, "borderwidth": 1},
        tickformatstops=[
            {"dtickrange": [None, _DAY_MS], "value": "%-d %b %Y"},
            {"dtickrange": [_DAY_MS, 28 * _DAY_MS], "value": "%-d %b\n%Y"},
            {"dtickrange": [28 * _DAY_MS, 365 * _DAY_MS], "value": "%b\n%Y"},
            {"dtickrange": [365 * _DAY_MS, None], "value": "%Y"},
        ],
    )
    if plan.mode == "labels":  # labels sit on a twin axis so the range slider stays clean
        fig.update_layout(xaxis2={"overlaying": "x", "matches": "x", "visible": False})
    if view.x_range is not None:
        fig.update_xaxes(range=[view.x_range[0].isoformat(), view.x_range[1].isoformat()])
    elif plan.mode == "labels":  # the range the labels were packed for, so none collide
        lo, hi = _day_range(plan.marks, None)
        fig.update_xaxes(range=[_iso(lo), _iso(hi)])
    if counts:
        fig.update_yaxes(fixedrange=True, gridcolor=palette.grid, title="events")
    else:
        fig.update_yaxes(
            fixedrange=True, showgrid=False, zeroline=False, range=[lanes - 0.4, -0.7],
            showticklabels=bool(plan.bands),
            tickvals=[(a + b) / 2 for _, a, b in plan.bands],
            ticktext=[_escape(name) for name, _, _ in plan.bands],
        )
    if view.published is not None:
        day = view.published.isoformat()
        fig.add_vline(x=day, line={"color": palette.muted, "width": 1, "dash": "dot"})
        fig.add_annotation(
            x=day, y=1, yref="paper", yanchor="bottom", showarrow=False,
            text=f"published {view.published.day} {view.published:%b %Y} ",
            font={"size": 11, "color": palette.muted}, xanchor="right",
        )


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
