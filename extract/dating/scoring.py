"""Scoring candidate publication days against an article's date clues.

Why a score and not rules: the evidence in an article is partial and sometimes wrong (a tense
misread, a bond maturing in 1997), so no single clue may decide. Each candidate day gets a sum
of log-likelihood-like terms (0 = as expected, negative = surprising), the best day wins, and
the gap to days in other weeks says how sure we are:

- years: each distinct year told in the past is usually this year or last, rarely later than
  publication; a future one is usually this year or next; "since Y" rules out days before Y;
- days and month-days: told in the past, a little before publication; in the future, after;
- weekdays: "withdrew on Thursday" means written that Thursday or in the days after;
- months: weakly, in the same way;
- coincidences: a weekday and a month-day that land on the same day ("on Tuesday" ... "the
  June 18 letter") count strongly, since by chance they would agree one time in seven.

Candidates are the days around each day-level clue in the plausible years; an article without a
year and a day-level clue gets no date from its own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from extract.dating.clues import Clue, named_day
from extract.dating.posterior import posterior

MARGIN = 1.0
"""Score by which the best day must beat every day in another week to count as sure."""

SURE_POSTERIOR = 0.8
"""Probability within a week of the best day (``extract.dating.posterior``) from which a day is
sure even without a linked weekday. Measured: below 0.8 most such days are in the wrong year."""

_COINCIDENCE = 2.5
_WRONG_WEEKDAY = -3.0  # "Friday, Oct. 23" in a year where Oct. 23 is no Friday
_SAME_WEEK = 3
_PAST_WEEKDAY = (0.0, -0.4, -1.2, -1.6, -2.0, -2.2, -2.4)
_FUTURE_WEEKDAY = (-1.0, 0.0, -0.3, -0.6, -0.9, -1.2, -1.5)
_PAST_YEAR = (0.0, 0.0, -0.8, -1.2)
_BEYOND_LATEST = 0.6  # per year after the year following the latest year told in the past
_LOOKAHEAD = 15  # years searched after the latest year for a weekday/month-day coincidence


@dataclass(frozen=True, slots=True)
class Inference:
    """A day, why, and whether it is sure enough to anchor other articles of the batch."""

    day: date
    evidence: tuple[str, ...]
    sure: bool


def infer_day(found: Sequence[Clue]) -> Inference | None:
    """The best publication day for these clues, or None when they cannot place one."""
    years = _candidate_years(found)
    if not years:
        return None
    scored = {day: score_day(day, found) for day in _candidates(found, years)}
    if not scored:
        return None
    best = max(scored, key=lambda day: (scored[day], day))
    rivals = [s for day, s in scored.items() if abs((day - best).days) > _SAME_WEEK]
    margin = scored[best] - max(rivals, default=scored[best] - MARGIN)
    linked = bool(_coincidences(best, found))
    sure = (linked or (margin >= MARGIN and _told_before(best, found))) and not contradicts(
        best, found
    )
    if not sure and (spread := posterior(found)) is not None:
        day, within_week = spread.best()
        if within_week >= SURE_POSTERIOR and not contradicts(day, found):
            notes = (*evidence(day, found), f"{within_week:.0%} likely within a week of {day}")
            return Inference(day, notes, True)
    return Inference(best, evidence(best, found), sure)


def coarse(found: Sequence[Clue]) -> tuple[str, ...]:
    """What the clues establish when no day is sure: the likely years, or why nothing is.

    Why: a wrong exact day misleads every relative date resolved against it, so an undated
    article keeps ``published=None``; but "likeliest 1987" still helps a reader place it. The
    percentages are the model's and run high: at 70% or more the top year was right 16 times
    in 22 on a Reuters development sample, 11 in 20 on the benchmark's, 0 in 1 on TimeML.
    """
    spread = posterior(found)
    if spread is None:
        return ("no year named in the text: not dated",)
    years = sorted(spread.years().items(), key=lambda item: -item[1])
    notes = []
    since = max((c.year for c in found if c.kind == "since"), default=0)
    if since:
        notes.append(f"'since {since}': written in {since} or later")
    likely = ", ".join(f"{y} ({p:.0%})" for y, p in years[:3])
    notes.append(f"likeliest years: {likely}; no day established")
    return tuple(notes)


def _told_before(best: date, found: Sequence[Clue]) -> bool:
    """Whether a dated day (year included) is told in the past within a fortnight of ``best``."""
    for clue in found:
        if clue.kind == "day" and clue.tense == "past":
            target = _safe_date(clue.year, clue.month, clue.day)
            if target is not None and 0 <= (best - target).days <= 14:
                return True
    return False


def contradicts(day: date, found: Sequence[Clue]) -> bool:
    """Whether the clues rule ``day`` out: a year told in the past (or "since") after it."""
    return any(
        clue.year > day.year for clue in found if clue.tense == "past" or clue.kind == "since"
    )


def score_day(day: date, found: Sequence[Clue]) -> float:
    """How well ``day`` as publication date fits the clues (higher is better)."""
    score = sum(_year_term(day.year, clue) for clue in _distinct_years(found))
    latest = _latest_past_year(found)
    if latest is not None and day.year > latest + 1:
        score -= _BEYOND_LATEST * (day.year - latest - 1)
    for clue in found:
        kind = clue.kind
        if kind in ("day", "month_day"):
            target = _nearest(day, clue)
            if target is not None:
                score += _day_term((day - target).days, clue.tense)
                if clue.weekday and target.isoweekday() != clue.weekday:
                    score += _WRONG_WEEKDAY
        elif kind == "weekday":
            if clue.tense == "future":
                score += _FUTURE_WEEKDAY[(clue.weekday - day.isoweekday()) % 7]
            else:
                score += _PAST_WEEKDAY[(day.isoweekday() - clue.weekday) % 7]
        elif kind in ("year_month", "month"):
            score += _month_term(day, clue.year, clue.month, clue.tense)
    return score + _COINCIDENCE * len(_coincidences(day, found))


def evidence(best: date, found: Sequence[Clue]) -> tuple[str, ...]:
    """Short sentences naming the expressions that placed ``best``."""
    notes: list[str] = []
    for week_clue, day_clue, target in _coincidences(best, found):
        years = [
            y
            for y in range(best.year - 12, best.year + 1)
            if (d := _safe_date(y, target.month, target.day))
            and d.isoweekday() == target.isoweekday()
        ]
        notes.append(
            f"'{day_clue.text}' + '{week_clue.text}': {target.day} {target:%B} is a "
            f"{target:%A} in {', '.join(map(str, years))}"
        )
    since = [c for c in found if c.kind == "since"]
    if since:
        latest = max(since, key=lambda c: c.year)
        notes.append(f"'{latest.text}': not before {latest.year}")
    past_years = sorted({c.year for c in found if c.year and c.tense == "past"})
    if past_years and not since:
        notes.append(f"years told in the past: latest {past_years[-1]}")
    hits = {target for _, _, target in _coincidences(best, found)}
    near = [
        (abs((best - target).days), clue, target)
        for clue in found
        if clue.kind in ("day", "month_day")
        and (target := _nearest(best, clue)) is not None
        and target not in hits
        and abs((best - target).days) <= 14
    ]
    if near:
        _, clue, target = min(near, key=lambda item: item[0])
        notes.append(f"'{clue.text}' ({clue.tense}): {target.isoformat()}")
    for clue in found:
        if clue.kind == "weekday" and clue.tense == "past" and best.isoweekday() == clue.weekday:
            notes.append(f"'{clue.text}' (past): {best.isoformat()}")
            break
    return tuple(dict.fromkeys(notes))


def _latest_past_year(found: Sequence[Clue]) -> int | None:
    years = [c.year for c in found if c.year and (c.tense == "past" or c.kind == "since")]
    return max(years, default=None)


def _distinct_years(found: Sequence[Clue]) -> list[Clue]:
    seen: dict[tuple[str, str, int], Clue] = {}
    for clue in found:
        if clue.year:
            seen.setdefault((clue.kind == "since" and "since" or "", clue.tense, clue.year), clue)
    return list(seen.values())


def _year_term(year: int, clue: Clue) -> float:
    gap = year - clue.year
    if clue.kind == "since":
        return -6.0 if gap < 0 else 0.0
    if clue.tense == "future":
        if gap > 0:
            return max(-2.5, -1.5 * gap)
        return 0.0 if gap >= -1 else max(-1.0, 0.3 * (gap + 1))
    if gap < 0:
        return max(-6.0, 2.0 * gap)
    return _PAST_YEAR[min(gap, len(_PAST_YEAR) - 1)]


def _day_term(gap: int, tense: str) -> float:
    """``gap`` = publication minus the clue's day; past clues want it small and positive."""
    if tense == "future":
        gap = -gap
    if gap < 0:
        return max(-3.0, -1.0 + 0.2 * gap)
    if gap <= 3:
        return -0.1 * gap
    return max(-2.5, -0.3 - 0.05 * (gap - 3))


def _month_term(day: date, year: int, month: int, tense: str) -> float:
    if year:
        gap = day.year * 12 + day.month - (year * 12 + month)
        if tense == "future":
            gap = -gap
    elif tense == "future":
        gap = (month - day.month) % 12
    else:
        gap = (day.month - month) % 12
    if gap < 0:
        return max(-2.0, -0.8 + 0.3 * gap)
    return -0.05 * min(gap, 12)


def _nearest(day: date, clue: Clue) -> date | None:
    """The clue's day: as written, or for a month-day the one its tense points to from ``day``."""
    return named_day(clue, day)


def _coincidences(day: date, found: Sequence[Clue]) -> list[tuple[Clue, Clue, date]]:
    """(weekday clue, day clue, date): a weekday near ``day`` is a day the text names, and
    words near both tie them to one happening ("a letter on Tuesday", "the June 18 letter")."""
    named: dict[tuple[date, str], list[Clue]] = {}
    for clue in found:
        if clue.kind in ("day", "month_day") and clue.context:
            target = _nearest(day, clue)
            if target is not None and target != day:
                named.setdefault((target, clue.tense), []).append(clue)
    hits: dict[date, tuple[Clue, Clue, date]] = {}
    for clue in found:
        if clue.kind != "weekday" or not clue.context:
            continue
        if clue.tense == "future":
            target = day + timedelta(days=(clue.weekday - day.isoweekday()) % 7)
        else:
            target = day - timedelta(days=(day.isoweekday() - clue.weekday) % 7)
        for other in named.get((target, clue.tense), ()):
            if clue.context & other.context:
                hits.setdefault(target, (clue, other, target))
    return list(hits.values())


def _candidate_years(found: Sequence[Clue]) -> set[int]:
    told = {clue.year for clue in found if clue.year}
    if not told:
        return set()
    years = {y + d for y in told for d in (-1, 0, 1, 2)}
    weekdays = {c.weekday for c in found if c.kind == "weekday"}
    latest = max(told)
    for clue in found:
        if clue.kind == "month_day" and (weekdays or clue.weekday):
            wanted = {clue.weekday} if clue.weekday else weekdays
            for year in range(latest - 1, latest + _LOOKAHEAD):
                named = _safe_date(year, clue.month, clue.day)
                if named and named.isoweekday() in wanted:
                    years.add(year)
    return {y for y in years if 1 <= y <= 9998}


def _candidates(found: Sequence[Clue], years: set[int]) -> set[date]:
    anchors: list[tuple[date | None, str]] = []
    for clue in found:
        if clue.kind == "day":
            anchors.append((_safe_date(clue.year, clue.month, clue.day), clue.tense))
        elif clue.kind == "month_day":
            anchors.extend((_safe_date(y, clue.month, clue.day), clue.tense) for y in years)
    days: set[date] = set()
    for anchor, tense in anchors:
        if anchor is None:
            continue
        first, last = (-3, 30) if tense == "past" else (-30, 3)
        for offset in range(first, last + 1):
            day = _shift(anchor, offset)
            if day is not None and day.year in years:
                days.add(day)
    return days


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift(day: date, offset: int) -> date | None:
    try:
        return day + timedelta(days=offset)
    except OverflowError:
        return None
