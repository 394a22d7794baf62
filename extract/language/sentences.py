"""Sentences and clauses with offsets into the article text: the one sentence splitter.

Why our own splitter: every row of the events frame points back into the article
(``sentence_start``), so spans must be exact, and the whole corpus has to go through in seconds.
A regex over candidate boundaries plus an abbreviation check does both; no model, no tokeniser.
Everything that asks where a sentence begins or ends asks here, by the same rule: the rows
(``split_sentences``, ``SentenceIndex``), the tense model, date clues and quoted speech (the
sentence around one expression, ``sentence_bounds``) and the name fingerprints of
``dating.same_story`` (whether a capitalised word opens a sentence, ``starts_sentence``).

A *clause* is the stretch of a sentence that a date most likely belongs to: labels and modality
look there rather than at the whole sentence ("..., after the only rival withdrew on Thursday").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extract.language.cues import MONTH_ABBREVIATIONS, words


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text == article_text[start:end]``, without surrounding whitespace."""

    start: int
    end: int
    text: str


# A full stop (or ! ?), closing quotes/brackets, whitespace, then something that can open a
# sentence; or a blank line (headlines and paragraphs without final punctuation).
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*")
_ABBREVIATIONS = words(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt cmdr adm prof jr sr messrs mt ft "
    "inc corp co ltd bros no nos vs u.s u.k u.n e.g i.e a.m p.m approx dept est fig rev hon pres"
) | frozenset(MONTH_ABBREVIATIONS)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; together they cover every non-blank character."""
    sentences: list[Sentence] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if _abbreviation_at(text, match):
            continue
        _append(sentences, text, begin, match.end())
        begin = match.end()
    _append(sentences, text, begin, len(text))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding character ``offset`` (sentences as from ``split_sentences``)."""
    starts = [s.start for s in sentences]
    return _sentence_at(sentences, starts, offset)


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return None
    sentence = sentences[index]
    return sentence if offset < sentence.end else None


class SentenceIndex:
    """Fast lookup of the sentence around an offset, for many look-ups in one article."""

    def __init__(self, text: str) -> None:
        self.sentences = split_sentences(text)
        self.starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        return _sentence_at(self.sentences, self.starts, offset)


def sentence_bounds(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """(begin, stop) of the sentence holding ``text[start:end]``, by the rule of
    ``split_sentences`` but looking at most ``reach`` characters either side (a run-on stretch
    is cut there): for readers of the words around one expression, such as the tense of its
    clause or the words that link two dates, which need not split the whole text.
    ``stop`` is where the boundary to the next sentence begins (its full stop, or a blank
    line), else the end of the text or of the reach."""
    floor, ceiling = max(0, start - reach), min(len(text), end + reach)
    begin, stop = floor, ceiling
    for match in _BOUNDARY.finditer(text, floor, start + _LOOKAHEAD):
        if match.start() >= start:
            break
        if match.end() <= start and not _abbreviation_at(text, match):
            begin = match.end()
    for match in _BOUNDARY.finditer(text, end, ceiling + _LOOKAHEAD):
        if match.start() >= ceiling:
            break
        if not _abbreviation_at(text, match):
            stop = match.start()
            break
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, stop


_OPENERS = "\"'“‘(["
_LOOKAHEAD = 64  # characters past a window a boundary's look-ahead may read: scans stay local


def starts_sentence(text: str, offset: int) -> bool:
    """Whether a sentence of ``text`` (as ``split_sentences`` cuts it) begins at ``offset``,
    after any opening quote or bracket: a capitalised word there may be an ordinary word."""
    before = offset
    while before > 0 and (text[before - 1].isspace() or text[before - 1] in _OPENERS):
        before -= 1
    if before == 0:
        return True
    for match in _BOUNDARY.finditer(text, max(0, before - 8), offset + _LOOKAHEAD):
        if match.start() > offset:
            break
        if before <= match.end() <= offset and not _abbreviation_at(text, match):
            return True
    return False


def _abbreviation_at(text: str, match: re.Match[str]) -> bool:
    return match.group().startswith((".", "!", "?")) and _is_abbreviation(text, match.start())


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _LAST_WORD.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "Vladimir V. Putin"
        return True
    if "." in word and len(word) <= 6 and word.replace(".", "").isupper():  # "U.S." mid-sentence
        return word.lower() in _ABBREVIATIONS
    return word.lower() in _ABBREVIATIONS


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end]))


# ---------------------------------------------------------------------------------------------
# Clauses

_CLAUSE_PUNCTUATION = re.compile(
    r"[;()\[\]\"“”‘—–<>]|[,:](?!(?<=\d[,:])\d)|(?<!\w)['’](?!\w)| - "
)  # not the comma of "33,992" or the colon of "10:30"
_CLAUSE_WORDS = re.compile(
    r"\b(?:after|before|while|when|whereas|although|though|because|that|which|who|whose|whom|"
    r"but|if|unless|whether|where)\b",
    re.IGNORECASE,
)


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``sentence[start:end]``, as (begin, stop) offsets.

    Clauses end at punctuation and begin at subordinating words ("after", "that", "when", "if"),
    which stay inside the clause they open so that modality can see "if".
    """
    begin = 0
    for match in _CLAUSE_PUNCTUATION.finditer(sentence, 0, start):
        begin = match.end()
    for match in _CLAUSE_WORDS.finditer(sentence, begin, start):
        begin = match.start()
    stop = len(sentence)
    punct = _CLAUSE_PUNCTUATION.search(sentence, end)
    if punct:
        stop = punct.start()
    word = _CLAUSE_WORDS.search(sentence, end, stop)
    if word:
        stop = word.start()
    while begin < stop and sentence[begin].isspace():
        begin += 1
    while stop > begin and sentence[stop - 1].isspace():
        stop -= 1
    return begin, max(stop, end)
