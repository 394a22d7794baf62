"""Level of detail (``dashboard.chart.detail``): what the chart draws for a zoom, the same on the
pandas and the DuckDB store, on a small corpus shaped like Reuters (a busy month, a year of
coarse dates over it, outliers centuries away)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from dash import no_update

from dashboard.chart.detail import dense_window, plan_view, table_window
from dashboard.chart.figure import ViewState, counts_plan, plan_figure, plan_marks, quick_ranges
from dashboard.chart.traces import DAY_MS, TimeBins, count_ceiling
from dashboard.store.corpus import Corpus
from dashboard.store.duckdb_store import DuckStore
from dashboard.store.filters import FilterState
from dashboard.store.interface import EventStore
from dashboard.store.memory import FrameStore
from dashboard.store.synthetic import reuters_like_frame, seed_like_frame, synthetic_frame
from dashboard.ui.handlers import range_for_grouping, view_outputs, view_state

WEEK = (date(1987, 3, 2), date(1987, 3, 8))
DAY = (date(1987, 3, 9), date(1987, 3, 10))
NOWHERE = (date(2150, 1, 1), date(2150, 2, 1))


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return reuters_like_frame()


@pytest.fixture(scope="module", params=["pandas", "duckdb"])
def store(request: pytest.FixtureRequest, frame: pd.DataFrame, tmp_path_factory) -> EventStore:
    if request.param == "pandas":
        return FrameStore(frame)
    path = tmp_path_factory.mktemp("detail") / "events.parquet"
    frame.to_parquet(path, index=False)
    return DuckStore([path])


def view(x_range: tuple[date, date] | None = None, **kw: object) -> ViewState:
    return ViewState(x_range=x_range, width_px=780, **kw)  # type: ignore[arg-type]


def drawn_days(plan) -> set[date]:  # type: ignore[no-untyped-def]
    if plan.mode == "counts":
        return {pd.Timestamp(s).date() for s in plan.bins.counts["start"]}
    return {pd.Timestamp(s).date() for s in plan.marks["date_start"]}


def test_the_first_view_is_where_the_events_are_dense_not_centuries_of_outliers(
    store: EventStore,
) -> None:
    plan = plan_view(store, FilterState(), view())
    assert plan.shown is not None
    lo, hi = plan.shown
    assert date(1986, 6, 1) <= lo <= date(1987, 3, 1) and date(1987, 4, 1) <= hi <= date(1988, 6, 1)
    figure = plan_figure(plan, view())
    assert figure["layout"]["xaxis"]["range"] == [lo.isoformat(), hi.isoformat()]


def test_a_few_events_are_all_shown_however_far_apart() -> None:
    plan = plan_view(FrameStore(seed_like_frame()), FilterState(), view())
    assert plan.shown is None and plan.coarse == 0


def test_the_dense_window_needs_outliers_to_cut() -> None:
    even = [date(2000, 1, 1) + timedelta(days=10 * i) for i in range(101)]
    assert dense_window(even) is None
    spiky = [date(1639, 1, 1)] + [date(1987, 3, 1) + timedelta(days=i) for i in range(99)]
    spiky.append(date(2080, 1, 1))
    lo, hi = dense_window(spiky)  # type: ignore[misc]
    assert date(1987, 1, 1) <= lo <= date(1987, 3, 1) and date(1987, 6, 1) <= hi <= date(1987, 8, 1)


def test_the_stores_agree_on_date_quantiles(frame: pd.DataFrame, tmp_path: Path) -> None:
    frame.to_parquet(tmp_path / "e.parquet", index=False)
    shares = [0.0, 0.01, 0.5, 0.9, 1.0]
    state = FilterState(precisions=("day",))
    memory, duck = FrameStore(frame), DuckStore([tmp_path / "e.parquet"])
    assert memory.date_quantiles(state, shares) == duck.date_quantiles(state, shares)
    assert memory.date_quantiles(FilterState(text="no such word"), shares) == []


def test_a_week_shows_its_days_and_leaves_out_the_year_around_it(store: EventStore) -> None:
    plan = plan_view(store, FilterState(), view(WEEK))
    days = {d for d in drawn_days(plan) if WEEK[0] <= d < WEEK[1]}
    assert len(days) >= 5
    assert plan.coarse >= 600  # "1987" says nothing about one week: left out, and counted
    assert plan.mode == "counts" or set(plan.marks["precision"]) == {"day"}
    layout = plan_figure(plan, view(WEEK))["layout"]
    assert layout["xaxis"]["dtick"] == DAY_MS  # one tick per day, each named once


def test_one_day_shows_that_days_events_labelled(store: EventStore) -> None:
    plan = plan_view(store, FilterState(), view(DAY))
    assert plan.mode == "labels"
    on_day = plan.marks[plan.marks["date_start"] == pd.Timestamp(DAY[0])]
    assert len(on_day) > 10 and all(on_day["text"].str.len() > 0)
    assert (on_day["side"] != "none").all()


def test_ticks_finer_than_a_day_name_the_hour_so_no_label_repeats(frame: pd.DataFrame) -> None:
    layout = plan_figure(plan_view(FrameStore(frame), FilterState(), view(DAY)), view(DAY))
    stops = layout["layout"]["xaxis"]["tickformatstops"]
    finest = next(s for s in stops if s["dtickrange"][0] is None)
    assert "%H:%M" in finest["value"]


def test_counts_leave_out_events_coarser_than_a_bar(frame: pd.DataFrame) -> None:
    plan = counts_plan(frame, (date(1986, 1, 1), date(1988, 1, 1)))
    assert plan.bins is not None and plan.bins.unit == "W"
    assert plan.bins.total == 2_000 and plan.coarse == 660


def test_the_count_axis_fits_the_bars_in_view_not_those_beside_it() -> None:
    counts = pd.DataFrame(
        {
            "start": pd.to_datetime(["1987-03-02", "1987-03-03", "1987-03-20"]),
            "modality": ["happened", "happened", "happened"],
            "count": np.array([20, 12, 140], dtype=np.int64),
        }
    )
    bins = TimeBins("D", counts)
    assert count_ceiling(bins, (date(1987, 3, 2), date(1987, 3, 8))) == pytest.approx(26)
    assert count_ceiling(bins, None) == pytest.approx(182)


def test_an_empty_window_says_so_and_keeps_a_way_back(store: EventStore) -> None:
    plan = plan_view(store, FilterState(), view(NOWHERE))
    assert plan.mode == "empty" and plan.elsewhere == 2_660
    layout = plan_figure(plan, view(NOWHERE))["layout"]
    assert layout["xaxis"]["type"] == "date" and layout["xaxis"]["rangeslider"]["visible"]
    (button,) = layout["updatemenus"][0]["buttons"]
    assert button["label"] == "Show all" and button["args"] == [{"xaxis.autorange": True}]
    assert "No events between" in layout["annotations"][0]["text"]


def test_an_empty_window_lists_nothing_in_the_table(frame: pd.DataFrame) -> None:
    corpus = Corpus(frame)
    empty = view_state(corpus, None, None, [NOWHERE[0].isoformat(), NOWHERE[1].isoformat()], None)
    _, rows, count, _, _ = view_outputs(corpus, FilterState(), empty)
    assert rows == [] and "0 in view" in count


def test_no_match_at_all_points_to_the_filters_not_the_zoom(store: EventStore) -> None:
    plan = plan_view(store, FilterState(text="no such word"), view(WEEK))
    layout = plan_figure(plan, view(WEEK))["layout"]
    assert plan.elsewhere == 0 and "updatemenus" not in layout
    assert layout["annotations"][0]["text"] == "No events match these filters."


def test_the_table_follows_the_visible_window(frame: pd.DataFrame) -> None:
    corpus = Corpus(frame)
    shown = view_state(corpus, None, None, [DAY[0].isoformat(), DAY[1].isoformat()], None)
    _, rows, count, _, _ = view_outputs(corpus, FilterState(), shown)
    assert rows and {r["start"] for r in rows} == {"1987-03-09"}
    assert f"{len(rows)} in view" in count
    opened = view_state(corpus, None, None, None, None)
    _, first, _, _, _ = view_outputs(corpus, FilterState(), opened)
    assert first[0]["start"] >= "1986"  # the dense first view, not 1639


def test_the_table_window_ends_before_the_zooms_last_instant(frame: pd.DataFrame) -> None:
    plan = plan_view(FrameStore(frame), FilterState(), view(DAY))
    lo, hi = table_window(plan, view(DAY))  # type: ignore[misc]
    assert lo == pd.Timestamp("1987-03-09") and hi < pd.Timestamp("1987-03-10")


def test_a_zoom_inside_one_day_shows_that_day() -> None:
    corpus = Corpus(seed_like_frame())
    inside = ["2024-06-20 05:00:00", "2024-06-20 18:30:00"]
    assert view_state(corpus, None, None, inside, None).x_range == (
        date(2024, 6, 20),
        date(2024, 6, 21),
    )


def test_switching_grouping_leaves_an_empty_window_but_keeps_a_full_one(
    frame: pd.DataFrame,
) -> None:
    corpus = Corpus(frame)
    empty = [NOWHERE[0].isoformat(), NOWHERE[1].isoformat()]
    assert range_for_grouping(corpus, FilterState(), empty) is None
    assert range_for_grouping(corpus, FilterState(), ["1987-03-02", "1987-03-08"]) is no_update
    assert range_for_grouping(corpus, FilterState(), None) is no_update


def test_the_all_button_reaches_every_outlier() -> None:
    bounds = (date(1639, 12, 1), date(2099, 12, 31))
    assert quick_ranges(None, date(1987, 4, 7), bounds)["all"] == ["1639-12-01", "2100-01-01"]


def test_hundreds_of_events_on_one_day_become_counts_not_a_pile_of_dots() -> None:
    piled = reuters_like_frame(0, busiest=500)
    piled = piled[piled["precision"] == "day"]
    march = (date(1987, 3, 1), date(1987, 4, 1))
    plan = plan_marks(piled, view(march))
    assert plan.mode == "counts" and plan.bins is not None and plan.bins.unit == "D"


def test_a_few_events_a_day_over_a_year_stay_marks() -> None:
    spread = synthetic_frame(20_000)
    year = (date(2007, 1, 1), date(2008, 1, 1))
    assert plan_view(FrameStore(spread), FilterState(), view(year)).mode == "webgl"


def test_the_busiest_day_is_still_a_labelled_list() -> None:
    busy = FrameStore(reuters_like_frame(0, busiest=700))
    plan = plan_view(busy, FilterState(), view((date(1987, 3, 31), date(1987, 4, 1))))
    assert plan.mode == "labels" and (plan.marks["text"].str.len() > 0).sum() == 700
