"""Holidays whose date moves from year to year, computed rather than listed.

Why rules and not a table of dates: "Easter", "Labor Day" or "Thanksgiving" name a different
day every year, and news mentions them for any year, past or future. Each is either an offset
from Easter Sunday (the Gregorian computus) or the n-th (or last) weekday of a month, so a
dozen lines cover every year on the calendar. Which year is meant is chosen like any month and
day without a year: by the tense of the clause, from the publication date
(``timex_calendar.nearest_date``).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# name -> ("easter", offset in days) or (month, ISO weekday, n-th; -1 for the last)
MOVABLE_FEASTS: dict[str, tuple[object, int, int] | tuple[str, int]] = {
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2), "ash wednesday": ("easter", -46), "pentecost": ("easter", 49),
    "memorial day": (5, 1, -1), "labor day": (9, 1, 1), "labour day": (9, 1, 1),
    "martin luther king day": (1, 1, 3), "martin luther king jr. day": (1, 1, 3),
    "mlk day": (1, 1, 3), "presidents' day": (2, 1, 3), "presidents day": (2, 1, 3),
    "columbus day": (10, 1, 2), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "black friday": (11, 4, 4),
    "cyber monday": (11, 4, 4), "election day": (11, 1, 1),
}
# days after the rule's weekday: Black Friday follows Thanksgiving, US Election Day is the
# Tuesday after the first Monday of November
_AFTER = {"black friday": 1, "cyber monday": 4, "election day": 1}


def easter(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def feast_date(name: str, year: int) -> date:
    """The date of the movable feast ``name`` (a key of ``MOVABLE_FEASTS``) in ``year``."""
    rule = MOVABLE_FEASTS[name]
    if rule[0] == "easter":
        return easter(year) + timedelta(days=int(rule[1]))
    month, weekday, nth = rule  # type: ignore[misc]
    return nth_weekday(year, month, weekday, nth) + timedelta(days=_AFTER.get(name, 0))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ISO ``weekday`` of a month (``nth`` -1: the last); past the month's end for
    a fifth one that does not exist, which callers check."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
