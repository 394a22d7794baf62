"""One export for ``dateline export`` and the dashboard's export buttons: store, filters, format.

Why one function: the command and the buttons must write the same file for the same filters,
whichever store holds the events (a frame in memory, or DuckDB over a big saved Parquet set).
``export_view`` asks the store what the dashboard asks. An image (PNG, SVG, PDF) or page (HTML)
is drawn from the chart's level of detail (``print_figure.print_view``: counts per time bin for
many events, else the visible rows with the marks' columns), so a million events never come
into memory to draw one picture. Data (CSV, JSON, Parquet, TimelineJS) is every matching row,
earliest first, in the shape ``extract.serialize`` owns.

Errors (``extract.errors``): ``InputError`` for a format that cannot be told, ``NoEventsError``
when the filters leave nothing, ``ExportError`` (``ChromiumNotFoundError``) when no image could
be drawn. A failed export leaves no partial file.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.export.formats import DATA_FORMATS, Output, output_format
from dashboard.export.images import ImageExporter, chart_html, figure_bytes
from dashboard.export.print_figure import default_title, print_size, print_view
from dashboard.export.timelinejs import timelinejs
from dashboard.store.filters import FilterState
from dashboard.store.interface import first_by_date
from extract import serialize
from extract.errors import NoEventsError
from extract.schema import coerce

if TYPE_CHECKING:
    from dashboard.store.interface import EventStore



@dataclass(frozen=True, slots=True)
class Exported:
    """What ``export_view`` wrote: the format, and how many events matched the filters."""

    fmt: str
    events: int


def export_view(
    store: EventStore,
    state: FilterState,
    output: Output,
    *,
    fmt: str | None = None,
    title: str | None = None,
    group_by: str = "lanes",
    x_range: tuple[date, date] | None = None,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
    exporter: ImageExporter | None = None,
) -> Exported:
    """Write the events passing ``state`` to ``output`` as a print-ready chart or as data.

    ``fmt`` defaults to the one ``output``'s extension names. Images and HTML carry a title
    (``title``, or one naming the filters), a legend and a source credit line, and keep the zoom
    ``x_range``; data formats hold every match whatever the zoom. ``width``, ``height`` and
    ``scale`` size images; ``exporter`` is the Chromium to draw with (default: the shared one).
    """
    chosen = output_format(output, fmt)
    events = store.count(state)
    if events == 0:
        raise NoEventsError(_nothing_matches(store, state))
    if chosen in DATA_FORMATS:
        frame = matching_rows(store, state)
        if chosen == "parquet":
            _write_parquet(frame, output)
            return Exported(chosen, events)
        if chosen == "timelinejs":
            title = title or default_title(events, actors=state.actors,
                                           date_from=state.date_from, date_to=state.date_to)
            story = timelinejs(frame, title=title)
            text = json.dumps(story, ensure_ascii=False, indent=1)
        else:
            text = serialize.to_csv(frame) if chosen == "csv" else serialize.to_json(frame)
        _write(output, text.encode("utf-8"))
        return Exported(chosen, events)
    fig = print_view(store, state, title=title, group_by=group_by, x_range=x_range, width=width,
                     height=height)
    if chosen == "html":  # a page: let it fill the browser window's width
        data = chart_html(fig.update_layout(width=None, autosize=True)).encode("utf-8")
    else:
        w, h = print_size(fig)
        data = figure_bytes(fig, chosen, width=w, height=h, scale=scale,  # type: ignore[arg-type]
                            exporter=exporter)
    _write(output, data)
    return Exported(chosen, events)


def export_filters(
    store: EventStore,
    *,
    actors: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> FilterState:
    """The filters ``dateline export`` was given, with each actor spelled as the events spell
    it (``--actor "mark rutte"`` finds Mark Rutte); an unknown name is kept as typed."""
    known = {name.casefold(): name for name, _ in store.actor_counts()} if actors else {}
    return FilterState(
        actors=tuple(dict.fromkeys(known.get(a.casefold(), a) for a in actors)),
        date_from=date_from,
        date_to=date_to,
    )


def matching_rows(store: EventStore, state: FilterState) -> pd.DataFrame:
    """Every event passing ``state``, all columns, earliest first (ties by event_id, undated
    last): the table's order, so a CSV reads like the timeline."""
    frame = store.rows(state)
    return coerce(first_by_date(frame, len(frame)).reset_index(drop=True))


def _nothing_matches(store: EventStore, state: FilterState) -> str:
    if store.empty:
        return "No events were found in the input, so there is nothing to export."
    counts = store.actor_counts()
    known = {name for name, _ in counts}
    unknown = [a for a in state.actors if a not in known]
    if unknown:
        folded = {name.casefold(): name for name in known}
        close = [folded[m] for a in unknown
                 for m in difflib.get_close_matches(a.casefold(), list(folded), n=3)]
        names = list(dict.fromkeys([*close, *(name for name, _ in counts)]))[:8]
        return (f"No event involves {', '.join(unknown)}; actors in these articles: "
                f"{', '.join(names) or 'none'}.")
    return "No event matches these filters; widen the dates or drop an actor."


def _write(output: Output, data: bytes) -> None:
    if isinstance(output, str | Path):
        with _naming(output), serialize.atomic_path(Path(output)) as tmp:
            Path(tmp).write_bytes(data)
    else:
        output.write(data)


def _write_parquet(frame: pd.DataFrame, output: Output) -> None:
    if isinstance(output, str | Path):
        with _naming(output):
            serialize.write(frame, output, "parquet")
    else:
        frame.to_parquet(output, index=False)


@contextmanager
def _naming(target: str | Path) -> Iterator[None]:
    """A failed write names the file asked for, not the temporary file beside it."""
    try:
        yield
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from error
