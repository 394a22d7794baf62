"""Quoted speech keeps the speaker's own time.

Why: in 'In a speech in October 2023, he said: "Next year will be difficult."' the quote's
"next year" is 2024, counted from when the words were spoken, not from the publication date.
News attributes quotes with a reporting verb and often a date ("he said on Monday", "told
the paper in January 2024"); when that date sits in the same sentence outside the quote, the
relative expressions inside are resolved again with it as their reference time. Absolute
dates inside the quote are unaffected; quotes with no dated attribution keep the publication
date, as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from typing import TYPE_CHECKING

from extract.language.cues import REPORTING_VERBS, alternation
from extract.language.sentences import sentence_bounds
from extract.ranges import value_range

if TYPE_CHECKING:
    from extract.timex.spans import Candidate

_QUOTES = re.compile(r'"[^"\n]{1,800}"|“[^”\n]{1,800}”|``[^\n]{1,800}?\'\'')
_ATTRIBUTIONS = REPORTING_VERBS | {"according to", "speech", "interview", "statement"}
_REPORTING = re.compile(rf"\b(?:{alternation(_ATTRIBUTIONS)})\b", re.IGNORECASE)
_REACH = 160  # characters before a quote where its attribution is looked for
_AFTER = 60  # and after it ('," the minister said on Tuesday.')
_END = 1 << 62  # past any offset, for bisecting (start, end, value) tuples


def quotations(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each quotation in ``text``, quote marks included."""
    if '"' not in text and "“" not in text and "``" not in text:
        return []
    return [m.span() for m in _QUOTES.finditer(text)]


def speech_date(
    text: str, quote: tuple[int, int], dated: list[tuple[int, int, str]]
) -> date | None:
    """The date a quote was spoken: a calendar date (year, month or day) found outside the
    quote in the same sentence, with a reporting verb between it and the quote."""
    q_start, q_end = quote
    before_from, after_to = sentence_bounds(text, q_start, q_end, _REACH)
    best: tuple[int, date] | None = None
    # only the dates near the quote (``dated`` is sorted): a text of many quotes and dates
    # would otherwise cost quotes x dates (issue 9)
    near = dated[bisect_left(dated, (before_from,)) : bisect_right(dated, (q_end + _AFTER, _END))]
    for start, end, value in near:
        # 'told the paper in January 2024: "..."' (the verb anywhere before the quote);
        # '"...," he said on Monday.' (the verb between the quote and the date)
        if before_from <= start and end <= q_start:
            attribution = text[before_from:q_start]
        elif q_end <= start and end <= min(after_to, q_end + _AFTER):
            attribution = text[q_end:start]
        else:
            continue
        span = value_range(value)
        if span is None or span.precision not in ("day", "week", "month", "year"):
            continue
        if not _REPORTING.search(attribution):
            continue
        distance = q_start - end if end <= q_start else start - q_end
        if best is None or distance < best[0]:
            best = distance, span.start
    return best[1] if best else None


def inside(quotes: list[tuple[int, int]], c: Candidate) -> tuple[int, int] | None:
    """The quotation holding candidate ``c``, if any. ``quotes`` are in order and apart (as
    ``quotations`` finds them), so only the last one opening before ``c`` can hold it: one
    bisection, not a scan of every quote per candidate (quadratic on a text of quotes)."""
    i = bisect_left(quotes, (c.start,)) - 1
    if i >= 0 and c.end < quotes[i][1]:
        return quotes[i]
    return None
