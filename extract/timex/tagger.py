"""Temporal expressions (TIMEX3) found in text: the public face of the date tagger.

``tag(text, published)`` finds every date, time, duration and set in ``text`` and normalises it
the way TimeML's TIMEX3 does, resolving relative expressions ("last July", "on Thursday")
against ``published`` and the tense of the sentence. It never reads today's date: with
``published=None`` relative expressions keep X placeholders (``XXXX-07``).

How it is built, one concept per module:
``timex_lexicon`` (the words), ``timex_spans`` (where expressions are: one regex per kind of
expression, the longest non-overlapping matches win), ``timex_filters`` (is this "May" a month,
this "1979" a year?), ``tense`` (past, present or future clause), ``timex_calendar`` (unit
arithmetic and tense-driven choice of the occurrence), ``timex_resolve`` and ``timex_periods``
(values), ``timex_holidays`` (Easter, Labor Day: computed for any year), ``timex_composed``
(a date inside a phrase: "the week of March 6", "June 3-5", "the day before last Tuesday"),
``timex_speech`` (quotes keep the speaker's time), ``timex_split_ranges`` ("1861-1863",
"March 5-9, 1918": two expressions sharing a year), ``timex_story`` (the reference-time model:
per paragraph, relative expressions count from the publication date or from the story's
current time; each ``Timex.anchor`` says which). dateparser is used for numeric dates
("6/20/24"); ``timeml`` and ``evaluate`` read and score the TimeML corpora.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from extract.language.tense import can_be_future
from extract.ranges import DateRange, value_range
from extract.timex.composed import offset_prefix
from extract.timex.resolve import Context, resolve
from extract.timex.spans import Candidate, find_candidates, select
from extract.timex.speech import inside, quotations, speech_date
from extract.timex.split_ranges import range_candidates
from extract.timex.story import (
    ABSOLUTE,
    PUBLISHED,
    STORY,
    deictic,
    foretold,
    from_mirror,
    names_itself,
    news_offset,
    story_time,
)

TYPES = ("DATE", "TIME", "DURATION", "SET")

VALUE_GRAMMAR = re.compile(
    r"^(?:"
    r"(?:BC)?(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-Q[1-4]|-H[12]"
    r"|-(?:SP|SU|FA|WI))?(?:T(?:\d{2}:\d{2}|\d{2}|MO|AF|EV|NI|MI))?"
    r"|XXXX-XX-XXT(?:\d{2}:\d{2}|MO|AF|EV|NI)"
    r"|(?:BC)?\d{3}|(?:BC)?\d{2}|XXX|XX"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:(?:\d+(?:\.\d+)?|X)[YMWDECL])+(?:T(?:(?:\d+|X)[HMS])+)?|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+"
    r")$"
)
"""The TIMEX3 values the tagger may produce (TimeML 1.2.1, as TempEval-3 uses them)."""


def is_valid_value(value: str) -> bool:
    return VALUE_GRAMMAR.match(value) is not None


@dataclass(frozen=True, slots=True)
class Timex:
    """One TIMEX3: ``text == source[start:end]`` (Python string offsets)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str = field(default=ABSOLUTE, compare=False)
    """What the value was counted from: ``timex_story.ANCHORS`` (publication, story, none)."""

    @property
    def range(self) -> DateRange | None:
        """The calendar range of a DATE/TIME value; None for durations, sets and X values."""
        if self.type not in ("DATE", "TIME"):
            return None
        return value_range(self.value)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def tag(text: str, published: date | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, non-overlapping.

    Spans come from the grammar in ``extract.timex.spans``, values from
    ``extract.timex.resolve``. Never raises on odd input: a span whose value cannot be computed
    (an impossible date, a year beyond the calendar, "1066 quarters earlier" reaching before
    year 1) is left out: the last check holds every value to the TIMEX3 grammar.
    """
    if not isinstance(text, str) or not text:
        return []
    context = Context(text, published)
    quotes = quotations(text)
    found: list[Timex] = []
    quoted: list[tuple[Candidate, tuple[int, int], int]] = []
    candidates = select(range_candidates(text) + find_candidates(text))
    story = story_time(text, published, candidates)
    future = can_be_future(text)  # else no clause is foretold: not asked date by date (issue 9)
    for candidate in candidates:
        in_story = story.is_narrative(candidate.start)
        context.narrative = in_story and not deictic(candidate) and not (
            future and foretold(text, candidate)
        )
        if context.narrative:
            context.published = context._anchor or published
        else:
            context.published = published
            candidate = news_offset(text, candidate)
        before = context._anchor, context.anchor_is_day, context.anchor_precision
        resolved = _resolve(candidate, context, published)
        if in_story and not context.narrative:  # "today" in a history: the writer's now
            context._anchor, context.anchor_is_day, context.anchor_precision = before
        if resolved is not None:
            kind, value, anchor = resolved
            start, end = candidate.start, candidate.end
            wider = offset_prefix(text, start, value) if kind == "DATE" else None
            if wider is not None and (not found or found[-1].end <= wider[0]):
                start, kind, value = wider  # "the day before last Tuesday": one expression
                anchor = ABSOLUTE if anchor == ABSOLUTE else STORY
            elif quotes and (quote := inside(quotes, candidate)) is not None:
                quoted.append((candidate, quote, len(found)))
            found.append(Timex(start, end, text[start:end], kind, value, anchor))
    if quoted:
        _requote(text, published, found, quoted)
    return _attach_times(text, found)


_JUST_A_COMMA = re.compile(r"\s*,?\s*")


def _attach_times(text: str, found: list[Timex]) -> list[Timex]:
    """ "3 Oct 10pm", "this Sat, 7pm": a day and the clock time on it, written together, are
    one TIME ("on Monday at 3 p.m." keeps two: TimeBank tags them apart)."""
    merged: list[Timex] = []
    for t in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and t.type == "TIME"
            and last.type == "DATE"
            and len(last.value) == 10
            and t.value.startswith(last.value + "T")
            and _JUST_A_COMMA.fullmatch(text, last.end, t.start)
        ):
            merged[-1] = replace(
                t, start=last.start, text=text[last.start : t.end], anchor=last.anchor
            )
        else:
            merged.append(t)
    return merged


def _resolve(
    candidate: Candidate, context: Context, published: date | None
) -> tuple[str, str, str] | None:
    """(type, value, anchor) of a candidate, or None when it has no valid value."""
    context.consulted.clear()
    try:
        resolved = resolve(candidate, context)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError):
        return None
    if resolved is None or not is_valid_value(resolved[1]):
        return None
    kind, value = resolved
    anchor = ABSOLUTE if names_itself(candidate) else _anchor_used(context)
    if anchor == STORY and context.bc_story:
        value = from_mirror(value)  # counted from a story told before the common era
        if not is_valid_value(value):
            return None
    span = context.text[candidate.start : candidate.end]
    if not _plausible(value, span, published):
        return None
    return kind, value, anchor


def _anchor_used(context: Context) -> str:
    """Which reference the last resolution counted from (``timex_story.ANCHORS``)."""
    if "story" in context.consulted or (context.narrative and "published" in context.consulted):
        return STORY
    return PUBLISHED if "published" in context.consulted else ABSOLUTE


def _requote(
    text: str,
    published: date | None,
    found: list[Timex],
    quoted: list[tuple[Candidate, tuple[int, int], int]],
) -> None:
    """Resolve again, from the date the words were spoken, what quotes say ("timex_speech")."""
    dated = sorted((t.start, t.end, t.value) for t in found if t.type in ("DATE", "TIME"))
    for candidate, quote, i in quoted:
        spoken = speech_date(text, quote, dated)
        if spoken is None or spoken == published:
            continue
        resolved = _resolve(candidate, Context(text, spoken, spoken), published)
        if resolved is not None:
            anchor = ABSOLUTE if resolved[2] == ABSOLUTE else STORY  # the speaker's time
            found[i] = replace(found[i], type=resolved[0], value=resolved[1], anchor=anchor)


_FAR_FUTURE_YEARS = 100


def _plausible(value: str, span: str, published: date | None) -> bool:
    """A bare number read as a year a century after publication is a part number or a count
    ("the 2114/PC system", "968,4287 1st half" in a 1987 table), unless it says "year"."""
    if published is None or not value[:4].isdigit() or "year" in span.lower():
        return True
    return int(value[:4]) <= published.year + _FAR_FUTURE_YEARS
