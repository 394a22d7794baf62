"""Exports: images through the warm Chromium (checked for content), and the data formats."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.export import images as image_export
from dashboard.export import view as export
from dashboard.export.view import (
    ChromiumNotFoundError,
    ImageExporter,
    chart_html,
    events_csv,
    events_json,
    events_parquet,
    figure_bytes,
)
from extract import serialize
from extract.schema import from_records, validate


def _chromium_or_skip() -> str:
    try:
        return export.find_chromium()
    except ChromiumNotFoundError as error:
        pytest.skip(f"image export needs Chromium: {error}")


@pytest.fixture(scope="module")
def exporter() -> Iterator[ImageExporter]:
    path = _chromium_or_skip()
    with ImageExporter(path) as warm:
        yield warm


def _figure() -> go.Figure:
    fig = go.Figure(
        go.Scatter(
            x=["1949-04-04", "2024-06-20", "2024-10-01"],
            y=[1, 2, 1],
            text=["NATO founded", "Mark Rutte clinches the race", "Jens Stoltenberg leaves"],
            mode="markers+text",
            textposition="top center",
            marker={"size": 24, "color": "rgb(220,20,20)"},
            name="Mark Rutte",
        )
    )
    fig.update_layout(title="Rutte to lead NATO", showlegend=True, template="plotly_white")
    fig.update_xaxes(range=["1930-01-01", "2045-12-31"])  # room for the last label
    return fig


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)


def _red_pixels(png: bytes) -> int:
    r, g, b = _pixels(png).T
    return int(((r > 180) & (g < 80) & (b < 80)).sum())


def test_a_png_has_the_asked_size_and_shows_the_markers(exporter: ImageExporter) -> None:
    from PIL import Image

    png = figure_bytes(_figure(), "png", width=1000, height=400, exporter=exporter)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1000, 400)
    assert len(np.unique(_pixels(png), axis=0)) > 20, "the image is blank"
    assert _red_pixels(png) > 3 * 24 * 10, "the three red markers are missing"


def test_scale_multiplies_the_png_resolution(exporter: ImageExporter) -> None:
    from PIL import Image

    png = figure_bytes(_figure(), "png", width=600, height=300, scale=2, exporter=exporter)
    assert Image.open(io.BytesIO(png)).size == (1200, 600)


def test_an_svg_carries_labels_and_names_as_text(exporter: ImageExporter) -> None:
    svg = figure_bytes(_figure(), "svg", width=1000, height=400, exporter=exporter).decode()
    assert svg.lstrip().startswith("<svg")
    assert "Mark Rutte clinches the race" in svg
    assert ">Mark Rutte<" in svg  # legend entry
    assert "Rutte to lead NATO" in svg


def test_a_pdf_has_one_page_with_the_labels_as_text(exporter: ImageExporter) -> None:
    from pypdf import PdfReader

    pdf = figure_bytes(_figure(), "pdf", width=1000, height=400, exporter=exporter)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Jens Stoltenberg leaves" in text
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height) * 2  # landscape 1000x400


def test_the_browser_stays_warm_between_exports(exporter: ImageExporter) -> None:
    figure_bytes(_figure(), "svg", exporter=exporter)
    browser = exporter._kaleido
    figure_bytes(_figure(), "png", exporter=exporter)
    assert exporter.running and exporter._kaleido is browser


def _children(pid: int) -> list[int]:
    """Direct children of ``pid``, from /proc (Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_a_crashed_browser_is_restarted_for_the_next_export() -> None:
    with ImageExporter(_chromium_or_skip()) as fresh:
        fresh.render(_figure(), "svg", width=500, height=300)
        wrapper = fresh._kaleido.subprocess  # choreographer's wrapper around Chromium
        before = fresh._kaleido
        chromium = _children(wrapper.pid)
        assert chromium, "Chromium's process was not found"
        for pid in chromium:
            os.kill(pid, signal.SIGKILL)  # Chromium crashes
        wrapper.wait(10)  # and the wrapper follows it
        svg = fresh.render(_figure(), "svg", width=500, height=300)
        assert b"Mark Rutte clinches the race" in svg
        assert fresh._kaleido is not before


def test_exports_from_many_threads_all_succeed(exporter: ImageExporter) -> None:
    formats = ["png", "svg", "pdf"] * 3
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(
            pool.map(lambda f: figure_bytes(_figure(), f, width=500, height=300, exporter=exporter),
                     formats)
        )
    magic = {"png": b"\x89PNG", "svg": b"<svg", "pdf": b"%PDF"}
    assert [r[:4] for r in results] == [magic[f] for f in formats]


def test_an_unknown_image_format_is_refused_before_any_browser_starts() -> None:
    idle = ImageExporter("/nonexistent/chromium")
    with pytest.raises(ValueError, match="unknown image format 'gif'"):
        figure_bytes(_figure(), "gif", exporter=idle)  # type: ignore[arg-type]
    assert not idle.running


def test_a_missing_chromium_is_one_clear_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("DATELINE_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(ChromiumNotFoundError, match="apt-get install chromium"):
        figure_bytes(_figure(), "png", exporter=ImageExporter())


def test_no_chromium_anywhere_is_reported_not_downloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.delenv("DATELINE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(image_export, "_TYPICAL_PATHS", ())
    with pytest.raises(ChromiumNotFoundError, match=r"^No Chromium found to export images"):
        export.find_chromium()


def test_chart_html_works_offline_with_plotly_inlined() -> None:
    page = chart_html(_figure())
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
    path.write_text(events_csv(frame), encoding="utf-8")
    back = serialize.read(path)
    validate(back)
    assert back["actors"].tolist() == [["NATO"], ["Jens Stoltenberg", "Mark Rutte"]]
    pd.testing.assert_frame_equal(back, frame)


def test_events_csv_joins_actors_with_a_semicolon() -> None:
    assert "Jens Stoltenberg; Mark Rutte" in events_csv(_events())


def test_events_json_is_a_list_with_iso_dates_and_actor_lists() -> None:
    records = json.loads(events_json(_events()))
    assert isinstance(records, list) and len(records) == 2
    assert records[1]["date_start"] == "2024-10-01"
    assert records[0]["date_end"] == "1949-12-31"
    assert records[1]["actors"] == ["Jens Stoltenberg", "Mark Rutte"]
    assert records[1]["modality"] == "expected"


def test_events_parquet_reads_back_into_the_same_frame(tmp_path: Path) -> None:
    frame = _events()
    events_parquet(frame, tmp_path / "events.parquet")
    pd.testing.assert_frame_equal(serialize.read(tmp_path / "events.parquet"), frame)


# --- print decoration (dashboard/print_figure.py) --------------------------------------------


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
    from datetime import date

    from dashboard.export.print_figure import print_figure
    from dashboard.store.synthetic import seed_like_frame

    fig = print_figure(seed_like_frame(), x_range=(date(2024, 6, 1), date(2024, 7, 31)))
    assert list(fig.layout.xaxis.range) == ["2024-06-01", "2024-07-31"]


def test_warming_up_without_chromium_raises_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image_export, "_shared", None)
    monkeypatch.setenv("DATELINE_CHROMIUM", "/nonexistent/chromium")
    export.warm_up_in_background().join(30)
    assert not export.shared_exporter().running


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
    from extract.schema import empty_frame

    title = default_title(empty_frame(), actors=("Mark Rutte",), date_from=date_from,
                          date_to=date_to)
    assert title == expected
