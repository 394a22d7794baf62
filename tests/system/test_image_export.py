"""Images through the warm Chromium, checked for content: size, marks, text, pages, restarts.

System tier: every test here starts a real headless Chromium (skipped, with the reason, when
there is none). The browserless export tests are in ``tests/unit/test_export.py``.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from exports import sample_figure

from dashboard.export.chromium import find_chromium
from dashboard.export.images import ImageExporter, figure_bytes
from extract.errors import ChromiumNotFoundError


def _chromium_or_skip() -> str:
    try:
        return find_chromium()
    except ChromiumNotFoundError as error:
        pytest.skip(f"image export needs Chromium: {error}")


@pytest.fixture(scope="module")
def exporter() -> Iterator[ImageExporter]:
    path = _chromium_or_skip()
    with ImageExporter(path) as warm:
        yield warm




def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)


def _red_pixels(png: bytes) -> int:
    r, g, b = _pixels(png).T
    return int(((r > 180) & (g < 80) & (b < 80)).sum())


def test_a_png_has_the_asked_size_and_shows_the_markers(exporter: ImageExporter) -> None:
    from PIL import Image

    png = figure_bytes(sample_figure(), "png", width=1000, height=400, exporter=exporter)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1000, 400)
    assert len(np.unique(_pixels(png), axis=0)) > 20, "the image is blank"
    assert _red_pixels(png) > 3 * 24 * 10, "the three red markers are missing"


def test_scale_multiplies_the_png_resolution(exporter: ImageExporter) -> None:
    from PIL import Image

    png = figure_bytes(sample_figure(), "png", width=600, height=300, scale=2, exporter=exporter)
    assert Image.open(io.BytesIO(png)).size == (1200, 600)


def test_an_svg_carries_labels_and_names_as_text(exporter: ImageExporter) -> None:
    svg = figure_bytes(sample_figure(), "svg", width=1000, height=400, exporter=exporter).decode()
    assert svg.lstrip().startswith("<svg")
    assert "Mark Rutte clinches the race" in svg
    assert ">Mark Rutte<" in svg  # legend entry
    assert "Rutte to lead NATO" in svg


def test_a_pdf_has_one_page_with_the_labels_as_text(exporter: ImageExporter) -> None:
    from pypdf import PdfReader

    pdf = figure_bytes(sample_figure(), "pdf", width=1000, height=400, exporter=exporter)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Jens Stoltenberg leaves" in text
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height) * 2  # landscape 1000x400


def test_the_browser_stays_warm_between_exports(exporter: ImageExporter) -> None:
    figure_bytes(sample_figure(), "svg", exporter=exporter)
    browser = exporter._kaleido
    figure_bytes(sample_figure(), "png", exporter=exporter)
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
        fresh.render(sample_figure(), "svg", width=500, height=300)
        wrapper = fresh._kaleido.subprocess  # choreographer's wrapper around Chromium
        before = fresh._kaleido
        chromium = _children(wrapper.pid)
        assert chromium, "Chromium's process was not found"
        for pid in chromium:
            os.kill(pid, signal.SIGKILL)  # Chromium crashes
        wrapper.wait(10)  # and the wrapper follows it
        svg = fresh.render(sample_figure(), "svg", width=500, height=300)
        assert b"Mark Rutte clinches the race" in svg
        assert fresh._kaleido is not before


def test_exports_from_many_threads_all_succeed(exporter: ImageExporter) -> None:
    formats = ["png", "svg", "pdf"] * 3
    with ThreadPoolExecutor(max_workers=5) as pool:
        def draw(fmt: str) -> bytes:
            return figure_bytes(sample_figure(), fmt, width=500, height=300, exporter=exporter)

        results = list(pool.map(draw, formats))
    magic = {"png": b"\x89PNG", "svg": b"<svg", "pdf": b"%PDF"}
    assert [r[:4] for r in results] == [magic[f] for f in formats]

