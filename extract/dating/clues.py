"""Clues to when an article was written: its date expressions, with the tense they are told in.

Why a separate step: publication-date inference (``extract.dating.published``) scores candidate days
against what the text says, and it needs each expression reduced to what it constrains -- a
full day, a month-day of unknown year, a weekday, a year, a month -- plus whether the sentence
looks back ("withdrew on Thursday": written on or after it) or ahead ("expires in October":
written before it). The tagger runs with no publication date, so relative expressions keep
their X placeholders (``XXXX-06-18``, ``XXXX-WXX-2``) and nothing is resolved against a guess.

Tense is read from a few words around the expression, nearest marker wins: future markers
(``will``, ``next``, ``expected to``, present-tense schedule verbs such as ``expires``) versus
past markers (``-ed`` verbs, common irregular pasts, ``last``, ``ago``). News reports the past by
default, so an expression with no marker counts as past.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

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


def _words(text: str) -> list[str]:
    return text.split()


_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAME = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I
)
_FUTURE_WORDS = frozenset(
    _words(
        "will won't wont shall 'll ll next coming upcoming tomorrow expected expects scheduled "
        "due plans plan planned planning intends ahead until expires expire ends starts "
        "begins opens closes meets runs takes holds would could may might should"
    )
)
_PAST_WORDS = frozenset(
    _words(
        "said told was were had did made took gave came went saw won lost met left held rose "
        "fell withdrew began wrote sold bought paid became knew led ran spoke stood thought "
        "brought kept sent spent got found chose drew grew broke ago last "
        "earlier previous yesterday since former formerly ended"
    )
)
_MODALS = frozenset(_words("will would may might could should shall 'll to"))
_PASSIVE = frozenset(_words("be is are being"))
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")
_WORD = re.compile(r"[A-Za-z']+")
_SINCE = re.compile(r"\b(?:since|from|after)\s*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LINKABLE = ("day", "month_day", "weekday")
_RARE = 2  # a linking word appears at most this often in the article
_COUNTED = 200_000  # characters in which word frequencies are counted
_CONTEXT = 40  # characters either side whose words may link a weekday to a date
_PLAIN_WORDS = frozenset(
    _words(
        "said says that this with from have been were will would their there which about after "
        "before also than when what into over more such only last next week year month today "
        "earlier later early late monday tuesday wednesday thursday friday saturday sunday "
        "january february march april june july august september october november december"
    )
)
_WINDOW = 60  # characters either side of the expression searched for tense markers


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
    """ "past" or "future": the tense of the sentence around ``text[start:end]``."""
    lead = text[start:end].split(maxsplit=1)[0].lower() if text[start:end].strip() else ""
    if lead in ("next", "coming", "upcoming"):
        return "future"
    if lead in ("last", "past", "previous"):
        return "past"
    left = _sentence_left(text, start)
    right = _sentence_right(text, end)
    before = [w.lower() for w in _WORD.findall(left)]
    after = [w.lower() for w in _WORD.findall(right)]
    for distance in range(max(len(before), len(after))):
        for words, index in ((before, len(before) - 1 - distance), (after, distance)):
            if 0 <= index < len(words):
                marker = _marker(words, index)
                if marker:
                    return marker
    return "past"


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
    left = _sentence_left(text, start)[-_CONTEXT:]
    right = _sentence_right(text, end)[:_CONTEXT]
    words = (_stem(w) for w in _WORD.findall(left + " " + right))
    return frozenset(w for w in words if len(w) > 3 and w not in _PLAIN_WORDS)


def _stem(word: str) -> str:
    return word.lower().removesuffix("s")


def _named_weekday(said: str) -> int:
    """The weekday written with a date ("Friday, Oct. 23"): 1-7, or 0 when none is."""
    match = _WEEKDAY_NAME.search(said)
    return _WEEKDAY_NAMES.index(match[0][:3].lower()) + 1 if match else 0


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31 and not (month == 2 and day > 29)


def _marker(words: list[str], index: int) -> str:
    """The tense ``words[index]`` marks: "future", "past" or "" (none)."""
    word = words[index]
    if word in _FUTURE_WORDS:
        return "future"
    if word in _PAST_WORDS:
        return "past"
    if len(word) > 4 and word.endswith("ed"):
        helpers = words[max(0, index - 3) : index]
        if any(h in _MODALS for h in helpers):
            return "future"  # "will be announced", "may be resolved", "is expected to be paid"
        if any(h in _PASSIVE for h in helpers):
            return ""
        return "past"
    return ""


def _sentence_left(text: str, start: int) -> str:
    left = text[max(0, start - _WINDOW) : start]
    ends = list(_SENTENCE_END.finditer(left))
    return left[ends[-1].end() :] if ends else left


def _sentence_right(text: str, end: int) -> str:
    right = text[end : end + _WINDOW]
    stop = _SENTENCE_END.search(right)
    return right[: stop.start()] if stop else right
