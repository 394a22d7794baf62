"""The words of a label: verb forms, word lists, and how a label is cut to its limits.

Why a module of its own: the label rules (``labels``) and the speech rules (``speech``) both
build labels from words, and both must cut them the same way: at most ``MAX_WORDS`` words and
``MAX_CHARS`` characters, where a phrase ends ("... he needs | to become"), never inside one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extract.language.cues import (
    AUXILIARIES,
    DETERMINERS,
    EVENT_NOUNS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    LEADING,
    TIME_PREPOSITIONS,
    TRAILING,
    VERB_LEMMAS,
    regular_past,
    words,
)

MAX_WORDS = 14
MAX_CHARS = 80

# Words, keeping "33,992.0" and "10:30" whole; angle brackets (Reuters' "<Placer Pacific Ltd>") out
WORD = re.compile(r"(?:[^\s,;:()\[\]\"“”—–<>/]|(?<=\d)[,:](?=\d))+")



@cache
def verb_forms() -> frozenset[str]:
    forms = set(IRREGULAR_PAST | IRREGULAR_PARTICIPLES)
    for lemma in VERB_LEMMAS:
        forms.add(lemma)
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        if lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
        else:
            ending = "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
            forms.update({lemma + ending, stem + "ed", stem + "ing"})
    return frozenset(forms)


# Words a phrase may begin with: a label cut before one of them ends a phrase ("of" does not:
# "the head | of the alliance" leaves the head without what it heads).
_PHRASE_STARTS = words(
    "to in on at for by from with and or but that which who whose when while as after before "
    "since until into over under during following because although whether ahead amid"
)
_MIN_CUT = 3  # fewest words a label cut back to a phrase boundary keeps

Span = tuple[int, int]

OPENING_SUBJECT = re.compile(r"^[^,;:()“”\"]{1,40}?(?=[,;:(]|\s(?:is|was|has|had|will)\b)")


def looks_past(word: str, low: str) -> bool:
    """A lowercase "-ed" word such as "irritated": a past verb or participle."""
    return regular_past(low) and low.isalpha() and word[0].islower()


def is_modifier(sentence: str, span: Span) -> bool:
    """ "Romanian" in "Romanian President Klaus Iohannis": part of a longer name."""
    rest = sentence[span[1] : span[1] + 3].lstrip(" ")
    return bool(rest) and rest[0].isupper()


def finish(phrase: list[str]) -> str:
    """The words as a label within the limits, cut where a phrase ends, never inside one."""
    while phrase and phrase[0].lower() in LEADING:
        phrase = phrase[1:]
    kept = fit(phrase)
    if kept < len(phrase):  # back off to a phrase boundary: "... he needs | to become ..."
        boundary = next(
            (k for k in range(kept, _MIN_CUT - 1, -1) if phrase[k].lower() in _PHRASE_STARTS),
            kept,
        )
        phrase = phrase[:boundary]
    while phrase and phrase[-1].lower() in TRAILING and not _particle(phrase):
        phrase = phrase[:-1]
    if len(phrase) > 2 and phrase[-2].lower() in ("and", "or") and phrase[-1] in verb_forms():
        phrase = phrase[:-2]  # "Iohannis backed Rutte and announced": the object was cut
    return " ".join(w.rstrip(".!?") if i == len(phrase) - 1 else w for i, w in enumerate(phrase))


def _particle(phrase: list[str]) -> bool:
    """ "should take over": "over" completes the verb before it."""
    return len(phrase) > 1 and phrase[-1].lower() == "over" and phrase[-2].lower() in verb_forms()


def fit(phrase: list[str]) -> int:
    """How many leading words of ``phrase`` fit in ``MAX_WORDS`` and ``MAX_CHARS``."""
    length, count = -1, 0
    for word in phrase[:MAX_WORDS]:
        length += len(word) + 1
        if length > MAX_CHARS:
            break
        count += 1
    return count


def names_someone(words: list, i: int) -> bool:
    """A capitalised word right before another: part of a name."""
    word = words[i][2]
    if not (word[:1].isupper() and word[1:].islower()) or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if nxt[2].lower() in verb_forms() or nxt[2].lower() in AUXILIARIES:
        return False  # "Pay Record": two words of a table, no name
    return nxt[2][:1].isupper() and nxt[2][1:2].islower() and nxt[0] == words[i][1] + 1


_IRREGULAR_GERUNDS = {
    "making": "made", "taking": "took", "giving": "gave", "going": "went", "coming": "came",
    "getting": "got", "holding": "held", "leading": "led", "leaving": "left", "meeting": "met",
    "running": "ran", "seeing": "saw", "selling": "sold", "sending": "sent", "setting": "set",
    "speaking": "spoke", "spending": "spent", "telling": "told", "winning": "won",
    "writing": "wrote", "bringing": "brought", "buying": "bought", "building": "built",
    "beginning": "began", "choosing": "chose", "falling": "fell", "fighting": "fought",
    "finding": "found", "keeping": "kept", "losing": "lost", "paying": "paid", "putting": "put",
    "rising": "rose", "saying": "said", "seeking": "sought", "striking": "struck",
    "becoming": "became", "overcoming": "overcame", "cutting": "cut", "hitting": "hit",
}  # fmt: skip


def past_tense(gerund: str) -> str:
    """The simple past of an "-ing" form: "sealing" -> "sealed", "reclaiming" ->
    "reclaimed", "making" -> "made"; as written when unsure."""
    low = gerund.lower()
    if low in _IRREGULAR_GERUNDS:
        return _IRREGULAR_GERUNDS[low]
    stem = low[:-3]
    if stem + "e" in VERB_LEMMAS:
        return stem + "ed"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt":
        return stem + "ed"  # "stopping" -> "stopped"
    if stem.endswith("y") or stem in VERB_LEMMAS or len(stem) >= 4:
        return stem + "ed"
    return gerund


def covered(length: int, spans: Sequence[Span]) -> bytearray:
    """A 1 at every character of ``spans``: whether a word touches one of them is then one
    scan of the word, not a loop over every span (a sentence of nothing but dates would make
    that words x dates work per date)."""
    marks = bytearray(length)
    for start, end in spans:
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if end > start:
            marks[start:end] = b"\x01" * (end - start)
    return marks


def overlaps(start: int, end: int, span: Span) -> bool:
    return start < span[1] and end > span[0]


def opens_gerund(words: list, i: int, low: str) -> bool:
    """ "before finally sealing a deal": an "-ing" word after a clause word (and adverbs)."""
    if not (low.endswith("ing") and len(low) > 5 and low.isalpha()):
        return False
    j = i - 1
    while j >= 0 and words[j][2].lower().endswith("ly"):
        j -= 1
    return j >= 0 and words[j][2].lower() in LEADING


def strip_leading(phrase: list[str]) -> list[str]:
    """Drop leading conjunctions, and determiners unless they are the whole phrase ("This")."""
    while phrase and (
        phrase[0].lower() in LEADING or (phrase[0].lower() in DETERMINERS and len(phrase) > 1)
    ):
        phrase = phrase[1:]
    return phrase


def is_event(phrase: list[str]) -> bool:
    return bool(phrase) and phrase[-1].lower().strip(".") in EVENT_NOUNS


def introduces(sentence: str, word: tuple[int, int, str], dated: bytearray, timex: Span) -> bool:
    """Whether ``word`` is a time preposition right before another date of the sentence."""
    if word[2].lower() not in TIME_PREPOSITIONS:
        return False
    gap = sentence[word[1] : word[1] + 12]
    after = word[1] + len(gap) - len(gap.lstrip())
    return after < len(dated) and dated[after] == 1 and not (timex[0] <= after < timex[1])
