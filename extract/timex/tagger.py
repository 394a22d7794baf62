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
``timex_speech`` (quotes keep the speaker's time). dateparser is used for numeric dates
("6/20/24"); ``timeml`` and ``evaluate`` read and score the TimeML corpora.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date

from extract.ranges import DateRange, value_range
from extract.timex.composed import offset_prefix
from extract.timex.resolve import Context, resolve
from extract.timex.spans import Candidate, find_candidates, select
from extract.timex.speech import inside, quotations, speech_date

TYPES = ("DATE", "TIME", "DURATION", "SET")

VALUE_GRAMMAR = re.compile(
    r"^(?:"
    r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-Q[1-4]|-H[12]"
    r"|-(?:SP|SU|FA|WI))?(?:T(?:\d{2}:\d{2}|\d{2}|MO|AF|EV|NI|MI))?"
    r"|XXXX-XX-XXT(?:\d{2}:\d{2}|MO|AF|EV|NI)"
    r"|\d{3}|\d{2}|XXX|XX|BC\d{4}"
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
    for candidate in select(find_candidates(text)):
        resolved = _resolve(candidate, context)
        if resolved is not None:
            kind, value = resolved
            start, end = candidate.start, candidate.end
            wider = offset_prefix(text, start, value) if kind == "DATE" else None
            if wider is not None and (not found or found[-1].end <= wider[0]):
                start, kind, value = wider  # "the day before last Tuesday": one expression
            elif quotes and (quote := inside(quotes, candidate)) is not None:
                quoted.append((candidate, quote, len(found)))
            found.append(Timex(start, end, text[start:end], kind, value))
    if quoted:
        _requote(text, published, found, quoted)
    return found


def _resolve(candidate: Candidate, context: Context) -> tuple[str, str] | None:
    try:
        resolved = resolve(candidate, context)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError):
        return None
    if resolved is None or not is_valid_value(resolved[1]):
        return None
    span = context.text[candidate.start : candidate.end]
    return resolved if _plausible(resolved[1], span, context.published) else None


def _requote(
    text: str,
    published: date | None,
    found: list[Timex],
    quoted: list[tuple[Candidate, tuple[int, int], int]],
) -> None:
    """Resolve again, from the date the words were spoken, what quotes say ("timex_speech")."""
    dated = [(t.start, t.end, t.value) for t in found if t.type in ("DATE", "TIME")]
    for candidate, quote, i in quoted:
        spoken = speech_date(text, quote, dated)
        if spoken is None or spoken == published:
            continue
        resolved = _resolve(candidate, Context(text, spoken, anchor=spoken))
        if resolved is not None:
            found[i] = replace(found[i], type=resolved[0], value=resolved[1])


_FAR_FUTURE_YEARS = 100


def _plausible(value: str, span: str, published: date | None) -> bool:
    """A bare number read as a year a century after publication is a part number or a count
    ("the 2114/PC system", "968,4287 1st half" in a 1987 table), unless it says "year"."""
    if published is None or not value[:4].isdigit() or "year" in span.lower():
        return True
    return int(value[:4]) <= published.year + _FAR_FUTURE_YEARS
