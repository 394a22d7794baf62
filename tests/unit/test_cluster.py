"""Clusters: one happening reported twice shares an id; disagreeing dates are flagged."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from extract import schema
from extract.events import cluster
from extract.events.cluster import assign_clusters


def _row(event_id: str, label: str, actors: list[str], start: str, end: str | None = None,
         precision: str = "day", timex: str = "x", sentence: str = "") -> dict:  # fmt: skip
    doc_id, offset = event_id.split(":")
    return {
        "event_id": event_id, "doc_id": doc_id, "title": "", "source": "", "url": "",
        "published": date(2024, 6, 20), "published_from": "given",
        "date_start": start, "date_end": end or start, "precision": precision,
        "timex": timex, "timex_value": start, "timex_start": int(offset),
        "timex_end": int(offset) + 1, "sentence": sentence or label, "sentence_start": 0,
        "label": label, "actors": actors, "modality": "happened", "cluster_id": event_id,
        "conflict": False,
    }  # fmt: skip


def _clusters(rows: list[dict]) -> pd.DataFrame:
    frame = assign_clusters(schema.from_records(rows))
    schema.validate(frame)
    return frame


def test_the_seeds_withdrawal_shares_one_cluster() -> None:
    frame = _clusters([
        _row("a:192", "Klaus Iohannis withdrew", ["Romania", "Klaus Iohannis"], "2024-06-20"),
        _row("b:302", "Klaus Iohannis withdrew his candidacy to lead NATO",
             ["Romania", "Klaus Iohannis", "NATO"], "2024-06-20"),
        _row("b:143", "Mark Rutte secured the final support", ["Mark Rutte"], "2024-06-20"),
    ])  # fmt: skip
    assert list(frame["cluster_id"]) == ["a:192", "a:192", "b:143"]
    assert not frame["conflict"].any()


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # synonyms of one happening
        (
            ("Iohannis withdrew", "2024-06-20"),
            ("Iohannis dropped out of the race", "2024-06-20"),
            True,
        ),
        (
            ("Iohannis withdrew", "2024-06-20"),
            ("Iohannis retired from the race", "2024-06-20"),
            True,
        ),
        # a week holds a day
        (
            ("Iohannis withdrew", "2024-06-20"),
            ("Iohannis withdrew", "2024-06-17", "2024-06-23", "week"),
            True,
        ),
        # different happenings, or another day far away
        (("Iohannis withdrew", "2024-06-20"), ("Iohannis visited Paris", "2024-06-20"), False),
        (("Iohannis withdrew", "2024-06-20"), ("Iohannis withdrew", "2023-01-05"), False),
        # a day and a decade are not comparable
        (
            ("Iohannis withdrew", "2024-06-20"),
            ("Iohannis withdrew", "2020-01-01", "2029-12-31", "decade"),
            False,
        ),
        # different figures are different happenings, even on one day
        (
            ("Iohannis reported a surplus of 15.6 billion", "2024-06-20"),
            ("Iohannis reported a surplus of 13.6 billion", "2024-06-20"),
            False,
        ),
        # a year is coarse: the labels must agree too
        (
            ("Iohannis said prices rose", "2024-01-01", "2024-12-31", "year"),
            ("Iohannis said he likes tea", "2024-01-01", "2024-12-31", "year"),
            False,
        ),
    ],
)
def test_two_reports_share_a_cluster_when_they_tell_the_same_happening(
    first: tuple, second: tuple, same: bool
) -> None:
    a = _row("a:1", first[0], ["Klaus Iohannis"], *first[1:])
    b = _row("b:1", second[0], ["Klaus Iohannis"], *second[1:])
    frame = _clusters([a, b])
    assert (frame["cluster_id"].nunique() == 1) is same


def test_sources_that_disagree_on_the_date_keep_both_rows_and_a_conflict() -> None:
    frame = _clusters([
        _row("a:1", "Iohannis withdrew his candidacy", ["Klaus Iohannis"], "2024-06-20"),
        _row("b:1", "Iohannis withdrew his candidacy", ["Klaus Iohannis"], "2024-06-19"),
        _row("c:1", "Rutte won", ["Mark Rutte"], "2024-06-20"),
    ])  # fmt: skip
    assert list(frame["cluster_id"]) == ["a:1", "a:1", "c:1"]
    assert list(frame["conflict"]) == [True, True, False]


def test_a_generic_label_without_an_actor_joins_nothing() -> None:
    frame = _clusters(
        [
            _row("a:1", "talks", ["Japan"], "2024-06-18"),
            _row("b:1", "talks", ["Japan"], "2024-06-18"),
        ]
    )
    assert frame["cluster_id"].nunique() == 2


def test_two_dates_of_one_sentence_are_not_a_conflict() -> None:
    sentence = "Seixas met the panel on Tuesday and Wednesday."
    frame = _clusters([
        _row("a:1", "Seixas met the panel", ["Seixas"], "2024-06-18", timex="Tuesday",
             sentence=sentence),
        _row("b:1", "Seixas met the panel", ["Seixas"], "2024-06-19", timex="Wednesday",
             sentence=sentence),
    ])  # fmt: skip
    assert frame["cluster_id"].nunique() == 2
    assert not frame["conflict"].any()


def test_dates_chained_through_a_week_are_not_a_conflict() -> None:
    sentence = "They said on Monday the Fed will act this week, perhaps tomorrow."
    frame = _clusters(
        [
            _row("a:1", "Fed will act", ["Federal Reserve"], "2024-06-17", sentence=sentence),
            _row("a:2", "Fed will act", ["Federal Reserve"], "2024-06-17", "2024-06-23", "week"),
            _row("a:3", "Fed will act", ["Federal Reserve"], "2024-06-21", sentence=sentence),
        ]
    )
    assert frame["cluster_id"].nunique() == 1
    assert not frame["conflict"].any()


def test_different_figures_on_different_days_are_different_happenings() -> None:
    frame = _clusters([
        _row("a:1", "Treasury balance totaled 29.3 billion", ["US Treasury"], "2024-06-18"),
        _row("b:1", "Treasury balance totaled 24.8 billion", ["US Treasury"], "2024-06-19"),
    ])  # fmt: skip
    assert frame["cluster_id"].nunique() == 2


def test_cluster_ids_do_not_depend_on_row_order() -> None:
    rows = [
        _row("b:302", "Iohannis withdrew his candidacy", ["Klaus Iohannis"], "2024-06-20"),
        _row("a:192", "Iohannis withdrew", ["Klaus Iohannis"], "2024-06-20"),
        _row("c:5", "Iohannis dropped out", ["Klaus Iohannis"], "2024-06-20"),
    ]
    forward = _clusters(rows).set_index("event_id")["cluster_id"]
    backward = _clusters(rows[::-1]).set_index("event_id")["cluster_id"]
    assert forward.sort_index().tolist() == backward.sort_index().tolist() == ["a:192"] * 3


def test_lone_surnames_are_merged_across_the_batch_before_clustering() -> None:
    frame = _clusters([
        _row("a:1", "Grand said so", ["Grand"], "2024-06-20"),
        _row("b:1", "Camille Grand spoke", ["Camille Grand"], "2024-06-19"),
    ])  # fmt: skip
    assert list(frame["actors"]) == [["Camille Grand"], ["Camille Grand"]]


def test_an_empty_frame_stays_empty_and_typed() -> None:
    frame = assign_clusters(schema.empty_frame())
    schema.validate(frame)
    assert frame.empty


def test_each_row_of_a_big_block_is_compared_with_a_bounded_number_of_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One actor, one key word, one day: comparing every pair of the block would be quadratic
    # (hours for a corpus); each row meets a bounded number of neighbours, so every further 500
    # rows cost exactly as many comparisons as the 500 before.
    compared = 0
    real_same = cluster._same

    def counting_same(*args: object) -> bool:
        nonlocal compared
        compared += 1
        return real_same(*args)

    monkeypatch.setattr(cluster, "_same", counting_same)
    costs = []
    for size in (500, 1000, 1500):
        compared = 0
        rows = [_row(f"d{i}:1", f"NATO said item {i}", ["NATO"], "2024-06-18") for i in range(size)]
        assert len(_clusters(rows)) == size
        costs.append(compared)
    assert costs[0] > 0
    assert costs[2] - costs[1] <= costs[1] - costs[0], costs


def test_a_day_inside_a_month_joins_when_the_labels_agree() -> None:
    frame = _clusters([
        _row("a:380", "Mark Rutte should take over when Jens Stoltenberg’s term ends",
             ["Mark Rutte", "Jens Stoltenberg"], "2024-10-01"),
        _row("b:1039", "One diplomat said Jens Stoltenberg should stay until his mandate expires",
             ["Jens Stoltenberg"], "2024-10-01", "2024-10-31", "month"),
        _row("b:2000", "Jens Stoltenberg visited Oslo", ["Jens Stoltenberg"], "2024-10-01",
             "2024-10-31", "month"),
    ])  # fmt: skip
    assert list(frame["cluster_id"]) == ["a:380", "a:380", "b:2000"]
    assert not frame["conflict"].any()


def test_two_mentions_of_one_letter_on_one_day_are_one_happening() -> None:
    frame = _clusters([
        _row("b:3498", "Rutte said he would respect that agreement in a letter to Orban",
             ["Mark Rutte", "Viktor Orban"], "2024-06-18"),
        _row("b:3831", "Rutte wrote in the letter", ["Mark Rutte"], "2024-06-18"),
        _row("b:4000", "Rutte wrote in the letter", ["Mark Rutte"], "2024-06-25"),
    ])  # fmt: skip
    assert list(frame["cluster_id"]) == ["b:3498", "b:3498", "b:4000"]
