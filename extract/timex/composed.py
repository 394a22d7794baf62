"""Values of composed expressions: a date inside a larger phrase, or a date with no month.

Why apart: these phrases take their value from another date rather than from a calendar word
of their own, and each would be misread by the simple rules alone:
- "the week of March 6" is the ISO week holding that day, not the day (TimeBank: 2000-W10);
- "June 3-5" is a range whose end point "5" borrows the month (and year) of its start;
- "until the 20th" is a day of the month being talked about: the month of the last full date
  mentioned, else the publication month;
- "the day before" / "the year after", with no event named after them, count from the last
  date mentioned, as "the following day" does;
- "twice a year", "eight times a month" are one SET of the unit (TimeML puts the frequency
  in the same TIMEX3, freq="2X"), where "a year" alone after a quantity is only a rate.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from extract.timex.calendar import day_value, month_day_date, month_year, shift, week_value
from extract.timex.holidays import nth_weekday
from extract.timex.lexicon import MONTHS, ORDINALS, UNITS, WEEKDAYS

if TYPE_CHECKING:
    from collections.abc import Callable

    from extract.timex.resolve import Context, Resolved
    from extract.timex.spans import Candidate


def _day_of(p: dict[str, str], c: Candidate, ctx: Context) -> date | str:
    """The date named by month, day and optional year parts, or an X value without a DCT."""
    month, day = MONTHS[p["mon"].rstrip(".")], int(p["day"].rstrip("stndrh"))
    if "year" in p:
        return date(int(p["year"]), month, day)
    if ctx.published is None:
        date(2000, month, day)  # raises on impossible days
        return f"XXXX-{month:02d}-{day:02d}"
    return month_day_date(ctx.published, month, day, ctx.tense(c))


def _week_of(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    day = _day_of(p, c, ctx)
    return "DATE", "XXXX-WXX" if isinstance(day, str) else week_value(day)


def _day_range_end(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    day = _day_of(p, c, ctx)
    return "DATE", day if isinstance(day, str) else day_value(day)


def _ordinal_day(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    day = int(p["day"])
    base = ctx.anchor if ctx.anchor is not None and ctx.anchor_is_day else ctx.published
    if base is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    return "DATE", day_value(date(base.year, base.month, day))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _unit_before(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    unit, step = p["unit"], -1 if p["dir"] == "before" else 1
    base = ctx.anchor
    if base is None or (unit == "day" and not ctx.anchor_is_day):
        base = ctx.published
    if base is None:
        return "DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(
            unit, "XXXX"
        )
    return "DATE", shift(base, _CODES[unit], step)


def _nth_weekday_of(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    """ "the first Monday of April", "the last weekend of July", "the second week of May"."""
    month, what = MONTHS[p["mon"].rstrip(".")], p["what"]
    n = ORDINALS[p["ord"]] if p["ord"] not in ("last", "final") else -1
    if "year" in p:
        year = int(p["year"])
    elif ctx.published is not None:
        year = month_year(ctx.published, month, ctx.tense(c))
    else:
        return "DATE", f"XXXX-{month:02d}"
    if what == "week":
        first = date(year, month, 1)
        day = first + timedelta(weeks=n - 1) if n > 0 else _month_end(year, month)
        return "DATE", week_value(day)
    weekday = WEEKDAYS.get(what, 6)  # a weekend is found by its Saturday
    day = nth_weekday(year, month, weekday, n)
    if day.month != month:
        return None  # "the fifth Monday of February"
    return "DATE", week_value(day) + "-WE" if what == "weekend" else day_value(day)


def _set_rate(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    letter, is_time, multiplier = UNITS[p["unit"]]
    return "SET", f"PT{multiplier}{letter}" if is_time else f"P{multiplier}{letter}"


_OFFSET_PREFIX = re.compile(r"\bthe\s+(day|week)\s+(before|after)\s+$", re.IGNORECASE)


def offset_prefix(text: str, start: int, value: str) -> tuple[int, str, str] | None:
    """The wider start, type and value of a day-precise date preceded by "the day/week
    before/after" ("the day before last Tuesday"); None when there is no such prefix. ("The
    night of Oct. 23" is not widened: AQUAINT tags only "Oct. 23".)"""
    if len(value) != 10 or not value[:4].isdigit():
        return None
    m = _OFFSET_PREFIX.search(text, max(0, start - 24), start)
    if m is None:
        return None
    step = -1 if m.group(2).lower() == "before" else 1
    try:
        shifted = shift(date.fromisoformat(value), _CODES[m.group(1).lower()], step)
    except (ValueError, OverflowError):
        return None  # "the day after Dec. 31, 9999": off the calendar, keep the date alone
    return m.start(), "DATE", shifted


def _fiscal_year(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    """ "FY2025", "FY25": a fiscal year, named by the calendar year it ends in."""
    digits = p["fy"]
    if len(digits) == 4:
        return "DATE", digits
    year = 2000 + int(digits)
    horizon = ctx.published.year + 20 if ctx.published else 2099
    return "DATE", f"{year if year <= horizon else year - 100:04d}"


COMPOSED_RESOLVERS: dict[str, Callable[[dict[str, str], Candidate, Context], Resolved]] = {
    "week_of": _week_of, "day_range_end": _day_range_end, "ordinal_day": _ordinal_day,
    "unit_before": _unit_before, "set_rate": _set_rate, "nth_weekday_of": _nth_weekday_of,
    "fiscal_year": _fiscal_year,
}
