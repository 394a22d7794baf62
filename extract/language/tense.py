"""The tense of the clause around a span: past, present or future, from a few surface cues.

Why: an underspecified month or weekday points back in a past clause ("told Dutch radio in
October") and forward in a future one ("his mandate expires in October", "will meet on
Monday"). A part-of-speech tagger would be more thorough; news prose is regular enough that
auxiliaries (will, 'll, going to, expected to), past forms (-ed, an irregular list, did/was/
were/had) and present ones (is, has, and the modals, which as often report as predict) decide
most cases, the nearest cue to the expression winning, with no model.
"""

from __future__ import annotations

import re

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"

_FUTURE_PHRASES = re.compile(
    r"\b(?:will|shall|won't|'ll|going\s+to|expected\s+to|expects\s+to|scheduled|slated|"
    r"(?:is|are)\s+to|(?:is|are)\s+due|plans?\s+to|intends?\s+to|(?:is|are)\s+set\s+to|"
    r"ahead\s+of|"
    r"as\s+soon\s+as|hopes?\s+to|aims?\s+to|upcoming|"
    # the present simple of a scheduling verb announces what is to come ("the summit opens on
    # Monday", "voting ends on Sunday"): news narrates what has happened in the past tense
    r"(?:re)?opens|closes|begins|starts|ends|resumes|expires|convenes|reconvenes|kicks\s+off|"
    r"takes?\s+effect|takes\s+office|goes\s+to\s+the\s+polls|arrives|departs|concludes)\b",
    re.IGNORECASE,
)
# modals and present auxiliaries: the clause is not narrated in the past, so take the nearest day
_PRESENT_WORDS = re.compile(
    r"\b(?:would|could|might|may|should|must|can|is|are|am|has|have|does|do)\b", re.IGNORECASE
)
_IRREGULAR_PAST = frozenset(
    [
        "was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "gave", "got",
        "found", "left", "led", "held", "met", "saw", "knew", "thought", "became", "began",
        "brought", "bought", "built", "caught", "chose", "drew", "drove", "fell", "felt", "fought",
        "flew", "forgot", "grew", "heard", "hid", "hit", "hurt", "kept", "lost", "meant", "paid",
        "put", "quit", "ran", "read", "rode", "rose", "sank", "sat", "sent", "set", "shot", "shut",
        "sold", "spent", "spoke", "stood", "stole", "struck", "swore", "taught", "tore", "threw",
        "understood", "won", "wrote", "broke", "withdrew", "overcame", "undertook", "forecast",
        "cut", "let", "beat", "bid", "split", "spread", "ago", "earlier",
    ]
)
_NOT_PAST = frozenset(
    [
        "need", "speed", "seed", "feed", "bed", "red", "hundred", "indeed", "united", "proceed",
        "exceed", "succeed", "deed", "shed", "weed", "breed", "bleed", "greed", "freed", "embed",
        "steed", "bred",
    ]
)
_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "am", "'s", "get", "gets"})
# a newline breaks a clause only when it starts a paragraph: wire copy wraps lines mid-sentence
_CLAUSE_BREAK = re.compile(r"[.;:!?“”\"]|\n\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z']+")
_WINDOW = 160
_AFTER_COMMA = 80


def tense_at(text: str, start: int, end: int) -> str:
    """PAST, PRESENT or FUTURE for the clause holding ``text[start:end]`` (nearest cue wins)."""
    left = text[max(0, start - _WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    right = text[end : end + _WINDOW]
    stop = _CLAUSE_BREAK.search(right)
    if stop:
        right = right[: stop.start()]
    left_cue = _last_cue(left)
    right_cue = _first_cue(right)
    if left_cue and right_cue:
        # a comma right after the expression closes the phrase it is in ("who is due to visit
        # Kyiv on Friday, spoke ..."): the verb after it belongs to another clause
        reach = right_cue[0] + (8 if not right.startswith(",") else _AFTER_COMMA)
        return left_cue[1] if len(left) - left_cue[0] <= reach else right_cue[1]
    if left_cue:
        return left_cue[1]
    if right_cue:
        return right_cue[1]
    return PRESENT


def _cues(span: str) -> list[tuple[int, str]]:
    cues = [(m.start(), FUTURE) for m in _FUTURE_PHRASES.finditer(span)]
    cues += [(m.start(), PRESENT) for m in _PRESENT_WORDS.finditer(span)]
    words = list(_WORD.finditer(span))
    for i, m in enumerate(words):
        word = m.group().lower()
        if word in _IRREGULAR_PAST or (
            len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST
        ):
            auxiliaries = {w.group().lower() for w in words[max(0, i - 2) : i]}
            if not auxiliaries & _PASSIVE_AUXILIARIES:  # "will be held": the auxiliary decides
                cues.append((m.start(), PAST))
    future_at = {at for at, kind in cues if kind == FUTURE}
    # "is due to", "are to": the future phrase decides, not its auxiliary
    return sorted(c for c in cues if c[1] != PRESENT or c[0] not in future_at)


def _last_cue(span: str) -> tuple[int, str] | None:
    cues = _cues(span)
    return cues[-1] if cues else None


def _first_cue(span: str) -> tuple[int, str] | None:
    cues = _cues(span)
    return cues[0] if cues else None
