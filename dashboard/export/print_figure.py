"""The on-screen timeline dressed for print: a title, a legend and a source credit in the image.

Why: an exported image travels without the app around it, so it must say what it shows and where
the dates come from. The interactive-only parts (range slider, quick-view buttons) are removed,
the theme is forced light, and the size never drops below ``settings.EXPORT_MIN_WIDTH`` x
``EXPORT_MIN_HEIGHT`` (1000x400) so labels stay legible.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.markup import escape
from dashboard.store.filters import FilterState
from extract import settings

if TYPE_CHECKING:
    from dashboard.store.interface import EventStore

_INK, _MUTED = "#1f2933", "#52606d"
_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


def print_size(
    fig: go.Figure, width: int | None = None, height: int | None = None
) -> tuple[int, int]:
    """The export size: what was asked, else the figure's own, else the default; never too small."""
    width = width or fig.layout.width or settings.EXPORT_WIDTH
    height = height or fig.layout.height or settings.EXPORT_HEIGHT
    return (max(int(width), settings.EXPORT_MIN_WIDTH),
            max(int(height), settings.EXPORT_MIN_HEIGHT))


def decorate(
    fig: go.Figure,
    *,
    title: str,
    credit: str,
    subtitle: str = "",
    width: int | None = None,
    height: int | None = None,
) -> go.Figure:
    """A copy of ``fig`` with title, legend and credit line, light and at a printable size."""
    out = go.Figure(fig)
    width, height = print_size(fig, width, height)
    margin = out.layout.margin
    out.update_layout(
        width=width,
        height=height,
        template="plotly_white",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font={"family": _FONT, "color": _INK, "size": 13},
        title={"text": escape(title), "x": 0.01, "xanchor": "left", "y": 1, "yanchor": "top",
               "yref": "container", "pad": {"t": 12}, "font": {"size": 22},
               "subtitle": {"text": escape(subtitle), "font": {"size": 13, "color": _MUTED}}},
        showlegend=True,
        # Beside the title, clear of the plot's own "published" note on the top edge.
        legend={"orientation": "h", "x": 1, "xanchor": "right", "y": 1, "yanchor": "top",
                "yref": "container", "bgcolor": "rgba(255,255,255,0.8)",
                "font": {"color": _INK}},
        margin={"t": max(margin.t or 0, 110 if subtitle else 90), "b": max(margin.b or 0, 90),
                "l": max(margin.l or 0, 60), "r": max(margin.r or 0, 40)},
        updatemenus=[],
    )
    out.update_xaxes(rangeslider_visible=False, rangeselector_visible=False)
    out.add_annotation(
        text=escape(credit), showarrow=False, xref="paper", yref="paper", x=0, y=0,
        xanchor="left", yanchor="top", yshift=-45, align="left",
        font={"size": 11, "color": _MUTED},
    )
    return out


def credit_line(sources: pd.DataFrame) -> str:
    """``Sources: seed 000, seed 001 (2 articles) · dates extracted with Dateline``, from the
    articles' ``doc_id``, ``title``, ``source`` and ``published`` (an events frame will do)."""
    docs = sources.drop_duplicates("doc_id")
    names = sorted({str(s) or str(t) or str(d) for d, t, s in
                    docs[["doc_id", "title", "source"]].itertuples(index=False)})
    if not names:
        return "No sources · dates extracted with Dateline"
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    count = len(docs)
    published = _published_span(docs["published"])
    return (f"Sources: {shown} ({count} article{'s' if count != 1 else ''}{published})"
            " · dates extracted with Dateline")


def actors_line(counts: Sequence[tuple[str, int]], limit: int = 6) -> str:
    """``Main actors: Mark Rutte (9), NATO (5), ...``: the names a reader looks for first, from
    (actor, events) pairs, most frequent first."""
    if not counts:
        return ""
    more = f" and {len(counts) - limit} more" if len(counts) > limit else ""
    return "Main actors: " + ", ".join(f"{name} ({n})" for name, n in counts[:limit]) + more


def default_title(events: int, *, actors: Sequence[str] = (), date_from: date | None = None,
                  date_to: date | None = None) -> str:
    """``Timeline: Mark Rutte; 2024-01-01 to 2024-06-30 (12 events)``."""
    parts = [", ".join(actors)] if actors else []
    if date_from and date_to:
        parts.append(f"{date_from} to {date_to}")
    elif date_from or date_to:
        parts.append(f"from {date_from}" if date_from else f"until {date_to}")
    head = "Timeline" + (": " + "; ".join(parts) if parts else "")
    return f"{head} ({events:,} event{'s' if events != 1 else ''})"


def _published_span(values: pd.Series) -> str:
    known = values.dropna()
    if known.empty:
        return ""
    first, last = pd.Timestamp(known.min()).date(), pd.Timestamp(known.max()).date()
    return f", published {first}" if first == last else f", published {first} to {last}"


def print_view(
    store: EventStore,
    state: FilterState,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    group_by: str = "lanes",
    x_range: tuple[date, date] | None = None,
    width: int | None = None,
    height: int | None = None,
) -> go.Figure:
    """The dashboard's timeline of the events passing ``state`` (light theme, labels packed for
    the print width), decorated for print: the title names the filters unless given, the
    subtitle the main actors, the credit line the sources.

    The store is asked what the dashboard's chart asks (``plan_view``: counts per time bin for
    many events, else the visible rows with the marks' columns), plus the count, the actors and
    the sources, so no question fetches every matching row. ``group_by`` is ``"lanes"`` or
    ``"actor"`` (one band per actor); ``x_range`` the zoom to keep (None: every event).
    """
    from dashboard.chart.detail import plan_view
    from dashboard.chart.figure import ViewState, plan_figure
    from dashboard.store.memory import corpus_published

    window = None if x_range is None else (pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1]))
    sources = store.sources(state, window)
    width = max(width or settings.EXPORT_WIDTH, settings.EXPORT_MIN_WIDTH)
    view = ViewState(group_by=group_by, theme="light", x_range=x_range, width_px=width - 100,
                     published=corpus_published(sources))
    fig = go.Figure(plan_figure(plan_view(store, state, view), view))
    if not title:
        events = store.count(state) if window is None else store.extent(state, window).count
        title = default_title(events, actors=state.actors, date_from=state.date_from,
                              date_to=state.date_to)
    if subtitle is None:
        subtitle = actors_line(store.actor_counts(state, window))
    return decorate(fig, title=title, subtitle=subtitle, credit=credit_line(sources),
                    width=width, height=height)


def print_figure(frame: pd.DataFrame, **options: Any) -> go.Figure:
    """``print_view`` of every event in ``frame`` (``options`` as there)."""
    from dashboard.store.memory import FrameStore

    return print_view(FrameStore(frame), FilterState(), **options)
