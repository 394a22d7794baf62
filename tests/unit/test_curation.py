"""Curations as data: decisions replayed over extracted events, and the log that keeps them."""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime

import pandas as pd
import pytest

from extract import curation
from extract.curation import CurationError
from extract.curation_log import CurationLog
from extract.schema import from_records, validate

WHEN = datetime(2024, 6, 21, 9, 30, tzinfo=UTC)


def clock() -> datetime:
    return WHEN


def row(doc: str, start: int, day: str, label: str, cluster: str = "", **extra) -> dict:
    event_id = f"{doc}:{start}"
    return {
        "event_id": event_id, "doc_id": doc, "title": doc, "source": f"{doc} news", "url": "",
        "published": "2024-06-20", "published_from": "given", "date_start": day,
        "date_end": day, "precision": "day", "timex": "x", "timex_value": day,
        "timex_start": start, "timex_end": start + 4, "sentence": f"{label}.",
        "sentence_start": 0, "label": label, "actors": extra.get("actors", []),
        "modality": "happened", "cluster_id": cluster or event_id, "conflict": False,
    }


@pytest.fixture
def events() -> pd.DataFrame:
    return from_records([
        row("a", 10, "1979-01-01", "favorite film"),
        row("a", 50, "2014-01-01", "downing of MH17", actors=["Ukraine"]),
        row("a", 90, "2024-06-20", "Iohannis withdrew", cluster="a:90"),
        row("b", 30, "2024-06-20", "Iohannis withdrew his bid", cluster="a:90"),
        row("b", 70, "2024-06-21", "Iohannis backed Rutte", actors=["Mark Rutte"]),
    ])


def test_a_hidden_event_leaves_the_timeline_and_comes_back_with_show_hidden(events):
    log = [curation.hide(events, "a:10", "ana", WHEN)]
    assert "a:10" not in set(curation.apply(events, log)["event_id"])
    assert "a:10" in set(curation.apply(events, log, show_hidden=True)["event_id"])
    assert len(events) == 5, "the extracted events are never changed"


def test_hiding_one_report_hides_its_whole_happening(events):
    shown = curation.apply(events, [curation.hide(events, "b:30", "ana", WHEN)])
    assert not {"a:90", "b:30"} & set(shown["event_id"])


def test_an_edit_sets_label_date_range_and_precision_and_the_frame_keeps_its_schema(events):
    changes = {"label": "MH17 shot down over eastern Ukraine", **curation.parse_dates("2014-07-17")}
    curated = curation.apply(events, [curation.edit(events, "a:50", changes, "ana", WHEN)])
    validate(curated)
    mh17 = curated.set_index("event_id").loc["a:50"]
    assert mh17["label"] == "MH17 shot down over eastern Ukraine"
    assert (mh17["date_start"], mh17["date_end"]) == (pd.Timestamp("2014-07-17"),) * 2
    assert mh17["precision"] == "day"


def test_a_date_range_takes_the_precision_it_spells():
    assert curation.parse_dates("2024-04-01..2024-04-30")["precision"] == "month"
    assert curation.parse_dates("2010-01-01..2019-12-31")["precision"] == "decade"
    assert curation.parse_dates("2024-06-17..2024-06-23")["precision"] == "week"
    assert curation.parse_dates("2024-07-01..2024-09-30")["precision"] == "quarter"
    assert curation.parse_dates("2024-06-03..2024-06-05")["precision"] == "day"


def test_a_backwards_range_or_a_non_date_is_refused_with_a_sentence():
    with pytest.raises(CurationError, match="ends .* before it starts"):
        curation.parse_dates("2024-06-05..2024-06-01")
    with pytest.raises(CurationError, match="'17/07/2014' is not a date"):
        curation.parse_dates("17/07/2014")


def test_an_unknown_event_id_is_named_in_the_error(events):
    with pytest.raises(CurationError, match="No event has the id 'zz:1'"):
        curation.hide(events, "zz:1", "ana", WHEN)


def test_a_merge_makes_one_happening_and_keeps_every_source(events):
    log = [curation.merge(events, ["b:70", "a:90"], "ana", WHEN)]
    curated = curation.apply(events, log).set_index("event_id")
    merged = curated.loc[["b:70", "a:90", "b:30"]]
    assert merged["cluster_id"].nunique() == 1, "a:90's cluster-mate b:30 joins too"
    assert set(merged["label"]) == {"Iohannis backed Rutte"}, "the first event decides"
    assert set(merged["sentence"]) == {"Iohannis backed Rutte.", "Iohannis withdrew.",
                                       "Iohannis withdrew his bid."}
    assert all(actors == ["Mark Rutte"] for actors in merged["actors"])


def test_splitting_a_merged_event_cancels_the_merge(events):
    log = [curation.merge(events, ["b:70", "a:90"], "ana", WHEN)]
    merged = curation.apply(events, log, show_hidden=True)
    log.append(curation.split(merged, "a:90", "ana", WHEN))
    curated = curation.apply(events, log)
    pd.testing.assert_frame_equal(curated, events)


def test_splitting_an_extracted_cluster_detaches_one_report(events):
    curated = curation.apply(events, [curation.split(events, "b:30", "ana", WHEN)])
    clusters = curated.set_index("event_id")["cluster_id"]
    assert clusters["b:30"] != clusters["a:90"]


def test_an_event_added_by_hand_joins_the_frame_with_its_source_sentence(events):
    record = curation.add({"label": "Rutte takes office", "date_start": "2024-10-01",
                           "sentence": "Rutte takes over on 1 October.", "source": "notes"},
                          "ana", WHEN)
    curated = curation.apply(events, [record])
    validate(curated)
    added = curated.set_index("event_id").loc[curation.added_id(record)]
    assert (added["label"], added["sentence"], added["source"]) == (
        "Rutte takes office", "Rutte takes over on 1 October.", "notes")


def test_undo_cancels_the_latest_decision_in_effect_then_the_one_before(events):
    log = [curation.hide(events, "a:10", "ana", WHEN),
           curation.edit(events, "a:50", {"label": "MH17"}, "ana", WHEN)]
    log.append(curation.undo(log, "ana", WHEN))
    assert curation.apply(events, log).set_index("event_id").loc["a:50", "label"] != "MH17"
    assert "a:10" not in set(curation.apply(events, log)["event_id"])
    log.append(curation.undo(log, "ana", WHEN))
    pd.testing.assert_frame_equal(curation.apply(events, log), events)
    with pytest.raises(CurationError, match="nothing to undo"):
        curation.undo(log, "ana", WHEN)


def test_a_decision_follows_its_event_when_a_newer_tagger_moves_the_expression(events):
    log = [curation.edit(events, "a:50", {"label": "MH17 shot down"}, "ana", WHEN)]
    moved = events.copy()
    moved.loc[1, ["event_id", "timex_start", "timex_end", "cluster_id"]] = ["a:46", 46, 54, "a:46"]
    curated = curation.apply(moved, log).set_index("event_id")
    assert curated.loc["a:46", "label"] == "MH17 shot down"


def test_a_decision_whose_event_is_gone_is_an_orphan_with_no_effect(events):
    log = [curation.hide(events, "a:10", "ana", WHEN)]
    gone = events[events["event_id"] != "a:10"].reset_index(drop=True)
    assert curation.orphans(gone, log) == log
    pd.testing.assert_frame_equal(curation.apply(gone, log), gone)


def test_the_log_lists_who_did_what_and_marks_undone_decisions(events):
    log = [curation.hide(events, "a:10", "ana", WHEN)]
    log.append(curation.undo(log, "bo", WHEN))
    lines = curation.describe(log)
    assert lines[0].startswith("2024-06-21T09:30:00+00:00  ana") and "hide a:10" in lines[0]
    assert lines[0].endswith("(undone)") and "bo" in lines[1]


def test_records_survive_the_log_file_and_a_torn_last_line_is_ignored(events, tmp_path):
    log = CurationLog(tmp_path, clock=clock)
    first = curation.hide(events, "a:10", "ana", log.clock())
    log.append(first)
    with open(log.path, "ab") as stream:  # a writer killed mid-line
        stream.write(b'{"v": 1, "id": "torn", "op": "hi')
    assert log.read() == [first]
    second = curation.edit(events, "a:50", {"label": "MH17"}, "ana", log.clock())
    problems = []
    log = CurationLog(tmp_path, clock=clock, on_problem=problems.append)
    log.append(second)
    assert log.read() == [first, second], "the next append starts on a fresh line"
    assert len(problems) == 1 and "curation skipped" in str(problems[0])
    assert json.loads(log.path.read_text().splitlines()[0])["when"] == "2024-06-21T09:30:00+00:00"


def test_threads_appending_at_once_lose_no_record_and_tear_none(events, tmp_path):
    log = CurationLog(tmp_path, clock=clock)

    def work(n: int) -> None:
        for i in range(25):
            log.append(curation.new_record("hide", f"user{n}", WHEN, events=[f"a:{i}"]))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(log.read()) == 100
    assert all(json.loads(line) for line in log.path.read_text().splitlines())


def test_the_folder_remembers_events_so_curate_can_check_ids(events, tmp_path):
    log = CurationLog(tmp_path, clock=clock)
    with pytest.raises(CurationError, match="knows no events yet"):
        log.known()
    log.apply(events.iloc[:2])
    log.apply(events.iloc[2:])
    assert set(log.known()["event_id"]) == set(events["event_id"])
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".part")]


def test_an_edit_to_the_year_1066_keeps_undated_rows_undated(events):
    events.loc[0, ["date_start", "date_end"]] = pd.NaT
    log = [curation.edit(events, "a:50", curation.parse_dates("1066-10-14"), "ana", WHEN)]
    curated = curation.apply(events, log).set_index("event_id")
    assert curated.loc["a:50", "date_start"] == pd.Timestamp("1066-10-14")
    assert pd.isna(curated.loc["a:10", "date_start"])
    assert str(curated["date_start"].dtype) == "datetime64[s]"


def test_a_long_log_replays_in_milliseconds_per_decision(events):
    log = [curation.edit(events, "a:50", {"label": f"take {n}"}, "ana", WHEN) for n in range(500)]
    curated = curation.apply(events, log)
    assert curated.set_index("event_id").loc["a:50", "label"] == "take 499"
