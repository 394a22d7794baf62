"""Exports without a browser: the one export function over either store, the data formats, the
print decoration, and the refusals that come before any Chromium starts.

Rendering images needs Chromium, so those tests are in ``tests/system/test_image_export.py``;
HTML pages go through the same figure code and need no browser, so the image path's questions to
the store are checked here through HTML.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from exports import sample_figure

from dashboard.export import chromium
from dashboard.export import images as image_export
from dashboard.export.formats import output_format
from dashboard.export.images import ImageExporter, chart_html, figure_bytes
from dashboard.export.view import (
    export_filters,
    export_view,
)
from dashboard.store.duckdb_store import DuckStore
from dashboard.store.filters import FilterState
from dashboard.store.interface import EventStore
from dashboard.store.memory import FrameStore
from dashboard.store.synthetic import synthetic_frame
from extract import serialize
from extract.errors import ChromiumNotFoundError, InputError, NoEventsError
from extract.schema import from_records, validate
from extract.settings import LARGE_SET


def test_an_unknown_image_format_is_refused_before_any_browser_starts() -> None:
    idle = ImageExporter("/nonexistent/chromium")
    with pytest.raises(InputError, match="unknown image format 'gif'"):
        figure_bytes(sample_figure(), "gif", exporter=idle)  # type: ignore[arg-type]
    assert not idle.running


def test_a_missing_chromium_is_one_clear_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("DATELINE_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(ChromiumNotFoundError, match="apt-get install chromium"):
        figure_bytes(sample_figure(), "png", exporter=ImageExporter())


def test_no_chromium_anywhere_is_reported_not_downloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.delenv("DATELINE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(chromium, "TYPICAL_PATHS", ())
    with pytest.raises(ChromiumNotFoundError, match=r"^No Chromium found to export images"):
        chromium.find_chromium()


def test_a_driven_chromium_has_no_window_and_phones_nobody() -> None:
    flags = chromium.selenium_flags(1200, 800, "--hide-scrollbars")
    assert {"--headless=new", "--no-sandbox", "--disable-background-networking"} <= set(flags)
    assert flags[-2:] == ["--window-size=1200,800", "--hide-scrollbars"]


def test_a_chromedriver_named_but_missing_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_CHROMEDRIVER", "/nonexistent/chromedriver")
    assert chromium.find_chromedriver() is None


def test_chart_html_works_offline_with_plotly_inlined() -> None:
    page = chart_html(sample_figure())
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert not re.search(r"<script[^>]+src=", page), "the page loads a script from elsewhere"
    assert "Mark Rutte clinches the race" in page
    assert len(page) > 1_000_000  # plotly.js itself is inside


def _events() -> pd.DataFrame:
    base = {
        "title": "Rutte clinches the race to lead NATO", "source": "seed 000", "url": "",
        "published": "2024-06-20", "published_from": "metadata", "timex_value": "",
        "timex_start": 0, "timex_end": 1, "sentence_start": 0, "modality": "happened",
        "conflict": False,
    }
    return from_records([
        base | {"event_id": "000:10", "doc_id": "000", "date_start": "1949-01-01",
                "date_end": "1949-12-31", "precision": "year", "timex": "1949",
                "sentence": "NATO, founded in 1949, ...", "label": "NATO founded",
                "actors": ["NATO"], "cluster_id": "000:10"},
        base | {"event_id": "000:20", "doc_id": "000", "date_start": "2024-10-01",
                "date_end": "2024-10-01", "precision": "day", "timex": "October 1",
                "sentence": 'Stoltenberg\'s term ends on October 1, "as planned"; then Rutte.',
                "label": "Stoltenberg's term ends", "actors": ["Jens Stoltenberg", "Mark Rutte"],
                "modality": "expected", "cluster_id": "c1"},
    ])


def test_events_csv_reads_back_into_the_same_frame(tmp_path: Path) -> None:
    frame = _events()
    path = tmp_path / "events.csv"
    path.write_text(serialize.to_csv(frame), encoding="utf-8")
    back = serialize.read(path)
    validate(back)
    assert back["actors"].tolist() == [["NATO"], ["Jens Stoltenberg", "Mark Rutte"]]
    pd.testing.assert_frame_equal(back, frame)


def test_events_csv_joins_actors_with_a_semicolon() -> None:
    assert "Jens Stoltenberg; Mark Rutte" in serialize.to_csv(_events())


def test_events_json_is_a_list_with_iso_dates_and_actor_lists() -> None:
    records = json.loads(serialize.to_json(_events()))
    assert isinstance(records, list) and len(records) == 2
    assert records[1]["date_start"] == "2024-10-01"
    assert records[0]["date_end"] == "1949-12-31"
    assert records[1]["actors"] == ["Jens Stoltenberg", "Mark Rutte"]
    assert records[1]["modality"] == "expected"


def test_events_parquet_reads_back_into_the_same_frame(tmp_path: Path) -> None:
    frame = _events()
    serialize.write(frame, tmp_path / "events.parquet", "parquet")
    pd.testing.assert_frame_equal(serialize.read(tmp_path / "events.parquet"), frame)


def test_a_print_figure_has_title_legend_credit_and_no_range_slider() -> None:
    from dashboard.export.print_figure import print_figure
    from dashboard.store.synthetic import seed_like_frame

    fig = print_figure(seed_like_frame(), title="Rutte's road to NATO")
    assert fig.layout.title.text == "Rutte's road to NATO"
    assert fig.layout.title.subtitle.text.startswith("Main actors: Mark Rutte (")
    assert fig.layout.showlegend is True
    assert fig.layout.xaxis.rangeslider.visible is False
    assert fig.layout.width >= 1000 and fig.layout.height >= 400
    credits = [a.text for a in fig.layout.annotations if a.text.startswith("Sources:")]
    assert credits == ["Sources: seed 000, seed 001 (2 articles, published 2024-06-20)"
                       " · dates extracted with Dateline"]


def test_a_print_figure_is_never_smaller_than_1000_by_400() -> None:
    from dashboard.export.print_figure import decorate

    fig = decorate(go.Figure(layout={"width": 300, "height": 200}), title="t", credit="c")
    assert (fig.layout.width, fig.layout.height) == (1000, 400)
    assert decorate(go.Figure(), title="t", credit="c", width=1600).layout.width == 1600


def test_article_text_in_title_and_credit_is_shown_as_text() -> None:
    from dashboard.export.print_figure import decorate

    fig = decorate(go.Figure(), title="<img src=x onerror=alert(1)>", credit="<b>x</b>")
    assert "<" not in fig.layout.title.text
    assert all("<" not in a.text for a in fig.layout.annotations)


def test_a_print_figure_keeps_the_zoom_it_is_given() -> None:
    from dashboard.export.print_figure import print_figure
    from dashboard.store.synthetic import seed_like_frame

    fig = print_figure(seed_like_frame(), x_range=(date(2024, 6, 1), date(2024, 7, 31)))
    assert list(fig.layout.xaxis.range) == ["2024-06-01", "2024-07-31"]


def test_warming_up_without_chromium_raises_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image_export, "_shared", None)
    monkeypatch.setenv("DATELINE_CHROMIUM", "/nonexistent/chromium")
    image_export.warm_up_in_background().join(30)
    assert not image_export.shared_exporter().running


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (date(2023, 1, 1), None, "Timeline: Mark Rutte; from 2023-01-01 (0 events)"),
        (None, date(2024, 6, 30), "Timeline: Mark Rutte; until 2024-06-30 (0 events)"),
        (date(2023, 1, 1), date(2024, 6, 30),
         "Timeline: Mark Rutte; 2023-01-01 to 2024-06-30 (0 events)"),
    ],
)
def test_a_chart_title_names_an_open_date_range_in_words(date_from, date_to, expected) -> None:
    from dashboard.export.print_figure import default_title

    title = default_title(0, actors=("Mark Rutte",), date_from=date_from, date_to=date_to)
    assert title == expected


# --- one export over either store (dashboard/export/view.py) -----------------------------------


Stores = tuple[pd.DataFrame, FrameStore, DuckStore]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Stores:
    """A set above ``LARGE_SET`` (the size ``dateline export`` opens with DuckDB), in memory and
    as a saved Parquet file."""
    frame = synthetic_frame(LARGE_SET + 1_000, seed=11)
    path = tmp_path_factory.mktemp("large") / "events.parquet"
    frame.to_parquet(path, index=False)
    return frame, FrameStore(frame), DuckStore([path])


class Recording:
    """A store that remembers how many rows each of its answers held."""

    def __init__(self, store: EventStore) -> None:
        self.store, self.sizes = store, []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.store, name)
        if not callable(method):
            return method

        def record(*args: Any, **kwargs: Any) -> Any:
            answer = method(*args, **kwargs)
            if isinstance(answer, pd.DataFrame | list):
                self.sizes.append(len(answer))
            return answer

        return record


def _export(store: Any, state: FilterState, fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    export_view(store, state, buffer, fmt=fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("state", "formats"),
    [
        (FilterState(), ("csv",)),  # every row; the other formats on fewer, to stay quick
        (FilterState(actors=("Viktor Orban",)), ("csv", "json", "timelinejs")),
        (FilterState(actors=("NATO",), date_from=date(2010, 1, 1), date_to=date(2012, 12, 31)),
         ("csv", "json", "timelinejs")),
        (FilterState(precisions=("month",), text="talks"), ("csv", "json")),
    ],
)
def test_either_store_exports_the_same_data(
    stores: Stores, state: FilterState, formats: tuple[str, ...]
) -> None:
    _, memory, duck = stores
    for fmt in formats:
        assert _export(memory, state, fmt) == _export(duck, state, fmt), fmt


def test_a_data_export_holds_every_match_earliest_first(stores: Stores) -> None:
    frame, _, duck = stores
    state = FilterState(actors=("Viktor Orban",))
    records = json.loads(_export(duck, state, "json"))
    expected = frame[["Viktor Orban" in actors for actors in frame["actors"]]]
    assert sorted(r["event_id"] for r in records) == sorted(expected["event_id"])
    starts = [r["date_start"] for r in records]
    assert starts == sorted(starts)


def test_a_parquet_export_of_a_large_set_reads_back_whole(stores: Stores, tmp_path: Path) -> None:
    frame, _, duck = stores
    done = export_view(duck, FilterState(), tmp_path / "all.parquet")
    back = serialize.read(tmp_path / "all.parquet")
    assert (done.fmt, done.events, len(back)) == ("parquet", len(frame), len(frame))
    assert set(back["event_id"]) == set(frame["event_id"])


def test_an_image_of_a_large_set_asks_for_counts_per_bin_not_every_row(stores: Stores) -> None:
    frame, _, duck = stores
    recording = Recording(duck)
    page = _export(recording, FilterState(), "html").decode("utf-8")
    assert max(recording.sizes) < len(frame) / 10, recording.sizes  # bins, sources, actors
    assert f"Timeline ({len(frame):,} events)" in page
    assert "Sources: Source 00, Source 01, Source 02, Source 03 and " in page


def test_an_image_keeps_the_zoom_and_names_only_what_it_shows(stores: Stores) -> None:
    _, memory, _ = stores
    week = (date(2024, 6, 3), date(2024, 6, 9))
    page = _export(memory, FilterState(), "html", x_range=week).decode("utf-8")
    shown = memory.extent(FilterState(), tuple(pd.Timestamp(d) for d in week)).count
    assert 0 < shown < 100 and f"Timeline ({shown} events)" in page
    assert '"range":["2024-06-03","2024-06-09"]' in page.replace(" ", "")


def test_a_filter_matching_nothing_is_one_sentence_naming_the_actors_meant(stores: Stores) -> None:
    _, memory, duck = stores
    for store in (memory, duck):
        state = export_filters(store, actors=("Viktor Orbán",))
        with pytest.raises(NoEventsError, match=r"^No event involves Viktor Orbán; actors in "
                                                r"these articles: Viktor Orban, "):
            _export(store, state, "csv")
    dull = FilterState(date_from=date(1800, 1, 1), date_to=date(1800, 12, 31))
    with pytest.raises(NoEventsError, match="widen the dates"):
        _export(duck, dull, "png")  # refused before any browser is asked for


def test_actor_names_in_any_letter_case_are_spelled_as_the_events_spell_them(
    stores: Stores,
) -> None:
    _, _, duck = stores
    state = export_filters(duck, actors=("viktor ORBAN", "nato", "Nobody"))
    assert state.actors == ("Viktor Orban", "NATO", "Nobody")


def test_a_format_that_cannot_be_told_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^Cannot tell the format of 'chart.gif'"):
        output_format(Path("chart.gif"))
    with pytest.raises(InputError, match="Cannot tell the format to write"):
        output_format(io.BytesIO())
    assert output_format(Path("story.json"), "timelinejs") == "timelinejs"
    assert output_format(Path("page.HTM")) == "html"
