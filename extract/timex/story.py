"""The reference-time model: does a relative date count from the publication date or the story?

Why: "In April, Lenin returned" means April of the year the story is in, not April before the
article was written; "the previous year", "that autumn", "twelve days later" count from the
story's current time. News counts "on Tuesday" and "last week" from its publication date.
HeidelTime asks its user to choose the document type; here the text decides, per paragraph:

- the evidence is the calendar years the paragraph names ("1917", "March 1917", "480 BC") and
  its deictic words ("today", "yesterday", "last week", "ago", weekday names, "now");
- a year more than ``NEAR_YEARS`` before the publication year is far (later ones are plans and
  maturities, no story); in a text with no deictic word at all, a far month or day ("March
  1917") counts twice: it dates the past to the month to tell it, where "convicted in 2018"
  is background (news has its "Monday" and "today" to tell the two apart);
- a document whose far years (two at least, so counted) outnumber its near years and deictic
  words together is told in story time, and so is each of its paragraphs except one with
  deictic words and no far year (a history's "today, the memorial ...");
- in a news document, a paragraph with two far years or more, outnumbering the rest, is a
  story told inside the news ("In 1990 Iraq invaded Kuwait. In August ...");
- with no publication date nothing is narrative: relative expressions keep their X
  placeholders ("XXXX-04"), which is what publication-date inference reads.

In a narrative stretch the story's current time is the last date the tagger resolved (the
resolver's ``Context.anchor``), so each date moves the story on for the next. Three kinds of
expression speak from the writer's time even there: deictic ones ("today", "on Friday", "ten
years ago": ``deictic``), those in a future clause ("will join on March 12": ``foretold``, by
the one tense model), and glances back ("two decades earlier") do not move the story on.
Stories before the common era are carried on a mirrored calendar (``BC_MIRROR``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from extract.language.tense import FUTURE, clause_tense
from extract.ranges import DateRange
from extract.schema import ANCHORS

if TYPE_CHECKING:
    from extract.timex.spans import Candidate

PUBLISHED, STORY, ABSOLUTE = ANCHORS
"""What a date's value was counted from (the schema's ``anchor`` column)."""

NEAR_YEARS = 1
"""How far (in years) from the publication year a named year still reads as news."""

_PARAGRAPH = re.compile(r"\n\s*\n")
_DEICTIC = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|now|ago|(?:this|last|next)\s+(?:week|month|year)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
_YEAR_PARTS = ("year", "qyear", "y2", "hyear")


@dataclass(frozen=True, slots=True)
class StoryTime:
    """Which stretches of a text are told in story time: paragraph starts and their verdicts."""

    starts: tuple[int, ...]
    narrative: tuple[bool, ...]

    def is_narrative(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return self.narrative[i] if i >= 0 else False


def story_time(text: str, published: date | None, candidates: list[Candidate]) -> StoryTime:
    """The reference-time verdict for each paragraph of ``text`` (see the module docstring)."""
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    if published is None:
        return StoryTime((0,), (False,))
    far_days: list[tuple[int, bool]] = []  # (paragraph, names a month) of each far year
    near = [0] * len(starts)
    for c in candidates:
        year = named_year(c)
        if year is None:
            continue
        i = bisect_right(starts, c.start) - 1
        if year < published.year - NEAR_YEARS:
            far_days.append((i, "mon" in c.parts))
        elif year <= published.year + NEAR_YEARS:
            near[i] += 1  # later years are plans and maturities ("notes due 2005"), no story
    if not far_days:
        return StoryTime((0,), (False,))
    ends = starts[1:] + [len(text)]
    deictic = [len(_DEICTIC.findall(text, a, b)) for a, b in zip(starts, ends, strict=True)]
    dated_past = 1 if any(deictic) else 2  # "March 1917" in a text with no "today", no "Monday"
    far = [0] * len(starts)
    for i, month in far_days:
        far[i] += dated_past if month else 1
    document = sum(far) > 1 and sum(far) > sum(near) + sum(deictic)
    verdicts = tuple(
        (not (deictic[i] > 1 and not far[i]))
        if document
        else far[i] > 1 and far[i] > near[i] + deictic[i]
        for i in range(len(starts))
    )
    return StoryTime(tuple(starts), verdicts)


def named_year(c: Candidate) -> int | None:
    """The calendar year a candidate names in so many words, if any ("480 BC" is -480)."""
    if c.kind == "bc_year":
        return -int(c.parts["year"])
    if c.kind == "century" and "era" in c.parts:
        return -100 * int(re.sub(r"\D", "", c.parts["ord"]) or 1)
    for part in _YEAR_PARTS:
        digits = c.parts.get(part, "")
        if len(digits) == 4 and digits.isdigit():
            return int(digits)
    return None


_LATER = re.compile(r"\s+(?:or\s+so\s+)?later(?:\s+or\s+so)?$", re.IGNORECASE)


def news_offset(text: str, c: Candidate) -> Candidate:
    """ "Three days later" in news: TimeML tags "three days" as a duration and leaves "later"
    out; in a story the whole phrase is a date counted from the story's time."""
    if c.kind != "duration" or not c.parts.get("tail", "").endswith("later"):
        return c
    m = _LATER.search(text, c.start, c.end)
    if m is None:
        return c
    parts = {k: v for k, v in c.parts.items() if k != "tail"}
    return replace(c, end=m.start(), parts=parts)


_DEICTIC_KINDS = frozenset(
    ["reference", "weekday", "weekday_abbr", "part_of_day", "time", "holiday"]
)
_DEICTIC_RELATIONS = frozenset(["last", "next", "this coming", "this past", "coming", "past"])


def deictic(c: Candidate) -> bool:
    """Whether an expression points from the moment of writing even inside a story: "today",
    "on Friday", "last year", "next month", "ten years ago" (the writer's now, not the story's)."""
    return (
        c.kind in _DEICTIC_KINDS
        or c.parts.get("rel", "") in _DEICTIC_RELATIONS
        or c.parts.get("pre", "") in _DEICTIC_RELATIONS
        or c.parts.get("tail", "") == "ago"
    )


BC_MIRROR = 5000
"""Story time before the common era, kept on the proleptic calendar of ``datetime`` by
mirroring: 480 BC is the year 4520 and "the following year" (4521) is 479 BC. The tagger
turns mirrored values back into TIMEX3's ``BC`` form (``from_mirror``)."""

_BC_VALUE = re.compile(r"^BC(\d{4})(?:-(\d{2}))?")


def bc_story_range(value: str) -> DateRange | None:
    """The mirrored range of a "BC0480" or "BC0480-08" value, for the story's current time."""
    m = _BC_VALUE.match(value)
    if m is None or not 0 < int(m.group(1)) < BC_MIRROR:
        return None
    year = BC_MIRROR - int(m.group(1))
    if m.group(2) and 1 <= int(m.group(2)) <= 12:
        month = int(m.group(2))
        return DateRange(date(year, month, 1), date(year, month, 28), "month")
    return DateRange(date(year, 1, 1), date(year, 12, 31), "year")


def from_mirror(value: str) -> str:
    """A value counted from a mirrored BC story time, in TIMEX3's BC form ("4521" -> "BC0479";
    decades "452" -> "BC047", centuries "45" -> "BC05")."""
    digits = re.match(r"^\d+", value)
    if digits is None:
        return value
    n, rest = digits.group(), value[digits.end() :]
    if len(n) == 4 and BC_MIRROR - 1000 < int(n) < BC_MIRROR:
        return f"BC{BC_MIRROR - int(n):04d}{rest}"
    if len(n) == 3 and (BC_MIRROR - 1000) // 10 < int(n) < BC_MIRROR // 10:
        return f"BC{(BC_MIRROR - int(n) * 10 - 9) // 10:03d}{rest}"
    if len(n) == 2 and (BC_MIRROR - 1000) // 100 < int(n) < BC_MIRROR // 100 and not rest:
        return f"BC{(BC_MIRROR - int(n) * 100 - 99) // 100:02d}"
    return value


def names_itself(c: Candidate) -> bool:
    """Whether an expression's value needs no reference time: it names its year, decade or
    century ("March 1917", "the 1990s", "the 4th century BC")."""
    return named_year(c) is not None or c.kind == "century" or "dec" in c.parts


def foretold(text: str, c: Candidate) -> bool:
    """Whether the clause around an expression is in the future tense: a story is told in the
    past, so "will join NATO on March 12" speaks from the writer's time, not the story's."""
    return clause_tense(text, c.start, c.end) == FUTURE
