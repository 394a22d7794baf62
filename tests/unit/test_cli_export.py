"""``dateline export``: filtered timelines as images with title, legend and credit, or as data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from dashboard.cli import cli
from dashboard.export import images as image_export
from dashboard.export import view as export
from dashboard.export.view import ChromiumNotFoundError
from dashboard.store.synthetic import seed_like_frame
from extract import serialize


def _chromium_or_skip() -> None:
    try:
        export.find_chromium()
    except ChromiumNotFoundError as error:
        pytest.skip(f"image export needs Chromium: {error}")


@pytest.fixture(scope="module")
def events_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-like events saved as JSON: export tests need not wait for extraction."""
    path = tmp_path_factory.mktemp("events") / "events.json"
    serialize.write(seed_like_frame(), path)
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_a_png_export_is_at_least_1000_by_400_and_not_blank(
    events_file: Path, tmp_path: Path
) -> None:
    from PIL import Image

    _chromium_or_skip()
    out = tmp_path / "chart.png"
    code, output = _run(str(events_file), "-o", str(out))
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
    code, output = _run(str(events_file), "--actor", "mark rutte", "-o", str(out))
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
    code, output = _run(str(events_file), "--title", "Rutte's road to NATO", "-o", str(out))
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
    code, output = _run(str(events_file), "--group-by", "actor", "-o", str(out))
    assert code == 0, output
    svg = out.read_text(encoding="utf-8")
    assert ">Jens Stoltenberg<" in svg and ">Viktor Orban<" in svg


def test_an_html_export_is_an_offline_page_with_the_events(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "chart.html"
    code, output = _run(str(events_file), "-o", str(out))
    assert code == 0, output
    page = out.read_text(encoding="utf-8")
    assert "Rutte visits Istanbul" in page
    assert "Sources: seed 000, seed 001" in page


def test_a_csv_export_keeps_only_events_overlapping_the_dates(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "june.csv"
    code, output = _run(str(events_file), "--from", "2024-06-01", "--to", "2024-06-30",
                        "-o", str(out))
    assert code == 0, output
    frame = serialize.read(out)
    assert 0 < len(frame) < 20
    assert (frame["date_end"] >= pd.Timestamp("2024-06-01")).all()
    assert (frame["date_start"] <= pd.Timestamp("2024-06-30")).all()


def test_a_json_export_lists_events_with_iso_dates(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    code, _ = _run(str(events_file), "--actor", "Viktor Orban", "-o", str(out))
    assert code == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records and all("Viktor Orban" in r["actors"] for r in records)
    assert all(len(r["date_start"]) == 10 for r in records)


def test_timelinejs_is_chosen_with_format(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "story.json"
    code, output = _run(str(events_file), "--format", "timelinejs", "--title", "Rutte & NATO",
                        "-o", str(out))
    assert code == 0, output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "Rutte &amp; NATO"
    assert any(e["text"]["headline"] == "NATO is founded" for e in doc["events"])


def test_a_parquet_export_reads_back(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    code, _ = _run(str(events_file), "-o", str(out))
    assert code == 0
    assert len(serialize.read(out)) == 20


def test_an_unknown_actor_is_named_with_the_actors_there_are(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.png"
    code, output = _run(str(events_file), "--actor", "Mark Rute", "-o", str(out))
    assert code == 1
    assert "Error: No event involves Mark Rute; actors in these articles:" in output
    assert "Mark Rutte" in output
    assert not out.exists()


def test_an_output_without_a_known_extension_is_refused(events_file: Path, tmp_path: Path) -> None:
    code, output = _run(str(events_file), "-o", str(tmp_path / "chart.gif"))
    assert code == 2
    assert "cannot tell the format of 'chart.gif'" in output


def test_from_after_to_is_refused(events_file: Path, tmp_path: Path) -> None:
    code, output = _run(str(events_file), "--from", "2024-07-01", "--to", "2024-06-01",
                        "-o", str(tmp_path / "x.csv"))
    assert code == 2
    assert "--from is after --to" in output


def test_images_below_1000_by_400_are_refused(events_file: Path, tmp_path: Path) -> None:
    code, output = _run(str(events_file), "--width", "640", "-o", str(tmp_path / "x.png"))
    assert code == 2
    assert "640 is not in the range x>=1000" in output


def test_a_missing_chromium_fails_in_one_sentence(
    events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(image_export, "_shared", None)  # a fresh exporter, not the warm one
    monkeypatch.setenv("DATELINE_CHROMIUM", "/nonexistent/chromium")
    out = tmp_path / "chart.png"
    code, output = _run(str(events_file), "-o", str(out))
    assert code == 1
    assert output.strip().startswith("Error: DATELINE_CHROMIUM='/nonexistent/chromium'")
    assert "apt-get install chromium" in output
    assert output.strip().count("\n") == 0
    assert not out.exists()


def test_with_no_path_the_bundled_seeds_are_exported(tmp_path: Path) -> None:
    out = tmp_path / "seeds.csv"
    code, output = _run("-o", str(out))
    assert code == 0, output
    frame = serialize.read(out)
    assert set(frame["doc_id"]) == {"000_ae0033b23e868a57", "001_337b95fca48f7d8d"}


def test_png_bytes_are_a_real_image(events_file: Path, tmp_path: Path) -> None:
    from PIL import Image

    _chromium_or_skip()
    out = tmp_path / "big.png"
    code, _ = _run(str(events_file), "--scale", "2", "--width", "1200", "--height", "500",
                   "-o", str(out))
    assert code == 0
    assert Image.open(io.BytesIO(out.read_bytes())).size == (2400, 1000)
