"""Sentences and clauses with offsets into the article text.

Why our own splitter: every row of the events frame points back into the article
(``sentence_start``), so spans must be exact, and the whole corpus has to go through in seconds.
A regex over candidate boundaries plus an abbreviation check does both; no model, no tokeniser.

A *clause* is the stretch of a sentence that a date most likely belongs to: labels and modality
look there rather than at the whole sentence ("..., after the only rival withdrew on Thursday").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, for readability."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text == article_text[start:end]``, without surrounding whitespace."""

    start: int
    end: int
    text: str


# A full stop (or ! ?), closing quotes/brackets, whitespace, then something that can open a
# sentence; or a blank line (headlines and paragraphs without final punctuation).
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*")
_ABBREVIATIONS = _words(
    "mr mrs ms dr st sen rep gov gen col lt sgt capt cmdr adm prof jr sr messrs mt ft "
    "inc corp co ltd bros no nos vs jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.g i.e a.m p.m approx dept est fig rev hon pres"
)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; together they cover every non-blank character."""
    sentences: list[Sentence] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith((".", "!", "?")) and _is_abbreviation(text, match.start()):
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
        self._starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        return _sentence_at(self.sentences, self._starts, offset)


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
