"""Curating from the dashboard, no browser: the handlers the curation callbacks call, the
curated corpus every reader sees, and a restart of the server on the same data folder."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from dashboard.serve.server import prepare
from dashboard.store.corpus import Corpus
from dashboard.store.filters import FilterState
from dashboard.store.synthetic import seed_like_articles, seed_like_frame
from dashboard.ui import ids
from dashboard.ui.callbacks import _guarded
from dashboard.ui.curate import curate_outputs, form_values
from dashboard.ui.handlers import export_outputs, view_outputs, view_state
from dashboard.ui.layout import summary_children
from extract import serialize
from extract.curation_log import CurationLog


def fixed_clock() -> datetime:
    return datetime(2024, 6, 21, 9, 30, tzinfo=UTC)


@pytest.fixture
def corpus() -> Corpus:
    corpus = Corpus(seed_like_frame(), seed_like_articles())
    corpus.curations = CurationLog(None, clock=fixed_clock)
    return corpus


def table(corpus: Corpus, show_hidden: bool = False) -> dict[str, dict]:
    view = view_state(corpus, "lanes", False, None, None)
    _, rows, _, _, _ = view_outputs(corpus, FilterState(), view, show_hidden)
    return {row["event_id"]: row for row in rows}


def test_hide_from_the_panel_drops_the_event_everywhere_and_show_hidden_marks_it(corpus):
    said = curate_outputs(corpus, ids.CURATE_HIDE, "000:321", {}, None, None)
    assert said.startswith("Hidden.")
    assert "000:321" not in table(corpus)
    assert table(corpus, show_hidden=True)["000:321"]["hidden"] is True
    assert corpus.summary().events == 19 and corpus.summary().curated == 1
    chips = [" ".join(str(part.children) if hasattr(part, "children") else str(part)
                      for part in chip.children) for chip in summary_children(corpus.summary())]
    assert "1  curated" in chips
    assert form_values(corpus, "000:321")[6:8] == (True, False), "Hide off, Show again on"


def test_saving_the_edit_form_changes_only_what_differs(corpus):
    fields = {"label": "Russia annexes Crimea", "from": "2014-02-27", "to": "2014-03-18",
              "precision": "year", "actors": "Russia", "status": "happened"}
    curate_outputs(corpus, ids.CURATE_SAVE, "001:227", fields, None, None)
    (record,) = corpus.curations.read()
    assert record["who"] == "browser" and record["when"] == "2024-06-21T09:30:00+00:00"
    assert record["changes"] == {"date_start": "2014-02-27", "date_end": "2014-03-18",
                                 "precision": "day", "actors": ["Russia"]}
    assert table(corpus)["001:227"]["when"] == "27 February 2014 – 18 March 2014"


def test_a_label_typed_in_its_table_cell_is_an_edit(corpus):
    change = [{"rowId": "000:449", "colId": "label", "value": "Rutte wins over Erdogan"}]
    curate_outputs(corpus, ids.TABLE, None, {}, None, change)
    assert table(corpus)["000:449"]["label"] == "Rutte wins over Erdogan"


def test_merging_ticked_rows_makes_one_mark_and_undo_from_the_table_splits_it(corpus):
    ticked = [{"event_id": "001:92"}, {"event_id": "000:532"}]
    said = curate_outputs(corpus, ids.CURATE_MERGE, "000:532", {}, ticked, None)
    assert said.startswith("Merged 2 events")
    others = corpus.cluster_others(corpus.event("000:532"))
    assert list(others["event_id"]) == ["001:92"], "each source still a row"
    curate_outputs(corpus, ids.CURATE_TABLE_UNDO, None, {}, None, None)
    assert corpus.cluster_others(corpus.event("000:532")).empty


def test_an_export_from_the_browser_shows_the_curated_timeline(corpus):
    curate_outputs(corpus, ids.CURATE_HIDE, "000:321", {}, None, None)
    curate_outputs(corpus, ids.CURATE_SAVE, "001:227", {"label": "Crimea annexed"}, None, None)
    view = view_state(corpus, "lanes", False, None, None)
    sent = export_outputs(corpus, "json", FilterState(), view)
    events = {e["event_id"]: e for e in json.loads(sent["content"])}
    assert "000:321" not in events and events["001:227"]["label"] == "Crimea annexed"


def test_a_curation_the_browser_cannot_make_is_one_sentence_in_the_error_slot(corpus):
    guarded = _guarded(1, "curate")(
        lambda: curate_outputs(corpus, ids.CURATE_MERGE, None, {}, [{"event_id": "000:321"}],
                               None))
    _, alert = guarded()
    assert alert.children == "Could not curate: A merge needs two or more different events."


def test_a_restarted_server_on_the_same_data_folder_shows_the_curations(tmp_path):
    saved = tmp_path / "events.json"
    serialize.write(seed_like_frame(), saved)
    first = prepare([saved], data_dir=tmp_path / "data").app.server.config["DATELINE_CORPUS"]
    curate_outputs(first, ids.CURATE_HIDE, "000:321", {}, None, None)
    again = prepare([saved], data_dir=tmp_path / "data").app.server.config["DATELINE_CORPUS"]
    assert "000:321" not in table(again) and again.summary().curated == 1


def test_a_curation_made_by_the_cli_while_serving_shows_at_the_next_view(tmp_path):
    saved = tmp_path / "events.json"
    serialize.write(seed_like_frame(), saved)
    corpus = prepare([saved], data_dir=tmp_path / "data").app.server.config["DATELINE_CORPUS"]
    from extract import curation

    other = CurationLog(tmp_path / "data")  # another process: `dateline curate hide`
    other.append(curation.hide(other.known(), "000:321", "ana", fixed_clock()))
    assert "000:321" not in table(corpus)


def test_split_in_the_panel_is_offered_for_a_merged_event_and_cancels_its_merge(corpus):
    assert form_values(corpus, "000:532")[9] is True, "a lone event has nothing to split from"
    ticked = [{"event_id": "001:92"}, {"event_id": "000:532"}]
    curate_outputs(corpus, ids.CURATE_MERGE, None, {}, ticked, None)
    assert form_values(corpus, "000:532")[9] is False
    assert curate_outputs(corpus, ids.CURATE_SPLIT, "000:532", {}, None, None) == (
        "Split from its event.")
    assert corpus.cluster_others(corpus.event("000:532")).empty
