"""A TIMEX3 value covers a calendar range at a precision; months are never their 1st day."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.ranges import DateRange, value_range

CASES = [
    ("2024-06-20", date(2024, 6, 20), date(2024, 6, 20), "day"),
    ("2024-06-20T15:00", date(2024, 6, 20), date(2024, 6, 20), "day"),
    ("2024-06-20TMO", date(2024, 6, 20), date(2024, 6, 20), "day"),
    ("2024-04", date(2024, 4, 1), date(2024, 4, 30), "month"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2024-W25", date(2024, 6, 17), date(2024, 6, 23), "week"),
    ("2024-W25-WE", date(2024, 6, 22), date(2024, 6, 23), "week"),
    ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30), "quarter"),
    ("2024-SU", date(2024, 6, 1), date(2024, 8, 31), "season"),
    ("2023-WI", date(2023, 12, 1), date(2024, 2, 29), "season"),
    ("2024-H2", date(2024, 7, 1), date(2024, 12, 31), "season"),
    ("2023", date(2023, 1, 1), date(2023, 12, 31), "year"),
    ("1949", date(1949, 1, 1), date(1949, 12, 31), "year"),
    ("1066-10-14", date(1066, 10, 14), date(1066, 10, 14), "day"),
    ("202", date(2020, 1, 1), date(2029, 12, 31), "decade"),
    ("19", date(1900, 1, 1), date(1999, 12, 31), "century"),
]


@pytest.mark.parametrize(("value", "start", "end", "precision"), CASES)
def test_a_value_covers_its_whole_range(value, start, end, precision):
    assert value_range(value) == DateRange(start, end, precision)


@pytest.mark.parametrize(
    "value",
    ["XXXX-10", "XXXX-WXX-2", "PRESENT_REF", "PAST_REF", "P2Y", "2023-02-30", "2024-13", "0000",
     "2024-W60", "BC0044", "", "garbage"],
)
def test_values_off_the_calendar_or_impossible_have_no_range(value):
    assert value_range(value) is None


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="before it starts"):
        DateRange(date(2024, 6, 2), date(2024, 6, 1), "day")


@given(st.text(max_size=30))
def test_any_string_gives_an_ordered_range_or_none(value):
    result = value_range(value)
    assert result is None or result.start <= result.end


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_every_month_range_contains_its_days(day):
    month = value_range(f"{day.year:04d}-{day.month:02d}")
    assert month is not None and month.contains(day)
    assert month.start.day == 1 and month.precision == "month"
