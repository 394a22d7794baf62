"""Did it happen, is it expected, or is it only a possibility?

Why the date decides first: a date after publication cannot have happened yet, and one before
it cannot be "expected" any more; the words of the clause only choose within what the calendar
allows. The clause, not the sentence, is read ("On Thursday, Iohannis backed Rutte and
announced that Romania would send ..." happened; the "would" belongs to another clause).

===============  ======================================================================
date vs. publ.   modality
===============  ======================================================================
after            ``hypothetical`` with a conditional cue (if, could, might, may...), else
                 ``expected``
before           ``hypothetical`` with a conditional cue, else ``happened``
around / unknown conditional cue -> ``hypothetical``; a future cue of the tense model
                 (``language.tense``: will, expected to, plans to, scheduled...) or a
                 modal of expectation (would, should, must) -> ``expected``; else
                 ``happened``
===============  ======================================================================
"""

from __future__ import annotations

import re
from datetime import date

from extract.language.cues import HYPOTHETICAL_MODALS, MODALS, alternation
from extract.language.tense import FUTURE, cues

HAPPENED, EXPECTED, HYPOTHETICAL = "happened", "expected", "hypothetical"

_HYPOTHETICAL = re.compile(
    rf"\b(?:if|unless|possibly|possible|perhaps|whether|hypothetical(?:ly)?|would\s+have|"
    rf"in\s+case|{alternation(HYPOTHETICAL_MODALS - {'may'})}|(?-i:may))\b",  # not "May" the month
    re.IGNORECASE,
)
# The modals left once the hypothetical ones are out ("can" says ability, not time): a clause
# under "would", "should" or "must" is not told as done.
_EXPECTING = re.compile(rf"\b(?:{alternation(MODALS - HYPOTHETICAL_MODALS - {'can'})})\b", re.I)


def modality(clause: str, start: date | None, end: date | None, published: date | None) -> str:
    """``happened``, ``expected`` or ``hypothetical`` for a happening dated ``start..end``.

    ``clause`` is the text around the date (see ``sentences.clause_bounds``).
    """
    hypothetical = bool(_HYPOTHETICAL.search(clause))
    if published is not None and start is not None and start > published:
        return HYPOTHETICAL if hypothetical else EXPECTED
    if published is not None and end is not None and end < published:
        return HYPOTHETICAL if hypothetical else HAPPENED
    if hypothetical:
        return HYPOTHETICAL
    if _EXPECTING.search(clause) or any(tense == FUTURE for _, tense in cues(clause)):
        return EXPECTED
    return HAPPENED
