"""The timeline figure, built without a browser: what is drawn, where, and how it reads."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.chart.figure import (
    ViewState,
    build_figure,
    plan_marks,
    quick_ranges,
)
from dashboard.chart.marks import describe_date, pack_lanes
from dashboard.store.memory import corpus_published
from dashboard.store.synthetic import seed_like_frame, synthetic_frame
from extract.schema import empty_frame
from extract.settings import LABEL_LIMIT, WEBGL_LIMIT

DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return seed_like_frame()


def hovers(fig) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(h) for t in fig.data if t.hovertext is not None for h in t.hovertext]


def _traces(fig, name_part: str):  # type: ignore[no-untyped-def]
    return [t for t in fig.data if name_part in (t.name or "")]


def test_a_day_is_a_point_and_a_month_a_bar_over_the_whole_month(frame: pd.DataFrame) -> None:
    fig = build_figure(frame)
    points = [x for t in _traces(fig, "· day") for x in t.x]
    assert "2024-06-18 12:00" in points  # a point in the middle of its day
    bars = [t for t in _traces(fig, "date range") if t.type == "bar"]
    spans = {(base, width) for t in bars for base, width in zip(t.base, t.x, strict=True)}
    assert ("2024-04-01", 30 * DAY_MS) in spans  # April, all of it, not a point on the 1st
    assert ("1949-01-01", 365 * DAY_MS) in spans
    assert "2024-04-01" not in points


def test_expected_events_look_different_from_happened_ones(frame: pd.DataFrame) -> None:
    fig = build_figure(frame)
    (expected_day,) = _traces(fig, "Expected · day")
    (happened_day,) = _traces(fig, "Happened · day")
    assert expected_day.marker.symbol == "circle-open"
    assert happened_day.marker.symbol == "circle"
    (expected_range,) = _traces(fig, "Expected · date range")
    assert expected_range.marker.pattern.shape == "/"


def test_every_event_is_drawn_and_labelled(frame: pd.DataFrame) -> None:
    plan = plan_marks(frame, ViewState())
    drawn = {e for members in plan.marks["members"] for e in members}
    assert drawn == set(frame["event_id"])
    fig = build_figure(frame)
    labels = [text for t in _traces(fig, "labels") for text in t.text]
    assert len(labels) == len(plan.marks)
    assert any("NATO is founded" in text for text in labels)


@pytest.mark.parametrize("group_by", ["lanes", "actor"])
@pytest.mark.parametrize(
    "x_range", [None, (date(2024, 6, 1), date(2024, 7, 1)), (date(2023, 6, 20), date(2024, 6, 30))]
)
def test_marks_and_labels_in_one_lane_never_collide(
    frame: pd.DataFrame, group_by: str, x_range: tuple[date, date] | None
) -> None:
    view = ViewState(group_by=group_by, x_range=x_range, width_px=800)
    plan = plan_marks(frame, view)
    lo = plan.marks["d0"].min() if x_range is None else np.datetime64(x_range[0], "D").astype(int)
    hi = plan.marks["d1"].max() if x_range is None else np.datetime64(x_range[1], "D").astype(int)
    per_px = (hi - lo) * 1.06 / 800 if x_range is None else (hi - lo) / 800
    extents = []
    for row in plan.marks.itertuples():
        width = len(row.text) * 6.5 * per_px  # a slightly narrower font than packing assumes
        if row.side == "none":  # off screen: no label
            extents.append((row.y, row.d0, row.d1))
        elif row.side == "left":
            extents.append((row.y, row.label_x - width, row.d1))
        else:
            extents.append((row.y, row.d0, max(row.d1, row.label_x + width)))
    for lane in {y for y, _, _ in extents}:
        spans = sorted((a, b) for y, a, b in extents if y == lane)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert start >= end - 1e-9, f"lane {lane} overlaps"


def test_reports_of_one_happening_are_one_mark_saying_two_sources(frame: pd.DataFrame) -> None:
    plan = plan_marks(frame, ViewState())
    merged = plan.marks[plan.marks["cluster_id"] == "withdrawal"]
    assert len(merged) == 1
    assert merged.iloc[0]["n_sources"] == 2
    fig = build_figure(frame)
    labels = [text for t in _traces(fig, "labels") for text in t.text]
    assert any("2 sources" in text for text in labels)
    hover = [h for h in hovers(fig) if "2 sources" in h]
    assert hover and "seed 000" in hover[0] and "seed 001" in hover[0]


def test_conflicting_dates_in_one_cluster_are_flagged(frame: pd.DataFrame) -> None:
    changed = frame.copy()
    row = changed.index[changed["cluster_id"] == "withdrawal"][1]
    changed.loc[row, ["date_start", "date_end"]] = pd.Timestamp("2024-06-13")
    fig = build_figure(changed)
    labels = [text for t in _traces(fig, "labels") for text in t.text]
    assert any(text.strip().startswith("⚠") and "2 sources" in text for text in labels)
    hover = " ".join(hovers(fig))
    assert "disagree" in hover


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (date(2024, 6, 20), date(2024, 6, 20), "day", "20 June 2024"),
        (date(2024, 6, 17), date(2024, 6, 23), "week", "week of 17 June 2024"),
        (date(2024, 6, 1), date(2024, 6, 30), "month", "June 2024"),
        (date(2024, 6, 1), date(2024, 8, 31), "season", "summer 2024"),
        (date(2023, 12, 1), date(2024, 2, 29), "season", "winter 2023–24"),
        (date(2024, 7, 1), date(2024, 9, 30), "quarter", "Q3 2024"),
        (date(1949, 1, 1), date(1949, 12, 31), "year", "1949"),
        (date(1990, 1, 1), date(1999, 12, 31), "decade", "the 1990s"),
        (date(2000, 1, 1), date(2099, 12, 31), "century", "the 21st century"),
    ],
)
def test_dates_are_described_as_precisely_as_they_are_known(
    start: date, end: date, precision: str, expected: str
) -> None:
    assert describe_date(start, end, precision) == expected


def test_article_text_in_labels_and_hover_cannot_become_markup(frame: pd.DataFrame) -> None:
    hostile = frame.copy()
    hostile.loc[0, "label"] = "<script>alert(1)</script>"
    hostile.loc[0, "source"] = "<img src=x onerror=alert(2)>"
    fig = build_figure(hostile)
    texts = [str(s) for t in fig.data if t.text is not None for s in t.text] + hovers(fig)
    assert not any("<script" in s or "<img" in s for s in texts)
    assert any("&lt;script&gt;" in s for s in texts)


def test_the_axis_spans_1949_to_2024_and_marks_publication(frame: pd.DataFrame) -> None:
    fig = build_figure(frame, ViewState(published=corpus_published(frame)))
    lo, hi = fig.layout.xaxis.range
    assert lo < "1949-01-01" and hi > "2024-11-30"
    assert fig.layout.xaxis.rangeslider.visible
    assert any("published 20 Jun 2024" in a.text for a in fig.layout.annotations)


def test_zoom_survives_redraws_because_uirevision_is_stable(frame: pd.DataFrame) -> None:
    one = build_figure(frame)
    other = build_figure(frame[frame["modality"] == "expected"], ViewState(theme="dark"))
    assert one.layout.uirevision == other.layout.uirevision


def test_group_by_actor_shows_an_event_in_each_of_its_actors_bands(frame: pd.DataFrame) -> None:
    plan = plan_marks(frame, ViewState(group_by="actor"))
    bands = [name for name, _, _ in plan.bands]
    assert bands[0] == "Mark Rutte"
    deal = plan.marks[plan.marks["label"] == "Rutte seals a deal with Orban"]
    assert {"Mark Rutte", "Viktor Orban"} <= set(deal["band"])
    fig = build_figure(frame, ViewState(group_by="actor"))
    assert "Mark Rutte" in fig.layout.yaxis.ticktext


def test_thousands_of_events_switch_to_webgl_and_far_more_to_counts() -> None:
    many = synthetic_frame(LABEL_LIMIT * 4)
    fig = build_figure(many)
    assert {t.type for t in fig.data[1:]} == {"scattergl"}
    huge = synthetic_frame(WEBGL_LIMIT + 1000)
    fig = build_figure(huge)
    bars = [t for t in fig.data if t.type == "bar"]
    assert bars and sum(sum(t.y) for t in bars) == len(huge)


def test_the_count_note_wraps_to_a_phones_width_and_keeps_every_word() -> None:
    huge = synthetic_frame(WEBGL_LIMIT + 1000)
    wide = build_figure(huge, ViewState(width_px=1000)).layout.annotations[0].text
    narrow = build_figure(huge, ViewState(width_px=270)).layout.annotations[0].text
    longest = max(len(line) for line in narrow.split("<br>"))
    assert longest <= 270 / (12 * 0.58) and narrow.count("<br>") > wide.count("<br>")
    assert narrow.replace("<br>", " ").split() == wide.replace("<br>", " ").split()


def test_zooming_in_on_many_events_brings_back_labels() -> None:
    many = synthetic_frame(WEBGL_LIMIT + 1000)
    view = ViewState(x_range=(date(2024, 6, 1), date(2024, 6, 8)))
    assert plan_marks(many, view).mode == "labels"


def test_the_selected_event_gets_a_ring_on_its_mark(frame: pd.DataFrame) -> None:
    event_id = frame.loc[frame["label"] == "Rutte visits Istanbul", "event_id"].iloc[0]
    fig = build_figure(frame, ViewState(selected=event_id))
    ring = fig.data[0]
    assert ring.name == "selected" and list(ring.x) == ["2024-04-16"]


def test_no_events_is_a_sentence_not_an_error() -> None:
    fig = build_figure(empty_frame())
    assert fig.layout.annotations[0].text == "No events match these filters."


def test_quick_views_are_anchored_on_publication_not_today(frame: pd.DataFrame) -> None:
    ranges = quick_ranges(frame, date(2024, 6, 20))
    assert ranges["all"] is None
    assert ranges["year"] == ["2023-06-21", "2024-06-30"]
    assert ranges["month"][0] < "2024-06-20" < ranges["month"][1]


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 60)), max_size=60))
def test_packed_lanes_never_hold_overlapping_intervals(pairs: list[tuple[int, int]]) -> None:
    starts = np.array([float(a) for a, _ in pairs])
    ends = np.array([float(a + b) for a, b in pairs])
    lanes = pack_lanes(starts, ends)
    for lane in set(lanes.tolist()):
        spans = sorted(zip(starts[lanes == lane], ends[lanes == lane], strict=True))
        assert all(b[0] > a[1] for a, b in zip(spans, spans[1:], strict=False))


def test_years_far_outside_pandas_nanosecond_range_are_drawn(frame: pd.DataFrame) -> None:
    old = frame.iloc[[2, 8]].reset_index(drop=True)  # two days, two clusters
    old.loc[0, ["date_start", "date_end"]] = [pd.Timestamp("1066-10-14").as_unit("s")] * 2
    old.loc[1, ["date_start", "date_end"]] = [pd.Timestamp("2999-01-01").as_unit("s")] * 2
    fig = build_figure(old)
    points = [x for t in _traces(fig, "· day") for x in t.x]
    assert "1066-10-14 12:00" in points and "2999-01-01 12:00" in points


def test_rows_without_a_date_are_left_out_not_fatal(frame: pd.DataFrame) -> None:
    undated = frame.copy()
    undated.loc[0, "date_start"] = pd.NaT
    plan = plan_marks(undated, ViewState())
    assert frame.loc[0, "event_id"] not in {e for m in plan.marks["members"] for e in m}


def test_marks_that_would_pile_up_become_counts_even_below_the_size_limit() -> None:
    crowded = synthetic_frame(9_000)  # 35 years, 780 px: dots would cover 40 lanes many times
    assert plan_marks(crowded, ViewState(width_px=780)).mode == "counts"
    assert plan_marks(crowded.head(1_500), ViewState(width_px=780)).mode == "webgl"


@pytest.mark.parametrize("width_px", [500, 800, 1200])
def test_a_label_is_never_drawn_across_its_own_span(frame: pd.DataFrame, width_px: int) -> None:
    view = ViewState(x_range=(date(2024, 6, 5), date(2024, 7, 5)), width_px=width_px)
    marks = plan_marks(frame, view).marks
    lo = np.datetime64(date(2024, 6, 5), "D").astype(int)
    hi = np.datetime64(date(2024, 7, 5), "D").astype(int)
    ranged = marks[(marks["precision"] != "day") & (marks["d0"] >= lo) & (marks["d1"] <= hi)]
    assert len(ranged) >= 1, "the month around publication has a week-long span"
    for row in ranged.itertuples():
        if row.side == "right":
            assert row.label_x >= row.d1, row.text
        elif row.side == "left":
            assert row.label_x <= row.d0, row.text
