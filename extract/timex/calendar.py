"""Calendar arithmetic for relative dates: shifting by units, ISO weeks, and tense-driven choice.

Why a module of its own: "last week", "in October" (said in June) and "on Tuesday" all reduce
to a few operations on the publication date (shift by n units, pick the occurrence of a month
or weekday before or after it) and to TIMEX3 value strings at a granularity. Keeping them pure
and small lets the resolver read like a table and lets tests pin the edge cases (ISO week 53,
January's "last month", a Thursday article's "on Thursday"). ``month_year`` and
``month_day_date`` are the one resolver of a month or month-day without a year: the tagger,
the holidays and publication-date inference (``dating.clues.named_day``) all pick the year here.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from extract.language.tense import FUTURE, PAST
from extract.ranges import SEASON_MONTHS


def day_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_months(d: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months away from ``d``'s month."""
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def shift(d: date, unit: str, n: int) -> str:
    """The TIMEX3 value ``n`` units (D, W, M, Q, Y, E decade, C century) from ``d``, at that
    granularity."""
    if not 1 <= d.year + n * {"E": 10, "C": 100}.get(unit, 0 if unit in "DWMQ" else 1) <= 9999:
        raise ValueError(f"{n} {unit} from {d} is off the calendar")
    if unit == "D":
        return day_value(d + timedelta(days=n))
    if unit == "W":
        return week_value(d + timedelta(weeks=n))
    if unit == "M":
        return month_value(*shift_months(d, n))
    if unit == "Q":
        year, month = shift_months(d, 3 * n)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "E":
        return f"{(d.year + 10 * n) // 10:03d}"
    if unit == "C":
        return f"{(d.year + 100 * n) // 100:02d}"
    return f"{d.year + n:04d}"


# --- the one resolver of a month or month-day without a year --------------------------------


def month_year(anchor: date, month: int, tense: str, *, strict: bool = False) -> int:
    """The year of the ``month`` a clause in ``tense`` means, seen from ``anchor``: the nearest
    occurrence, with occurrences against the tense counted three times as far.

    ``strict`` is "last"/"next" February: only occurrences on the tense's side count, and not
    the anchor's own month -- nor, looking back, the month just ended ("last February" said in
    March is a year back; said in April, this year's).
    """
    here = anchor.year * 12 + anchor.month
    options = [(y * 12 + month - here, y) for y in range(anchor.year - 2, anchor.year + 2)]
    if strict:
        side = [(d, y) for d, y in options if (d <= -2 if tense == PAST else d >= 1)]
        return min(side, key=lambda option: abs(option[0]))[1]
    return min((_cost(d, tense), y) for d, y in options[1:])[1]


def story_year(anchor: date, month: int, precision: str) -> int:
    """The year of a month a story names without one ("In April, Lenin returned"): the story's
    year. (Rolling into the next year when the month is behind the story's, "On December 7 ...
    In January", was measured on WikiWars: flashbacks and recaps are as common, and it lost.)"""
    return anchor.year


def occurrences(anchor: date, month: int, day: int) -> list[date]:
    """``month``-``day`` in the years before, of and after ``anchor``'s (those that exist)."""
    found = (_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1))
    return [d for d in found if d is not None]


def month_day_date(anchor: date, month: int, day: int, tense: str) -> date:
    """The date of "June 18" (no year) in a clause of ``tense``; ValueError if no such day."""
    valid = occurrences(anchor, month, day)
    if not valid:
        raise ValueError(f"no day {month}-{day}")
    return nearest_date(anchor, valid, tense)


def nearest_date(anchor: date, candidates: list[date], tense: str) -> date:
    """The candidate a clause in ``tense`` most likely means: the nearest to ``anchor``, those
    against the tense counted three times as far and ruled out beyond two months, the earlier
    on a tie. PRESENT (no tense) is plainly the nearest."""
    return min(candidates, key=lambda c: (_cost((c - anchor).days, tense, _NEAR_DAYS), c > anchor))


def _cost(distance: int, tense: str, near: int = 3) -> int:
    """Distance to a candidate, tripled when it runs against the tense (the future in a past
    clause): a past clause can still mean next week's deadline, but rarely next year's. Beyond
    ``near`` units (months, or days for dates) an occurrence against the tense is ruled out:
    "gathered on Memorial Day" said in March is last May's, never this May's."""
    against = (distance > 0 and tense == PAST) or (distance < 0 and tense == FUTURE)
    if against and abs(distance) > near:
        return abs(distance) * _AGAINST * 100
    return abs(distance) * (_AGAINST if against else 1)


_AGAINST = 3
_NEAR_DAYS = 60  # about two months: how far a date may run against its clause's tense


def weekday_date(anchor: date, weekday: int, tense: str) -> date:
    """The date of "Tuesday" (ISO weekday 1-7): on or before ``anchor`` in past clauses, on or
    after it in future ones, the nearer one otherwise (news: "on Thursday" in a Thursday
    article is that day)."""
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if tense == FUTURE or (tense != PAST and forward < back):
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def weekend_value(anchor: date, offset: int, tense: str) -> str:
    """ISO week value of a weekend: ``offset`` -1 last, 0 this/the, 1 next."""
    saturday = anchor + timedelta(days=(6 - anchor.isoweekday()) % 7)
    if anchor.isoweekday() == 7:
        saturday = anchor - timedelta(days=1)
    if offset == 0 and tense == PAST and anchor.isoweekday() < 6:
        saturday -= timedelta(weeks=1)
    saturday += timedelta(weeks=offset)
    return week_value(saturday) + "-WE"


def season_value(anchor: date, season: str, offset: int) -> str:
    """ "last summer" (-1): the latest one that has ended; "next" (1): the first not yet begun."""
    first, last = SEASON_MONTHS[season]
    for year in (
        (anchor.year - 1, anchor.year, anchor.year + 1)
        if offset >= 0
        else (anchor.year, anchor.year - 1, anchor.year - 2)
    ):
        start = date(year, first, 1)
        end_year = year + 1 if last < first else year
        end = date(end_year, last, calendar.monthrange(end_year, last)[1])
        if offset < 0 and end < anchor:
            return f"{year:04d}-{season}"
        if offset > 0 and start > anchor:
            return f"{year:04d}-{season}"
        if offset == 0 and start <= anchor <= end:
            return f"{year:04d}-{season}"
    return f"{anchor.year:04d}-{season}"


def season_year(anchor: date, season: str, tense: str) -> int:
    """The year of "the summer" in a clause of ``tense``: this year's, except one not yet begun
    in a past clause ("spent the summer", said in March: last year's) and one already over in
    a future clause (next year's)."""
    first, last = SEASON_MONTHS[season]
    if tense == PAST and date(anchor.year, first, 1) > anchor:
        return anchor.year - 1
    ended = date(anchor.year, last % 12 + 1, 1) <= anchor
    return anchor.year + (tense == FUTURE and ended)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def last_quarter(d: date) -> tuple[int, int]:
    """(year, quarter) of the latest completed quarter: what "the quarter" means in a report."""
    year, month = shift_months(d, -3)
    return year, (month - 1) // 3 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
