"""Exports of a view: the chart as PNG, SVG, PDF or HTML, the events as CSV, JSON or Parquet.

Images come from ``dashboard.export.images`` (a warm system Chromium through kaleido); the data
formats delegate to ``extract.serialize``, which owns the on-disk shape of the frame. This module
adds the whole export the CLI runs: load, filter, draw, write.

Errors::

    ExportError               an image could not be made (browser failed, render timed out)
     +-- ChromiumNotFoundError  no Chromium on this machine
    NoEventsError (ValueError) the filters leave nothing to export
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.export.images import (  # noqa: F401  (re-exported: the export API in one place)
    IMAGE_FORMATS,
    ChromiumNotFoundError,
    ExportError,
    ImageExporter,
    chart_html,
    figure_bytes,
    find_chromium,
    shared_exporter,
    warm_up_in_background,
)
from extract import serialize
from extract.errors import NoEventsError  # noqa: F401  (raised here)


def events_csv(frame: pd.DataFrame) -> str:
    """CSV of the events, actors joined by "; " (``schema.coerce`` splits them back)."""
    return serialize.to_csv(frame)


def events_json(frame: pd.DataFrame) -> str:
    """A JSON list of events: the schema's columns, actors a list, dates ``YYYY-MM-DD``."""
    return serialize.to_json(frame)


def events_parquet(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the events to a Parquet file (atomically)."""
    serialize.write(frame, path, "parquet")


# --- A whole export: load, filter, draw, write ---------------------------------------------

OUTPUT_FORMATS: tuple[str, ...] = (*IMAGE_FORMATS, "html", "csv", "json", "parquet", "timelinejs")


def output_format(output: Path, fmt: str | None = None) -> str:
    """The format ``fmt`` names, else the one ``output``'s extension names."""
    chosen = (fmt or output.suffix.lstrip(".")).lower()
    if chosen == "htm":
        chosen = "html"
    if chosen not in OUTPUT_FORMATS:
        raise ValueError(
            f"cannot tell the format of {output.name!r}; end it in .png, .svg, .pdf, .html, "
            ".csv, .json or .parquet, or pass --format timelinejs"
        )
    return chosen


def filter_events(
    frame: pd.DataFrame,
    *,
    actors: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """The rows involving any of ``actors`` (any letter case) that overlap the date range."""
    from dashboard.store.filters import EventIndex, FilterState, apply_filters

    known = _canonical_actors(frame)
    state = FilterState(
        actors=tuple(known.get(a.casefold(), a) for a in actors),
        date_from=date_from,
        date_to=date_to,
    )
    chosen = apply_filters(EventIndex.build(frame), state)
    if chosen.empty:
        raise NoEventsError(_nothing_matches(frame, actors, known))
    return chosen


def _canonical_actors(frame: pd.DataFrame) -> dict[str, str]:
    """Case-folded name -> the name as the frame spells it."""
    return {str(a).casefold(): str(a) for a in frame["actors"].explode().dropna()}


def _nothing_matches(frame: pd.DataFrame, actors: Sequence[str], known: dict[str, str]) -> str:
    if frame.empty:
        return "No events were found in the input, so there is nothing to export."
    unknown = [a for a in actors if a.casefold() not in known]
    if unknown:
        names = ", ".join(sorted(known.values())[:8]) or "none"
        return f"No event involves {', '.join(unknown)}; actors in these articles: {names}."
    return "No event matches these filters; widen the dates or drop an actor."


def export_view(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    published: date | None = None,
    actors: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    **options: Any,
) -> tuple[str, int]:
    """``dateline export`` as a function: load, filter, write; returns (format, events written).

    ``options`` go to ``write_export`` (fmt, title, group_by, width, height, scale, exporter).
    """
    from dashboard.store.open import load  # the same reading as ``dateline serve``

    everything, _articles = load(paths, published=published)
    frame = filter_events(everything, actors=actors, date_from=date_from, date_to=date_to)
    if not options.get("title"):
        from dashboard.export.print_figure import default_title

        names = tuple(_canonical_actors(everything).get(a.casefold(), a) for a in actors)
        options["title"] = default_title(frame, actors=names, date_from=date_from,
                                         date_to=date_to)
    return write_export(frame, output, **options), len(frame)


def write_export(
    frame: pd.DataFrame,
    output: str | Path,
    *,
    fmt: str | None = None,
    title: str | None = None,
    group_by: str = "lanes",
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
    exporter: ImageExporter | None = None,
) -> str:
    """Write ``frame`` to ``output`` as a print-ready chart or as data; return the format used.

    Images and HTML carry a title (``title`` or one describing the frame), a legend and a source
    credit line. Files appear atomically: a failed export leaves no partial file.
    """
    target = Path(output)
    chosen = output_format(target, fmt)
    if chosen == "parquet":
        events_parquet(frame, target)
        return chosen
    if chosen in ("csv", "json", "timelinejs"):
        text = _timelinejs_text(frame, title) if chosen == "timelinejs" else (
            events_csv(frame) if chosen == "csv" else events_json(frame))
        _write(target, text.encode("utf-8"))
        return chosen
    from dashboard.export.print_figure import print_figure

    fig = print_figure(frame, title=title, group_by=group_by, width=width, height=height)
    if chosen == "html":  # a page: let it fill the browser window's width
        data = chart_html(fig.update_layout(width=None, autosize=True)).encode("utf-8")
    else:
        data = figure_bytes(fig, chosen, width=int(fig.layout.width),  # type: ignore[arg-type]
                            height=int(fig.layout.height), scale=scale, exporter=exporter)
    _write(target, data)
    return chosen


def _timelinejs_text(frame: pd.DataFrame, title: str | None) -> str:
    import json

    from dashboard.export.timelinejs import timelinejs

    return json.dumps(timelinejs(frame, title=title or "Dateline"), ensure_ascii=False, indent=1)


def _write(target: Path, data: bytes) -> None:
    with serialize.atomic_path(target) as tmp:
        Path(tmp).write_bytes(data)
