"""``dateline export``: filtered timelines as pages or data, from articles, a saved file or a
saved set too big to read into memory; and the dashboard's export button writing the same file.

Images need Chromium, so the image exports are in ``tests/system/test_cli_image_export.py``; the
refusals here all come before any browser would start.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from exports import run_export

from dashboard.export import images as image_export
from extract import serialize


def test_an_html_export_is_an_offline_page_with_the_events(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "chart.html"
    code, output = run_export(str(events_file), "-o", str(out))
    assert code == 0, output
    page = out.read_text(encoding="utf-8")
    assert "Rutte visits Istanbul" in page
    assert "Sources: seed 000, seed 001" in page


def test_a_csv_export_keeps_only_events_overlapping_the_dates(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "june.csv"
    code, output = run_export(str(events_file), "--from", "2024-06-01", "--to", "2024-06-30",
                        "-o", str(out))
    assert code == 0, output
    frame = serialize.read(out)
    assert 0 < len(frame) < 20
    assert (frame["date_end"] >= pd.Timestamp("2024-06-01")).all()
    assert (frame["date_start"] <= pd.Timestamp("2024-06-30")).all()


def test_a_json_export_lists_events_with_iso_dates(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    code, _ = run_export(str(events_file), "--actor", "Viktor Orban", "-o", str(out))
    assert code == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records and all("Viktor Orban" in r["actors"] for r in records)
    assert all(len(r["date_start"]) == 10 for r in records)


def test_timelinejs_is_chosen_with_format(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "story.json"
    code, output = run_export(str(events_file), "--format", "timelinejs", "--title", "Rutte & NATO",
                        "-o", str(out))
    assert code == 0, output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "Rutte &amp; NATO"
    assert any(e["text"]["headline"] == "NATO is founded" for e in doc["events"])


def test_a_parquet_export_reads_back(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    code, _ = run_export(str(events_file), "-o", str(out))
    assert code == 0
    assert len(serialize.read(out)) == 20


def test_an_unknown_actor_is_named_with_the_actors_there_are(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.png"
    code, output = run_export(str(events_file), "--actor", "Mark Rute", "-o", str(out))
    assert code == 1
    assert "Error: No event involves Mark Rute; actors in these articles:" in output
    assert "Mark Rutte" in output
    assert not out.exists()


def test_an_output_without_a_known_extension_is_refused(events_file: Path, tmp_path: Path) -> None:
    code, output = run_export(str(events_file), "-o", str(tmp_path / "chart.gif"))
    assert code == 2
    assert "Cannot tell the format of 'chart.gif'" in output


def test_from_after_to_is_refused(events_file: Path, tmp_path: Path) -> None:
    code, output = run_export(str(events_file), "--from", "2024-07-01", "--to", "2024-06-01",
                        "-o", str(tmp_path / "x.csv"))
    assert code == 2
    assert "--from is after --to" in output


def test_images_below_1000_by_400_are_refused(events_file: Path, tmp_path: Path) -> None:
    code, output = run_export(str(events_file), "--width", "640", "-o", str(tmp_path / "x.png"))
    assert code == 2
    assert "640 is not in the range x>=1000" in output


def test_a_missing_chromium_fails_in_one_sentence(
    events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(image_export, "_shared", None)  # a fresh exporter, not the warm one
    monkeypatch.setenv("DATELINE_CHROMIUM", "/nonexistent/chromium")
    out = tmp_path / "chart.png"
    code, output = run_export(str(events_file), "-o", str(out))
    assert code == 1
    assert output.strip().startswith("Error: DATELINE_CHROMIUM='/nonexistent/chromium'")
    assert "apt-get install chromium" in output
    assert output.strip().count("\n") == 0
    assert not out.exists()


def test_an_output_that_cannot_be_written_is_one_sentence_naming_it(
    events_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "report").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "report" / "events.csv"
    code, output = run_export(str(events_file), "-o", str(out))
    assert code == 1
    assert output.startswith("Error: ") and output.strip().endswith(f"{out}.")
    assert output.strip().count("\n") == 0 and "Traceback" not in output


def test_with_no_path_the_bundled_seeds_are_exported(tmp_path: Path) -> None:
    out = tmp_path / "seeds.csv"
    code, output = run_export("-o", str(out))
    assert code == 0, output
    frame = serialize.read(out)
    assert set(frame["doc_id"]) == {"000_ae0033b23e868a57", "001_337b95fca48f7d8d"}


# --- a saved set above LARGE_SET: opened with DuckDB, exported without reading it whole --------




def _involving(frame: pd.DataFrame, actor: str) -> pd.DataFrame:
    return frame[[actor in actors for actors in frame["actors"]]]


def test_a_set_above_the_large_set_size_is_opened_in_place(
    large_set: tuple[Path, pd.DataFrame],
) -> None:
    from dashboard.store.duckdb_store import DuckStore
    from dashboard.store.open import load

    assert isinstance(load([large_set[0]])[0], DuckStore)  # what the export used to choke on


def test_a_csv_export_of_a_large_set_holds_every_event_earliest_first(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    path, frame = large_set
    out = tmp_path / "all.csv"
    code, output = run_export(str(path), "-o", str(out))
    assert code == 0, output
    assert f"{len(frame)} events -> {out} (csv)" in output
    back = serialize.read(out)
    assert len(back) == len(frame) and set(back["event_id"]) == set(frame["event_id"])
    assert back["date_start"].is_monotonic_increasing
    row = back.iloc[len(back) // 2]
    original = frame.set_index("event_id").loc[row["event_id"]]
    assert (row["label"], row["actors"]) == (original["label"], original["actors"])


def test_an_actor_export_of_a_large_set_holds_exactly_that_actors_events(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    path, frame = large_set
    out = tmp_path / "orban.json"
    code, output = run_export(str(path), "--actor", "viktor orban", "-o", str(out))
    assert code == 0, output
    records = json.loads(out.read_text(encoding="utf-8"))
    expected = _involving(frame, "Viktor Orban")
    assert 0 < len(records) < len(frame)
    assert sorted(r["event_id"] for r in records) == sorted(expected["event_id"])
    assert all("Viktor Orban" in r["actors"] for r in records)


def test_a_misspelt_actor_in_a_large_set_is_answered_with_the_name_meant(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    code, output = run_export(str(large_set[0]), "--actor", "Viktor Orbán", "-o",
                        str(tmp_path / "x.csv"))
    assert code == 1
    assert output.startswith("Error: No event involves Viktor Orbán; actors in these articles: "
                             "Viktor Orban, ")
    assert not (tmp_path / "x.csv").exists()


def test_the_export_button_and_the_cli_write_the_same_csv_for_the_same_filters(
    large_set: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    from dashboard.store.corpus import Corpus
    from dashboard.store.filters import FilterState
    from dashboard.store.open import load
    from dashboard.ui.handlers import export_outputs, filter_state, view_state

    path, frame = large_set
    out = tmp_path / "cli.csv"
    code, output = run_export(str(path), "--actor", "NATO", "--from", "2010-01-01", "--to",
                        "2015-12-31", "-o", str(out))
    assert code == 0, output
    written = out.read_text(encoding="utf-8")
    state = filter_state(["NATO"], None, "2010-01-01", "2015-12-31")
    assert state == FilterState(actors=("NATO",), date_from=pd.Timestamp("2010-01-01").date(),
                                date_to=pd.Timestamp("2015-12-31").date())
    for corpus in (Corpus(load([path])[0]), Corpus(frame)):  # DuckDB, and a frame in memory
        view = view_state(corpus, "lanes", False, None, None)
        download = export_outputs(corpus, "csv", state, view)
        assert download["filename"] == "dateline-events.csv"
        assert download["content"] == written, type(corpus.store).__name__
    assert written.count("\n") - 1 == len(
        _involving(frame, "NATO").query("date_end >= '2010-01-01' and date_start <= '2015-12-31'")
    )


def test_a_chart_exported_for_a_date_window_spans_that_window(
    events_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "june.html"
    code, output = run_export(str(events_file), "--from", "2024-06-01", "--to", "2024-06-30",
                              "-o", str(out))
    assert code == 0, output
    assert '"range":["2024-06-01","2024-06-30"]' in out.read_text(encoding="utf-8")


def test_a_chart_exported_without_dates_spans_its_events(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    code, output = run_export(str(events_file), "-o", str(out))
    assert code == 0, output
    assert '"range":["2024-06-01","2024-06-30"]' not in out.read_text(encoding="utf-8")
