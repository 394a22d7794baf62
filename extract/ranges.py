"""From a TIMEX3 value to the calendar range it covers, with its precision.

Why a range: "April 2024" is every day of April, not the 1st. Keeping the inclusive first and
last day plus a precision lets the timeline draw a span and lets merging compare overlaps.
Values that are not anchored on the calendar (``XXXX-10``, ``PRESENT_REF``, durations, sets)
have no range. Years outside 1..9999 have none either: Python's ``date`` cannot hold them, and
nothing downstream should crash on "44 BC".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from extract.schema import PRECISIONS


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive calendar range: ``start`` and ``end`` are both covered."""

    start: date
    end: date
    precision: str

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
"""First and last month of each TIMEX3 season (northern hemisphere; winter runs into the next
year): the one season table, also what the tagger's "last summer" is counted with."""
_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:"
    r"(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|W(?P<week>\d{2})(?:-(?P<wday>\d|WE))?"
    r"|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)"
    r"))?(?:T.*)?$"
)
_DECADE = re.compile(r"^(?P<decade>\d{3})$")
_CENTURY = re.compile(r"^(?P<century>\d{2})$")


def shift_days(day: date, days: int) -> date:
    """``day`` moved by ``days``, held at the calendar's ends (1-01-01, 9999-12-31) instead of
    raising OverflowError: an article may well be dated 9999-12-31, and every margin, window
    or quick range drawn around a date goes through here."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def value_range(value: str) -> DateRange | None:
    """The range a TIMEX3 DATE/TIME value covers, or None if it is not on the calendar.

    >>> value_range("2024-04")
    DateRange(start=datetime.date(2024, 4, 1), end=datetime.date(2024, 4, 30), precision='month')
    """
    try:
        return _value_range(value)
    except (ValueError, OverflowError):
        return None


def _value_range(value: str) -> DateRange | None:
    match = _DATE.match(value)
    if match:
        return _calendar_range(match)
    match = _DECADE.match(value)
    if match:
        first = int(match["decade"]) * 10
        return _years(max(first, 1), first + 9, "decade")
    match = _CENTURY.match(value)
    if match:
        first = int(match["century"]) * 100
        return _years(max(first, 1), first + 99, "century")
    return None


def _calendar_range(match: re.Match[str]) -> DateRange | None:
    year = int(match["year"])
    if year < 1:
        return None
    if match["day"]:
        day = date(year, int(match["month"]), int(match["day"]))
        return DateRange(day, day, "day")
    if match["month"]:
        month = int(match["month"])
        last = calendar.monthrange(year, month)[1]
        return DateRange(date(year, month, 1), date(year, month, last), "month")
    if match["week"]:
        monday = date.fromisocalendar(year, int(match["week"]), 1)
        wday = match["wday"]
        if wday == "WE":
            return DateRange(monday + timedelta(days=5), monday + timedelta(days=6), "week")
        if wday:
            day = monday + timedelta(days=int(wday) - 1)
            return DateRange(day, day, "day")
        return DateRange(monday, monday + timedelta(days=6), "week")
    if match["quarter"]:
        first_month = 3 * (int(match["quarter"]) - 1) + 1
        return _months(year, first_month, year, first_month + 2, "quarter")
    if match["half"]:
        first_month = 6 * (int(match["half"]) - 1) + 1
        return _months(year, first_month, year, first_month + 5, "season")
    if match["season"]:
        first, last = SEASON_MONTHS[match["season"]]
        end_year = year + 1 if last < first else year
        return _months(year, first, end_year, last, "season")
    return _years(year, year, "year")


def _months(y1: int, m1: int, y2: int, m2: int, precision: str) -> DateRange:
    last = calendar.monthrange(y2, m2)[1]
    return DateRange(date(y1, m1, 1), date(y2, m2, last), precision)


def _years(first: int, last: int, precision: str) -> DateRange:
    return DateRange(date(first, 1, 1), date(min(last, 9999), 12, 31), precision)
