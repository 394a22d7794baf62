"""Clues to when an article was written: its date expressions, with the tense they are told in.

Why a separate step: publication-date inference (``extract.dating.published``) scores candidate days
against what the text says, and it needs each expression reduced to what it constrains -- a
full day, a month-day of unknown year, a weekday, a year, a month -- plus whether the sentence
looks back ("withdrew on Thursday": written on or after it) or ahead ("expires in October":
written before it). The tagger runs with no publication date, so relative expressions keep
their X placeholders (``XXXX-06-18``, ``XXXX-WXX-2``) and nothing is resolved against a guess.

Tense is the one tense model's (``extract.language.tense``, the tagger's too), read as told
by ``AS_TOLD``: past, or future for a clause that is not narrated as done.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from extract.language.cues import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS, alternation, words
from extract.language.sentences import sentence_bounds
from extract.language.tense import FUTURE, PAST, PRESENT, clause_tense
from extract.timex.calendar import month_day_date
from extract.timex.tagger import Timex

KINDS = ("day", "month_day", "weekday", "year", "since", "year_month", "month")


@dataclass(frozen=True, slots=True)
class Clue:
    """One date expression reduced to what it says about the publication date.

    ``kind`` is one of ``KINDS``; unused parts are 0. ``weekday`` is ISO (1 = Monday): the
    weekday itself for a "weekday" clue, or the one written with a date ("Friday, Oct. 23").
    """

    kind: str
    text: str
    tense: str  # "past" or "future"
    year: int = 0
    month: int = 0
    day: int = 0
    weekday: int = 0
    context: frozenset[str] = frozenset()  # content words nearby (days and weekdays only)


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})(?:T|$)")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(?:T|$)")
_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH = re.compile(r"^XXXX-(\d{2})$")


_WEEKDAY_NAME = re.compile(rf"\b(?:{alternation(WEEKDAYS)})\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z']+")
_SINCE = re.compile(r"\b(?:since|from|after)\s*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LINKABLE = ("day", "month_day", "weekday")
_RARE = 2  # a linking word appears at most this often in the article
_COUNTED = 200_000  # characters in which word frequencies are counted
_CONTEXT = 40  # characters either side whose words may link a weekday to a date
_PLAIN_WORDS = words(
    """said says that this with from have been were will would their there which about after
    before also than when what into over more such only last next week year month today
    earlier later early late"""
) | frozenset(WEEKDAY_NAMES + MONTH_NAMES)

AS_TOLD: dict[str | None, str] = {PAST: "past", FUTURE: "future", PRESENT: "future", None: "past"}
"""The one tense model (``extract.language.tense``) read for publication-date inference.

Why a mapping: a clue only says whether the article was written after the day it names
("past": "withdrew on Thursday") or before it ("future": "expires in October"). A clause in
the present or under a modal ("may be resolved the week of March 6", "is due on Friday") is
not narrated as done, so it counts as ahead; a clause with no cue at all counts as past, since
news reports what has happened. (The tagger instead takes the nearest occurrence for both.)"""


def named_day(clue: Clue, anchor: date, *, nearest: bool = False) -> date | None:
    """The day a "day" or "month_day" clue names: as written, or for a month-day the
    occurrence the one resolver (``timex.calendar.month_day_date``) picks from ``anchor`` --
    in the clue's own tense, or with ``nearest`` simply the nearest; None for no such day."""
    tense = PRESENT if nearest else {"past": PAST, "future": FUTURE}[clue.tense]
    try:
        if clue.kind == "day":
            return date(clue.year, clue.month, clue.day)
        return month_day_date(anchor, clue.month, clue.day, tense)
    except (ValueError, OverflowError):
        return None


def clues(text: str, timexes: Iterable[Timex]) -> list[Clue]:
    """The clues in ``text`` given its timexes (tagged with no publication date)."""
    found = []
    for timex in timexes:
        if timex.type not in ("DATE", "TIME"):
            continue
        clue = _clue(text, timex)
        if clue is not None:
            found.append(clue)
    if any(clue.context for clue in found):
        found = _rare_context(text, found)
    return found


def _rare_context(text: str, found: list[Clue]) -> list[Clue]:
    """Keep only context words rare in the article: a topic word ("court", "shares") is near
    every date in it and links nothing."""
    counts = Counter(_stem(w) for w in _WORD.findall(text[:_COUNTED]))
    return [
        replace(clue, context=frozenset(w for w in clue.context if counts[w] <= _RARE))
        if clue.context
        else clue
        for clue in found
    ]


def tense_at(text: str, start: int, end: int) -> str:
    """ "past" or "future": the tense of the clause around ``text[start:end]``, as told."""
    return AS_TOLD[clause_tense(text, start, end)]


def _clue(text: str, timex: Timex) -> Clue | None:
    value = timex.value
    said = timex.text
    found = _parse_value(value, said)
    if found is None or (found[0] in ("day", "month_day") and not _DIGIT.search(said)):
        return None  # "that day", "the following day": anchored on another date, not new
    kind, year, month, day, weekday = found
    if kind == "year" and _SINCE.search(text, max(0, timex.start - 12), timex.start):
        kind = "since"
    tense = tense_at(text, timex.start, timex.end)
    context = _context(text, timex.start, timex.end) if kind in _LINKABLE else frozenset()
    return Clue(kind, said, tense, year, month, day, weekday, context)


def _parse_value(value: str, said: str) -> tuple[str, int, int, int, int] | None:
    """(kind, year, month, day, weekday) of a TIMEX3 value, or None if it says nothing useful."""
    if match := _DAY.match(value):
        year, month, day = (int(g) for g in match.groups())
        good = _valid(month, day) and year > 0
        return ("day", year, month, day, _named_weekday(said)) if good else None
    if match := _MONTH_DAY.match(value):
        month, day = (int(g) for g in match.groups())
        return ("month_day", 0, month, day, _named_weekday(said)) if _valid(month, day) else None
    if match := _WEEKDAY.match(value):
        return ("weekday", 0, 0, 0, int(match[1]))
    if match := _YEAR.match(value):
        return ("year", int(match[1]), 0, 0, 0) if int(match[1]) > 0 else None
    if match := _YEAR_MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        return ("year_month", year, month, 0, 0) if 1 <= month <= 12 and year else None
    if match := _MONTH.match(value):
        month = int(match[1])
        return ("month", 0, month, 0, 0) if 1 <= month <= 12 else None
    return None


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """Content words near an expression: "the June 18 letter" and "a letter ... on Tuesday"
    share "letter", a sign that both name the same day."""
    begin, stop = sentence_bounds(text, start, end, _CONTEXT)
    words = (_stem(w) for w in _WORD.findall(text[begin:start] + " " + text[end:stop]))
    return frozenset(w for w in words if len(w) > 3 and w not in _PLAIN_WORDS)


def _stem(word: str) -> str:
    return word.lower().removesuffix("s")


def _named_weekday(said: str) -> int:
    """The weekday written with a date ("Friday, Oct. 23"): 1-7, or 0 when none is."""
    match = _WEEKDAY_NAME.search(said)
    return WEEKDAYS[match[0].lower()] if match else 0


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31 and not (month == 2 and day > 29)


# ---------------------------------------------------------------------------------------------
# Datelines

_DATELINE_LEAD = 80  # characters at the top of an article a dateline may start within
# Before the date: nothing, or a place in a dateline ("LONDON,", "The Hague, ", "NEW YORK --").
_DATELINE_PLACE = re.compile(r"^[ \t]*(?:[A-Z][A-Za-z.'’ -]{1,40}(?:,|[ \t]+[-–—]+)[ \t]*)?$")
# After it: a line break, a dash or bar, an agency in brackets, or the end of the text.
_DATELINE_END = re.compile(r"^[ \t]*(?:\([A-Za-z .&]{2,30}\)[ \t]*)?(?:[-–—|:]|\r?\n|$)")
_SENTENCE_GOES_ON = re.compile(r"^[ \t,]*[a-z]")  # "1 October 2024 was a Tuesday"


def dateline(text: str, timexes: Iterable[Timex]) -> Clue | None:
    """The date an article opens with, as its dateline ("Tuesday, 1 October 2024", "LONDON,
    Oct 1 (Reuters) -"), or None.

    Why: a dateline is the publication date written down, stronger than any reasoning over the
    dates of the story. Only a day counts (a full date or a month-day), only at the very top,
    only before a line break, a dash or an agency; or, for a full date with its year, at the
    very start of the text unless a sentence goes on from it ("1 October 2024 was ...").
    """
    first = next((t for t in timexes if t.type in ("DATE", "TIME")), None)
    if first is None or first.start > _DATELINE_LEAD or not _DIGIT.search(first.text):
        return None  # "Today's markets ..." is no dateline: one is written as a date
    found = _parse_value(first.value, first.text)
    if found is None or found[0] not in ("day", "month_day"):
        return None
    if not _DATELINE_PLACE.match(text[: first.start]):
        return None
    after = text[first.end : first.end + 48]
    at_start = not text[: first.start].strip()
    full = found[0] == "day"
    if not _DATELINE_END.match(after) and not (
        at_start and full and not _SENTENCE_GOES_ON.match(after)
    ):
        return None
    kind, year, month, day, weekday = found
    return Clue(kind, first.text, "past", year, month, day, weekday)
