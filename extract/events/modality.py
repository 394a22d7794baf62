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
around / unknown conditional cue -> ``hypothetical``; future cue (will, expected to,
                 plans, scheduled, next...) -> ``expected``; else ``happened``
===============  ======================================================================
"""

from __future__ import annotations

import re
from datetime import date

HAPPENED, EXPECTED, HYPOTHETICAL = "happened", "expected", "hypothetical"

_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|could|might|(?-i:may)|possibly|possible|perhaps|whether|hypothetical(?:ly)?|"
    r"would\s+have|could\s+have|in\s+case)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|should|would|won['’]t|going\s+to|expected|expects?|expecting|plans?|"
    r"planned|planning|scheduled|due\s+to|set\s+to|(?:is|are|was|were)\s+to|intends?|aims?\s+to|"
    r"proposed|forecasts?|predicts?|predicted)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)


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
    if _FUTURE.search(clause):
        return EXPECTED
    return HAPPENED
