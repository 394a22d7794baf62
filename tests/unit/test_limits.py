"""Inputs at the edges: a forged filter list of 100,000 values, and dates at the calendar's end."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.chart.figure import quick_ranges
from dashboard.ui.handlers import filter_state
from extract.ranges import shift_days
from extract.settings import MAX_CHOSEN


def test_a_filter_list_is_cut_to_the_cap_and_holds_only_text():
    state = filter_state(actors=[f"a{i}" for i in range(100_000)], docs=[1, "d", {"x": 1}],
                         precisions="day", text=["not", "text"])
    assert len(state.actors) == MAX_CHOSEN and state.actors[0] == "a0"
    assert state.docs == ("d",) and state.precisions == () and state.text == ""


def test_a_shift_past_the_calendars_ends_stops_there():
    assert shift_days(date(9999, 12, 20), 16) == date(9999, 12, 31)
    assert shift_days(date(1, 1, 5), -16) == date(1, 1, 1)
    assert shift_days(date(2024, 2, 28), 2) == date(2024, 3, 1)


def test_the_quick_ranges_of_an_article_dated_on_the_last_day_stay_in_the_calendar():
    ranges = quick_ranges(None, date(9999, 12, 31))
    assert ranges["month"] == ["9999-12-15", "9999-12-31"]
    assert ranges["year"] == ["9998-12-31", "9999-12-31"]
    frame = pd.DataFrame({"date_end": pd.to_datetime(["9999-12-31"]).astype("datetime64[s]")})
    assert quick_ranges(frame, None)["month"][1] == "9999-12-31"
