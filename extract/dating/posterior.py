"""How likely each candidate day is as an article's publication date, given its date clues.

Why a probability and not a best score: measured on Reuters-21578 and TimeML stories with their
dates hidden, most single clues are weak -- a month-day told "in the past" lies after
publication about half the time (record dates, payment dates), and the latest year told in the
past is the publication year only a quarter of the time (a third of the time it is the year
before: "1986 results" are reported in 1987). A date is worth returning only when the clues
*together* pin it down, and a posterior says how much: ``Posterior.best`` gives the
probability mass within a week of the best day, and ``extract.dating.scoring`` returns a date
only above a threshold (the trade-off curve: ``benchmarks/published_accuracy.py --curve``).

Each clue contributes a likelihood that mixes a "near" part (how far publication usually is
from what the clue names, measured on those corpora) with a flat background (the clue is about
something else: a bond maturing in 1997, a war in 1945), so no single clue can decide.

Candidates are all days from the earliest year the text names (at most twelve years back) to
four years after the latest; an article that names no year gets no posterior (the weekday
and month-day cycles repeat for ever). Vectorised with numpy: well under a millisecond per
article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from extract.dating.clues import Clue

_EPOCH = date(1970, 1, 1)
_YEARS_BACK = 12  # candidate years reach back to the earliest year named, at most this far
_YEARS_AFTER = 4  # and forward this far after the latest
# Measured on Reuters-21578 (a sample apart from the benchmark's) and TimeML.
# P(publication year - latest year told in the past = k): "1986 results" are told in 1987.
# Reuters alone peaks harder at 1 (0.36); TimeML spreads over 1-4: the table is between.
_PAST_YEAR = {-3: 0.03, -2: 0.04, -1: 0.06, 0: 0.2, 1: 0.3, 2: 0.14, 3: 0.07, 4: 0.05, 5: 0.03}
_FUTURE_YEAR = {-1: 0.18, 0: 0.25, 1: 0.12, 2: 0.05, 3: 0.03}  # k = year told - publication year
# P(publication month - month-year told = k months): mostly a year-ago comparison ("sales rose
# from February 1986") or history, so a month-year is a floor more than a date.
_PAST_MONTH = {-4: 0.02, -3: 0.02, -2: 0.02, -1: 0.02, 0: 0.01} | dict.fromkeys(range(1, 13), 0.03)
_PAST_MONTH |= {13: 0.18, 14: 0.06}
_MONTH_ONLY = (0.35, 0.25, 0.12, 0.07, 0.05, 0.04, 0.03, 0.03, 0.02, 0.02, 0.01, 0.01)
_PAST_WEEKDAY = (0.40, 0.22, 0.10, 0.12, 0.07, 0.04, 0.05)  # days since the weekday named
_FUTURE_WEEKDAY = (0.20, 0.20, 0.15, 0.13, 0.12, 0.10, 0.10)  # days until it
_DAY_SCALE = 15.0  # days: spread of publication around a named day
# Share of the near part with the named day before publication. A month-day told in the past
# is as often after publication as before (record and payment dates with no future marker);
# a full date or one written with its weekday told in the past is mostly before it.
_DAY_SIDE = {"past": 0.5, "future": 0.2}
_DATED_SIDE = {"past": 0.75, "future": 0.2}
_NEAR_DAY = {"past": 0.25, "future": 0.1}  # full dates: mostly history, or maturities (spread
# four times wider when told ahead: "the notes mature on May 7, 1992")
_NEAR_MONTH_DAY = 0.6  # a month-day without year is within a month or so of publication
# A date written with its weekday ("Tuesday, March 3"): news style keeps weekdays for the days
# around publication; measured, 7 of 9 such dates lie within ten days of it.
_NEAR_WRITTEN = 0.75
_WRITTEN_SCALE = 5.0
_LINKED = np.log(6.0)  # a linked weekday landing on a named day: by chance one time in seven
_SINCE_BEFORE = np.log(0.02)
_WEEK = 7


@dataclass(frozen=True)
class Posterior:
    """Probabilities of consecutive days from ``first``."""

    first: date
    prob: np.ndarray

    def best(self) -> tuple[date, float]:
        """The day with most mass within a day of it, and the mass within a week of it."""
        near = np.convolve(self.prob, np.ones(3), mode="same")
        index = int(np.argmax(near))
        week = self.prob[max(0, index - _WEEK) : index + _WEEK + 1].sum()
        return self.first + timedelta(days=index), float(week)

    def years(self) -> dict[int, float]:
        """Probability of each candidate year."""
        ordinals = _EPOCH.toordinal() + _days(self.first) + np.arange(len(self.prob))
        years = np.array([date.fromordinal(int(o)).year for o in ordinals[[0, -1]]])
        out: dict[int, float] = {}
        for year in range(int(years[0]), int(years[1]) + 1):
            start = _days(date(year, 1, 1)) - _days(self.first)
            end = _days(date(year, 12, 31)) - _days(self.first) + 1
            out[year] = float(self.prob[max(0, start) : max(0, end)].sum())
        return out


def posterior(found: Sequence[Clue]) -> Posterior | None:
    """The posterior over publication days, or None when the text names no usable year."""
    named = [c.year for c in found if c.year and 1 <= c.year <= 9998]
    if not named:
        return None
    latest = max(named)
    since = max((c.year for c in found if c.kind == "since" and c.year), default=0)
    low = max(1, min(named) - 1, latest - _YEARS_BACK, min(since, latest))
    high = min(9998, latest + _YEARS_AFTER)
    first = date(low, 1, 1)
    days = np.arange(_days(first), _days(date(high, 12, 31)) + 1)
    stamps = days.astype("datetime64[D]")
    years = stamps.astype("datetime64[Y]").astype(int) + 1970
    months = stamps.astype("datetime64[M]").astype(int)
    weekdays = (days + 3) % 7 + 1  # ISO: 1970-01-01 was a Thursday
    log = np.zeros(len(days))
    log += _year_terms(found, years, since, high - low + 1)
    full = {(c.month, c.day) for c in found if c.kind == "day"}
    for clue in dict.fromkeys(_key(c) for c in found if _counted(c, full)):
        log += _clue_term(clue, days, months, weekdays, low, high)
    log += _links(found, days, weekdays, low, high)
    log -= log.max()
    prob = np.exp(log)
    return Posterior(first, prob / prob.sum())


def _counted(clue: Clue, full: set[tuple[int, int]]) -> bool:
    """Year clues are counted apart; "May 7" after "May 7, 1992" repeats that date."""
    if clue.kind in ("year", "since"):
        return False
    return not (clue.kind == "month_day" and (clue.month, clue.day) in full)


def _key(clue: Clue) -> Clue:
    """A clue without its text and context: the same date said twice counts once."""
    return Clue(clue.kind, "", clue.tense, clue.year, clue.month, clue.day, clue.weekday)


def _year_terms(found: Sequence[Clue], years: np.ndarray, since: int, span: int) -> np.ndarray:
    """The latest plain year told in the past, the earliest told ahead, and "since"."""
    term = np.zeros(len(years))
    past = [c.year for c in found if c.kind == "year" and c.tense == "past"]
    ahead = [c.year for c in found if c.kind == "year" and c.tense == "future"]
    if past:
        term += _mixture(years - max(past), _PAST_YEAR, 0.85, 1 / span)
    if ahead:
        term += _mixture(min(ahead) - years, _FUTURE_YEAR, 0.7, 1 / span)
    if since:
        term += np.where(years < since, _SINCE_BEFORE, 0.0)
    return term


def _clue_term(
    clue: Clue, days: np.ndarray, months: np.ndarray, weekdays: np.ndarray, low: int, high: int
) -> np.ndarray | float:
    kind, tense = clue.kind, clue.tense
    sign = 1 if tense == "past" else -1
    if kind == "year_month":
        named = (clue.year - 1970) * 12 + clue.month - 1
        span = 12 * (high - low + 1)
        return _mixture(sign * (months - named), _PAST_MONTH, 0.8, 1 / span)
    if kind == "month":
        gap = (sign * ((months % 12) - (clue.month - 1))) % 12
        return np.log(0.5 * np.take(_MONTH_ONLY, gap) + 0.5 / 12)
    if kind == "weekday":
        table = _PAST_WEEKDAY if tense == "past" else _FUTURE_WEEKDAY
        gap = (sign * (weekdays - clue.weekday)) % 7
        return np.log(0.7 * np.take(table, gap) + 0.3 / 7)
    if kind in ("day", "month_day"):
        occurrences = _occurrences(clue, low, high)
        if not occurrences:
            return 0.0
        side = _DATED_SIDE.get(tense, 0.5)
        if clue.weekday and all(d.isoweekday() == clue.weekday for d in occurrences):
            weight, scale = _NEAR_WRITTEN, _WRITTEN_SCALE
        elif kind == "day":
            weight, scale = _NEAR_DAY.get(tense, 0.2), _DAY_SCALE * (1 if sign > 0 else 4)
        else:
            weight, scale, side = _NEAR_MONTH_DAY, _DAY_SCALE, _DAY_SIDE.get(tense, 0.5)
        near = _near_day(days, occurrences, side, scale)
        return np.log(weight * near + (1 - weight) / len(days))
    return 0.0


def _near_day(days: np.ndarray, named: list[date], side: float, scale: float) -> np.ndarray:
    """Density of publication around the named days: ``side`` of it after them."""
    gaps = days[:, None] - np.array([_days(d) for d in named])[None, :]
    shares = np.where(gaps >= 0, side, 1 - side)
    return (shares * np.exp(-np.abs(gaps) / scale) / scale).max(axis=1)


def _links(
    found: Sequence[Clue], days: np.ndarray, weekdays: np.ndarray, low: int, high: int
) -> np.ndarray:
    """A bonus where a weekday lands on a month-day it shares a rare word with ("a letter on
    Tuesday" and "the June 18 letter")."""
    term = np.zeros(len(days))
    named = [c for c in found if c.kind in ("day", "month_day") and c.context]
    for clue in found:
        if clue.kind != "weekday" or not clue.context:
            continue
        sign = 1 if clue.tense == "past" else -1
        target = days - sign * ((sign * (weekdays - clue.weekday)) % 7)
        hit = np.zeros(len(days), dtype=bool)
        for other in named:
            if other.tense == clue.tense and clue.context & other.context:
                occurrences = [_days(d) for d in _occurrences(other, low, high)]
                hit |= np.isin(target, occurrences) & (target != days)
        term += np.where(hit, _LINKED, 0.0)
    return term


def _occurrences(clue: Clue, low: int, high: int) -> list[date]:
    """The days a (month-)day clue may name; with a weekday written, only years that agree."""
    if clue.kind == "day":
        found = _safe(clue.year, clue.month, clue.day)
        return [found] if found else []
    every = [d for y in range(low - 1, high + 2) if (d := _safe(y, clue.month, clue.day))]
    agreeing = [d for d in every if d.isoweekday() == clue.weekday]
    return agreeing if clue.weekday and agreeing else every


def _mixture(
    gap: np.ndarray, table: dict[int, float], weight: float, background: float
) -> np.ndarray:
    keys = np.array(sorted(table))
    values = np.array([table[k] for k in keys])
    index = np.clip(gap - keys[0], 0, len(keys) - 1)
    inside = (gap >= keys[0]) & (gap <= keys[-1])
    near = np.where(inside, values[index], 0.0)
    return np.log(weight * near + (1 - weight) * background)


def _days(day: date) -> int:
    return day.toordinal() - _EPOCH.toordinal()


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
