"""The one resolver of a month or month-day without a year, and the one season table."""

from __future__ import annotations

from datetime import date

import pytest

from extract.dating.clues import Clue, named_day
from extract.language.tense import FUTURE, PAST, PRESENT
from extract.ranges import SEASON_MONTHS, value_range
from extract.timex import calendar
from extract.timex.calendar import month_day_date, month_year, season_year

MARCH_12 = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("month", "day", "tense", "expected"),
    [
        (6, 18, PAST, date(2024, 6, 18)),  # "met on June 18", said in March
        (6, 18, FUTURE, date(2025, 6, 18)),  # "will meet on June 18"
        (3, 20, PAST, date(2025, 3, 20)),  # a week ahead is allowed against a past clause
        (5, 20, PAST, date(2024, 5, 20)),  # two months ahead is not
        (1, 2, FUTURE, date(2026, 1, 2)),  # ten weeks back is too far against the future
        (2, 1, FUTURE, date(2025, 2, 1)),  # six weeks back, even counted thrice, is nearer
        (10, 30, PRESENT, date(2024, 10, 30)),  # no tense: the nearest
        (2, 29, PAST, date(2024, 2, 29)),  # only leap years have it
    ],
)
def test_a_month_day_is_the_occurrence_its_tense_points_to(month, day, tense, expected) -> None:
    assert month_day_date(MARCH_12, month, day, tense) == expected


def test_a_day_no_year_has_is_an_error() -> None:
    with pytest.raises(ValueError, match="no day"):
        month_day_date(MARCH_12, 2, 30, PAST)


@pytest.mark.parametrize(
    ("anchor", "month", "tense", "expected"),
    [
        (MARCH_12, 2, PAST, 2025),  # "in February", said in March
        (MARCH_12, 11, PAST, 2024),
        (MARCH_12, 11, FUTURE, 2025),
        (MARCH_12, 11, PRESENT, 2024),  # four months back is nearer than eight ahead
    ],
)
def test_a_month_is_the_nearest_occurrence_on_its_tense_s_side(anchor, month, tense, expected):
    assert month_year(anchor, month, tense) == expected


@pytest.mark.parametrize(
    ("anchor", "month", "tense", "expected"),
    [
        (MARCH_12, 2, PAST, 2024),  # "last February" in March: the month just ended is "this"
        (date(2025, 4, 1), 2, PAST, 2025),
        (MARCH_12, 3, PAST, 2024),
        (date(2025, 1, 10), 12, PAST, 2023),  # December has only just ended, as February above
        (MARCH_12, 4, FUTURE, 2025),  # "next April"
        (MARCH_12, 3, FUTURE, 2026),  # "next March" in March: not this one
    ],
)
def test_last_and_next_month_skip_the_current_one(anchor, month, tense, expected) -> None:
    assert month_year(anchor, month, tense, strict=True) == expected


def test_a_clue_names_the_same_day_the_tagger_would_resolve() -> None:
    clue = Clue("month_day", "June 18", "past", month=6, day=18)
    assert named_day(clue, MARCH_12) == month_day_date(MARCH_12, 6, 18, PAST)
    assert named_day(clue, date(2025, 5, 1), nearest=True) == date(2025, 6, 18)
    assert named_day(Clue("day", "", "past", 2021, 5, 3), MARCH_12) == date(2021, 5, 3)
    assert named_day(Clue("month_day", "", "past", month=2, day=30), MARCH_12) is None


@pytest.mark.parametrize(
    ("anchor", "season", "tense", "expected"),
    [
        (MARCH_12, "SU", PAST, 2024),  # "spent the summer", said in March
        (MARCH_12, "SU", FUTURE, 2025),
        (date(2025, 10, 1), "SU", FUTURE, 2026),  # this summer is over
        (date(2025, 10, 1), "SU", PAST, 2025),
    ],
)
def test_the_season_is_read_with_the_clause_s_tense(anchor, season, tense, expected) -> None:
    assert season_year(anchor, season, tense) == expected


def test_the_tagger_and_the_data_model_share_one_season_table() -> None:
    assert calendar.SEASON_MONTHS is SEASON_MONTHS
    winter = value_range("2024-WI")
    assert winter is not None
    assert (winter.start, winter.end) == (date(2024, 12, 1), date(2025, 2, 28))
    assert calendar.season_value(date(2025, 3, 12), "WI", -1) == "2024-WI"
