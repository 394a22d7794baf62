"""Plotly traces for the timeline, as plain dicts: points, range bars, labels, counts per bin.

Why dicts with numpy arrays and no ``go.Scatter`` objects: plotly's per-element validation of a
10k-point trace costs far more than building it, and Dash sends dicts as they are. Every piece
of article text passes through ``dashboard.markup.escape`` (plotly reads a little HTML in labels
and hovers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dashboard.chart.marks import hover_texts
from dashboard.markup import escape
from extract.events.phrase import MAX_CHARS

DAY_MS = 86_400_000
BIN = "__bin__"  # customdata[0] of a count bar: [BIN, first day, day after the bin]
LABEL_CHARS = MAX_CHARS
"""An extracted label is drawn whole; only a longer one (edited by hand) is cut here, and the
room beside a mark shortens any label further (``figure._fit_labels``); hover shows it all."""


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
        "#ffffff",
        "#e9ecef",
        "#212529",
        "#6c757d",
        "rgba(13,110,253,0.04)",
        {"happened": "#1f6feb", "expected": "#c2410c", "hypothetical": "#7c3aed"},
        "#dc2626",
        "#111827",
    ),
    "dark": Palette(
        "#1b1f24",
        "#30363d",
        "#e6edf3",
        "#9198a1",
        "rgba(56,139,253,0.07)",
        {"happened": "#58a6ff", "expected": "#f0883e", "hypothetical": "#bc8cff"},
        "#ff7b72",
        "#ffffff",
    ),
}


def mark_traces(marks: pd.DataFrame, mode: str, palette: Palette) -> list[dict[str, Any]]:
    """One trace per modality and kind (day points, range bars), a warning ring for conflicts,
    and (in "labels" mode) the label traces. ``marks`` come placed by ``figure.plan_marks``."""
    gl = mode == "webgl"
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
    if mode == "labels":
        for side in ("right", "left"):
            part = marks[marks["side"] == side]
            if not part.empty:
                traces.append(_label_trace(part, side, palette))
    return traces


# Text goes to plotly as lists (JSON-encoded natively, no fixed-width numpy copies); numbers
# as numpy arrays (sent as compact typed arrays).


def iso_days(days: np.ndarray) -> list[str]:
    """Day numbers to ISO strings in one vectorised step (minutes only when needed)."""
    days = np.asarray(days, dtype=float)
    if np.all(days == np.floor(days)):
        return np.datetime_as_string(days.astype(np.int64).astype("datetime64[D]")).tolist()
    minutes = np.round(days * 1440).astype(np.int64).astype("datetime64[m]")
    return [t.replace("T", " ") for t in np.datetime_as_string(minutes).tolist()]


def _customdata(part: pd.DataFrame) -> list[list[str]]:
    return [[m[0]] for m in part["members"].tolist()]


def _strings(values: pd.Series | list[str]) -> list[str]:
    return values.tolist() if isinstance(values, pd.Series) else list(values)


def _hover(part: pd.DataFrame) -> dict[str, Any]:
    return {
        "customdata": _customdata(part),
        "hovertext": _strings(part["hover"]),
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _span_trace(
    part: pd.DataFrame, modality: str, color: str, name: str, gl: bool, palette: Palette
) -> dict[str, Any]:
    d0, d1 = part["d0"].to_numpy(), part["d1"].to_numpy()
    if gl:  # a thick line per span (hover at both ends), a gap (y = NaN) between spans
        y = part["y"].to_numpy(dtype=float)
        hover = _hover(part)
        return {
            "type": "scattergl",
            "mode": "lines",
            "name": name,
            "legendgroup": modality,
            "x": iso_days(np.column_stack([d0, d1, d1]).ravel()),
            "y": np.column_stack([y, y, np.full(len(y), np.nan)]).ravel(),
            "line": {"color": color, "width": 6},
            "opacity": 0.55,
            "connectgaps": False,
            "customdata": [c for c in hover["customdata"] for c in (c, c, None)],
            "hovertext": [h for h in hover["hovertext"] for h in (h, h, "")],
            "hovertemplate": hover["hovertemplate"],
        }
    expected = modality != "happened"
    return {
        "type": "bar",
        "orientation": "h",
        "name": name,
        "legendgroup": modality,
        "base": iso_days(d0),
        "x": (d1 - d0) * DAY_MS,
        "y": part["y"].to_numpy(),
        "width": 0.56,
        "marker": {
            "color": _rgba(color, 0.16 if expected else 0.32),
            "line": {"color": color, "width": 1.6},
            "pattern": {
                "shape": "/" if expected else "",
                "fgcolor": color,
                "size": 7,
                "solidity": 0.25,
            },
        },
        **_hover(part),
    }


def _day_trace(
    part: pd.DataFrame, modality: str, color: str, name: str, gl: bool, palette: Palette
) -> dict[str, Any]:
    symbol = {"happened": "circle", "expected": "circle-open", "hypothetical": "diamond-open"}
    merged = part["n_sources"].to_numpy() > 1
    return {
        "type": "scattergl" if gl else "scatter",
        "mode": "markers",
        "name": name,
        "legendgroup": modality,
        "x": iso_days(part["d0"].to_numpy()),
        "y": part["y"].to_numpy(),
        "marker": {
            "symbol": symbol.get(modality, "circle"),
            "color": color,
            "size": np.where(merged, 15, 11) if not gl else 7,
            "line": {
                "width": 2.4 if modality != "happened" else 1.5,
                "color": color if modality != "happened" else palette.paper,
            },
        },
        **_hover(part),
    }


def _conflict_trace(part: pd.DataFrame, gl: bool, palette: Palette) -> dict[str, Any]:
    """A red ring on every mark whose sources disagree on the date."""
    d0, d1 = part["d0"].to_numpy(), part["d1"].to_numpy()
    middle = np.where(part["precision"].to_numpy() == "day", d0, (d0 + d1) / 2)
    return {
        "type": "scattergl" if gl else "scatter",
        "mode": "markers",
        "name": "⚠ sources disagree",
        "legendrank": 90,
        "x": iso_days(middle),
        "y": part["y"].to_numpy(),
        "marker": {
            "symbol": "circle-open",
            "size": 19,
            "color": palette.conflict,
            "line": {"width": 2, "color": palette.conflict},
        },
        **_hover(part),
    }


def label_texts(marks: pd.DataFrame) -> list[str]:
    """What each mark's label says: its label (shortened), a warning, how many sources."""
    texts = []
    for label, timex, conflict, n in zip(
        marks["label"].tolist(),
        marks["timex"].tolist(),
        marks["conflict"].tolist(),
        marks["n_sources"].tolist(),
        strict=True,
    ):
        text = str(label or timex)
        text = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
        texts.append(("⚠ " if conflict else "") + text + (f" · {n} sources" if n > 1 else ""))
    return texts


def _label_trace(part: pd.DataFrame, side: str, palette: Palette) -> dict[str, Any]:
    """Labels sit on a twin x axis so the range slider below stays free of text."""
    right = side == "right"
    texts = [escape(t) for t in part["text"]]
    return {
        "type": "scatter",
        "mode": "text",
        "name": f"labels {side}",
        "xaxis": "x2",
        "x": iso_days(part["label_x"].to_numpy()),
        "y": part["y"].to_numpy(),
        "text": [("   " + t) if right else (t + "   ") for t in texts],
        "textposition": "middle right" if right else "middle left",
        "textfont": {"size": 12, "color": palette.text},
        "showlegend": False,
        **_hover(part),
    }


def band_shapes(bands: list[tuple[str, int, int]], palette: Palette) -> list[dict[str, Any]]:
    """Alternate shading behind the actor bands."""
    return [
        {
            "type": "rect",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": first - 0.5,
            "y1": last + 0.5,
            "fillcolor": palette.band,
            "line": {"width": 0},
            "layer": "below",
        }
        for i, (_, first, last) in enumerate(bands)
        if i % 2 == 0
    ]


@dataclass(frozen=True)
class TimeBins:
    """Events counted per time bin: ``counts`` has columns start (datetime64[D]), modality, count.

    Why data and not a trace: a store can count in its query (DuckDB's GROUP BY), so a million
    events reach Python as a few hundred rows; the pandas path counts with ``time_bins``."""

    unit: str  # D, W, M or Y
    counts: pd.DataFrame
    coarse: int = 0  # events in the window dated too coarsely to count per ``unit``

    @property
    def name(self) -> str:
        return _UNIT_NAMES[self.unit]

    @property
    def total(self) -> int:
        return int(self.counts["count"].sum())


def bin_unit(first: Any, last: Any) -> str:
    """The finest of day, week, month, year giving at most 160 bins between two start dates."""
    span_days = (pd.Timestamp(last) - pd.Timestamp(first)).days + 1
    return next((u for u, _, days in _BINS if span_days / days <= 160), "Y")


def unit_days(unit: str) -> int:
    """The longest bin of ``unit``, in days: an event spanning at most this many days is counted
    in the bin it starts in; a longer one (a year among months) would fake its precision."""
    return _LONGEST[unit]


def bin_ends(starts: np.ndarray, unit: str) -> np.ndarray:
    """The day after each bin (bins start at ``starts``, datetime64[D])."""
    if unit == "D":
        return starts + np.timedelta64(1, "D")
    if unit == "W":
        return starts + np.timedelta64(7, "D")
    return (starts.astype(f"datetime64[{unit}]") + 1).astype("datetime64[D]")


def bars_within(starts: Any, unit: str, shown: tuple[Any, Any]) -> np.ndarray:
    """Which bars of ``unit`` starting at ``starts`` overlap the ``shown`` range (its end day
    excluded): the bars the reader sees, as the count axis and the chart summary count them."""
    days = np.asarray(starts).astype("datetime64[D]")
    lo, hi = (np.datetime64(pd.Timestamp(d).date(), "D") for d in shown)
    return (bin_ends(days, unit) > lo) & (days < hi)


def count_traces(
    bins: TimeBins, palette: Palette, layout: dict[str, Any], in_view: int | None = None
) -> list[dict[str, Any]]:
    """Far too many events to draw: stacked counts per day, week, month or year. The note says
    how many are counted (``in_view``: those in the shown range; else every bar's)."""
    counts, name = bins.counts, bins.name
    traces = []
    for kind in ("happened", "expected", "hypothetical"):
        part = counts[counts["modality"] == kind]
        if part.empty:
            continue
        first = part["start"].to_numpy().astype("datetime64[D]")
        after = bin_ends(first, bins.unit)
        width = (after - first).astype(np.int64) * DAY_MS
        starts_iso = np.datetime_as_string(first).tolist()
        ends_iso = np.datetime_as_string(after).tolist()
        traces.append(
            {
                "type": "bar",
                "x": starts_iso,
                "y": part["count"].to_numpy(),
                "customdata": [[BIN, a, b] for a, b in zip(starts_iso, ends_iso, strict=True)],
                "width": width,
                "offset": 0,
                "name": kind.capitalize(),  # the note above the chart names the bin
                "legendrank": {"happened": 1, "expected": 2}.get(kind, 3),
                "marker": {"color": palette.modality[kind], "line": {"width": 0}},
                "hovertemplate": f"%{{y:,}} {kind} events<br>{name} of %{{x}}<extra></extra>",
            }
        )
    layout.update(barmode="stack", bargap=0.05)
    total = bins.total if in_view is None else in_view
    counted = f"{total:,} events: counts per {name}"
    if bins.coarse:
        counted = (
            f"{total:,} events dated to the {name} or closer: counts per {name}; "
            f"{bins.coarse:,} dated more coarsely are left out"
        )
    layout["annotations"].append(
        {
            "text": counted + ".<br>Click a bar, zoom in or filter to see each event.",
            "xref": "paper",
            "yref": "paper",
            "x": 0.01,
            "y": 0.99,
            "yanchor": "top",  # inside the plot: the strip above it holds the publication label
            "showarrow": False,
            "font": {"size": 12, "color": palette.muted},
            "bgcolor": palette.paper,
            "xanchor": "left",
            "align": "left",
        }
    )
    return traces


_RANKS = {"happened": 1, "expected": 2, "hypothetical": 3}
_BINS = (("D", "day", 1), ("W", "week", 7), ("M", "month", 30.4), ("Y", "year", 365.25))
_UNIT_NAMES = {unit: name for unit, name, _ in _BINS}
_LONGEST = {"D": 1, "W": 7, "M": 31, "Y": 366}


def count_ceiling(bins: TimeBins, shown: tuple[Any, Any] | None) -> float:
    """The top of the count axis: the tallest stack of bars in the ``shown`` range (all bars
    without one), plus room for the note. Computed here, for every figure, because plotly keeps
    a y range across a zoom and would clip taller bars or dwarf shorter ones."""
    totals = bins.counts.groupby("start", sort=True)["count"].sum()
    if shown is not None and len(totals):
        totals = totals[bars_within(totals.index, bins.unit, shown)]
    top = float(totals.max()) if len(totals) else 1.0
    return max(top, 1.0) * 1.3


def note(message: str, palette: Palette) -> dict[str, Any]:
    return {
        "text": message,
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "font": {"size": 15, "color": palette.muted},
    }


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
