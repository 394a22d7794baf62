"""The one tense model: past, present or future for the clause around a date expression.

Why: an underspecified month or weekday points back in a past clause ("told Dutch radio in
October") and forward in a future one ("his mandate expires in October", "will meet on
Monday"); publication-date inference asks the same question the other way round ("withdrew on
Thursday": written on or after that Thursday). Both read it here, from one rule, so that a cue
word means the same thing to the tagger and to the dating. A part-of-speech tagger would be
more thorough; news prose is regular enough that a few surface cues (``language.cues``) decide
most cases with no model:

- the expression's own first word, when it points ("next Tuesday", "last July");
- else the nearest cue in its clause: a future phrase (will, 'll, going to, expected to,
  planned, the present simple of a scheduling verb: opens, expires, turns; a payment date:
  due, payable), a past form (-ed verbs, irregular pasts, ago, earlier, since), or a present
  one (is, has, and the modals, which report as often as they predict). "Would" is a modal --
  except after a reporting verb in the past, where it is the future seen from then ("said the
  results would be released on Oct. 30"), and the future it is;
- the clause is the sentence (``language.sentences``, at most ``WINDOW`` characters either
  side) cut at semicolons, colons, quotes, paragraph breaks and "but/while/whereas"; a cue on
  the left wins unless one on the right is much nearer, and a comma right after the
  expression closes the phrase it is in ("who is due in Kyiv on Friday, spoke ...").

``clause_tense`` returns None when the clause has no cue; what that means is the consumer's:
``tense_at`` (the tagger's reading) takes it as PRESENT, the nearest occurrence, and
``extract.dating.clues.AS_TOLD`` maps the model onto publication-date inference.
"""

from __future__ import annotations

import re

from extract.language.cues import (
    FUTURE_LEADS,
    FUTURE_PHRASES,
    IRREGULAR_PAST,
    MODALS,
    PASSIVE_AUXILIARIES,
    PAST_LEADS,
    PAST_MARKERS,
    PRESENT_AUXILIARIES,
    REPORTING_VERBS,
    SCHEDULED,
    SCHEDULING_VERBS,
    alternation,
    regular_past,
)
from extract.language.sentences import sentence_bounds

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"
WINDOW = 160
"""Characters either side of an expression within which its clause is looked for."""

_FUTURE = re.compile(
    rf"\b(?:{alternation(FUTURE_PHRASES | SCHEDULING_VERBS | SCHEDULED - {'due'})})(?!\w)"
    r"|\bdue\b(?!\s+to\b)",  # "due to" is a cause; "is due to" a future phrase
    re.IGNORECASE,
)
_PRESENT = re.compile(rf"\b(?:{alternation(MODALS | PRESENT_AUXILIARIES)})\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:“”\"]|\n\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z']+")
_AFTER_COMMA = 80
_PAST_WORDS = IRREGULAR_PAST | PAST_MARKERS


def tense_at(text: str, start: int, end: int) -> str:
    """PAST, PRESENT or FUTURE for ``text[start:end]``, as the tagger reads it: a clause with
    no cue takes the nearest occurrence (PRESENT)."""
    return clause_tense(text, start, end) or PRESENT


_FUTURE_WORDS = frozenset(
    str(phrase).split()[0].casefold()
    for phrase in FUTURE_PHRASES | SCHEDULING_VERBS | SCHEDULED | FUTURE_LEADS | {"would"}
)


def can_be_future(text: str) -> bool:
    """Whether any clause of ``text`` could read FUTURE: ``clause_tense`` finds the future
    only at one of these words (a future phrase's first word, "would", a leading "next"), so a
    text holding none of them need not be asked clause by clause. Why: a table of nothing but
    dates asked it for every date, a window of 320 characters each time (issue 9)."""
    folded = text.casefold()
    return any(word in folded for word in _FUTURE_WORDS)


def clause_tense(text: str, start: int, end: int) -> str | None:
    """PAST, PRESENT or FUTURE for the clause holding ``text[start:end]``; None with no cue."""
    said = text[start:end].split(maxsplit=1)
    lead = said[0].lower() if said else ""
    if lead in FUTURE_LEADS:
        return FUTURE
    if lead in PAST_LEADS:
        return PAST
    begin, stop = sentence_bounds(text, start, end, WINDOW)
    for cut in _CLAUSE_BREAK.finditer(text, begin, start):
        begin = cut.end()
    cut = _CLAUSE_BREAK.search(text, end, stop)
    if cut:
        stop = cut.start()
    found = cues(text[begin:stop])
    left = [(start - begin - at, tense) for at, tense in found if at < start - begin]
    right = [(at - (end - begin), tense) for at, tense in found if at >= end - begin]
    if left and right:
        # the left cue wins unless the right one is much nearer; a comma right after the
        # expression closes the phrase it is in ("who is due in Kyiv on Friday, spoke ...")
        after_comma = text.startswith(",", end)
        reach = right[0][0] + (_AFTER_COMMA if after_comma else 8)
        return left[-1][1] if left[-1][0] <= reach else right[0][1]
    if left:
        return left[-1][1]
    if right:
        return right[0][1]
    return None


def cues(span: str) -> list[tuple[int, str]]:
    """The tense cues in ``span`` as (offset, PAST/PRESENT/FUTURE), in order."""
    found = [(m.start(), FUTURE) for m in _FUTURE.finditer(span)]
    future_at = {at for at, _ in found}
    words = list(_WORD.finditer(span))
    past_verb = False
    for i, m in enumerate(words):
        word = m.group().lower()
        if m.start() in future_at:
            continue  # "scheduled", "expected to": a future phrase, not a past verb
        if word in _PAST_WORDS or regular_past(word):
            helpers = {w.group().lower() for w in words[max(0, i - 2) : i]}
            if not helpers & PASSIVE_AUXILIARIES:  # "will be held": the auxiliary decides
                found.append((m.start(), PAST))
                past_verb = past_verb or word in REPORTING_VERBS
        elif word == "would" and past_verb:
            found.append((m.start(), FUTURE))  # "said ... would": the future seen from then
            future_at.add(m.start())
    # "is due to", "are to": the future phrase decides, not its auxiliary
    found += [(m.start(), PRESENT) for m in _PRESENT.finditer(span) if m.start() not in future_at]
    return sorted(found)
