"""``dateline export`` to PNG, SVG and PDF: size, marks, title, legend and credit, checked in the
files; and a saved set too big to read into memory drawn as counts per time bin.

System tier: every test here starts the system Chromium (skipped, with the reason, when there is
none). The browserless export tests are in ``tests/unit/test_cli_export.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from exports import run_export

from dashboard.export.chromium import find_chromium
from extract.errors import ChromiumNotFoundError
from extract.settings import LARGE_SET


def _chromium_or_skip() -> None:
    try:
        find_chromium()
    except ChromiumNotFoundError as error:
        pytest.skip(f"image export needs Chromium: {error}")






def test_a_png_export_is_at_least_1000_by_400_and_not_blank(
    events_file: Path, tmp_path: Path
) -> None:
    from PIL import Image

    _chromium_or_skip()
    out = tmp_path / "chart.png"
    code, output = run_export(str(events_file), "-o", str(out))
    assert code == 0, output
    assert "20 events" in output and "(png)" in output
    image = Image.open(out)
    assert image.width >= 1000 and image.height >= 400
    pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    assert len(np.unique(pixels, axis=0)) > 50, "the chart is blank"
    dark = (pixels.sum(axis=1) < 200).sum()
    assert dark > 2000, "no text drawn"


def test_an_svg_for_one_actor_shows_their_events_names_and_credit(
    events_file: Path, tmp_path: Path
) -> None:
    _chromium_or_skip()
    out = tmp_path / "rutte.svg"
    code, output = run_export(str(events_file), "--actor", "mark rutte", "-o", str(out))
    assert code == 0, output
    svg = out.read_text(encoding="utf-8")
    assert "Rutte seals a deal with Orban" in svg
    assert "Russia annexes Crimea" not in svg  # not one of Mark Rutte's events
    assert "Timeline: Mark Rutte" in svg  # the title names the actor as the data spells it
    assert "Main actors: Mark Rutte" in svg
    assert "Sources: seed 000, seed 001" in svg
    assert "Happened · day" in svg  # the legend


def test_a_pdf_export_has_a_page_with_labels_and_the_credit_line(
    events_file: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    _chromium_or_skip()
    out = tmp_path / "chart.pdf"
    code, output = run_export(str(events_file), "--title", "Rutte's road to NATO", "-o", str(out))
    assert code == 0, output
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Rutte's road to NATO" in text
    assert "Stoltenberg's term ends" in text
    assert "dates extracted with Dateline" in text


def test_grouping_by_actor_prints_each_actor_as_a_band(events_file: Path, tmp_path: Path) -> None:
    _chromium_or_skip()
    out = tmp_path / "bands.svg"
    code, output = run_export(str(events_file), "--group-by", "actor", "-o", str(out))
    assert code == 0, output
    svg = out.read_text(encoding="utf-8")
    assert ">Jens Stoltenberg<" in svg and ">Viktor Orban<" in svg


def test_png_bytes_are_a_real_image(events_file: Path, tmp_path: Path) -> None:
    from PIL import Image

    _chromium_or_skip()
    out = tmp_path / "big.png"
    code, _ = run_export(str(events_file), "--scale", "2", "--width", "1200", "--height", "500",
                   "-o", str(out))
    assert code == 0
    assert Image.open(io.BytesIO(out.read_bytes())).size == (2400, 1000)


# --- a saved set above LARGE_SET ---------------------------------------------------------------




def _not_blank(path: Path) -> np.ndarray:
    from PIL import Image

    image = Image.open(path)
    assert image.width >= 1000 and image.height >= 400
    pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    assert len(np.unique(pixels, axis=0)) > 50, "the chart is blank"
    assert (pixels.sum(axis=1) < 200).sum() > 500, "no text drawn"  # title, axes, credit
    return pixels


def test_a_png_of_a_large_set_is_drawn_from_counts_per_bin(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    _chromium_or_skip()
    path, frame = large_set
    out = tmp_path / "all.png"
    code, output = run_export(str(path), "-o", str(out))
    assert code == 0, output
    assert f"{len(frame)} events -> {out} (png)" in output
    pixels = _not_blank(out)
    blue = (pixels[:, 2] > 150) & (pixels[:, 0] < 120)  # the bars of happened events
    assert blue.sum() > 5000, "no count bars drawn"


def test_a_png_for_one_actor_of_a_large_set_is_titled_with_their_name(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    _chromium_or_skip()
    path, frame = large_set
    out = tmp_path / "nato.png"
    code, output = run_export(str(path), "--actor", "nato", "-o", str(out))
    assert code == 0, output
    matched = sum("NATO" in actors for actors in frame["actors"])
    assert f"{matched} events -> {out} (png)" in output
    _not_blank(out)


def test_an_svg_of_a_large_set_says_what_it_counts_and_where_it_comes_from(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    _chromium_or_skip()
    path, frame = large_set
    out = tmp_path / "until-2024.svg"
    code, output = run_export(str(path), "--to", "2024-12-31", "-o", str(out))
    assert code == 0, output
    svg = out.read_text(encoding="utf-8")
    matched = int((frame["date_start"] <= pd.Timestamp("2024-12-31")).sum())
    assert matched > LARGE_SET // 2  # too many to draw one by one
    assert f"Timeline: until 2024-12-31 ({matched:,} events)" in svg
    assert ">events<" in svg  # the count axis: bins, not thousands of marks
    assert "Main actors: " in svg
    assert "Sources: Source 00, Source 01, Source 02, Source 03 and " in svg
