"""Sentence splitting keeps exact offsets and does not break at abbreviations or initials."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from seed_timexes import DOC_000, DOC_001, seed_text

from extract.language.sentences import (
    SentenceIndex,
    clause_bounds,
    sentence_at,
    sentence_bounds,
    split_sentences,
    starts_sentence,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rutte won. Iohannis withdrew.", ["Rutte won.", "Iohannis withdrew."]),
        ("Mr. Rutte won. He left.", ["Mr. Rutte won.", "He left."]),
        ("Vladimir V. Putin spoke. Then he left.", ["Vladimir V. Putin spoke.", "Then he left."]),
        ("The U.S. Treasury said so. It did.", ["The U.S. Treasury said so.", "It did."]),
        ("He said: “We won.” Then he left.", ["He said: “We won.”", "Then he left."]),
        ("A HEADLINE\n\nThe text starts here.", ["A HEADLINE", "The text starts here."]),
        (
            "Prices rose 3.5 pct in March. Sales fell.",
            ["Prices rose 3.5 pct in March.", "Sales fell."],
        ),
        ("It ended on Jan. 5 in Paris.", ["It ended on Jan. 5 in Paris."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences_split_at_real_boundaries_only(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("doc_id", [DOC_000, DOC_001])
def test_every_seed_sentence_points_back_into_the_article(doc_id: str) -> None:
    text = seed_text(doc_id)
    sentences = split_sentences(text)
    assert len(sentences) > 20
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_the_first_seed_sentence_ends_at_its_full_stop() -> None:
    text = seed_text(DOC_000)
    first = split_sentences(text)[0]
    assert first.text.endswith("withdrew on Thursday.")
    assert first.start == 0


@given(st.text(alphabet='ab .!?\n"“”A1', max_size=80))
def test_sentences_are_ordered_disjoint_and_exact_for_any_text(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end
    covered = "".join(s.text for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


def test_the_sentence_at_an_offset_is_the_one_holding_it() -> None:
    text = "One. Two three. Four."
    sentences = split_sentences(text)
    index = SentenceIndex(text)
    at = text.index("three")
    assert sentence_at(sentences, at).text == "Two three."  # type: ignore[union-attr]
    assert index.at(at) == sentence_at(sentences, at)
    assert index.at(text.index(" Two")) is None  # the space between sentences


@pytest.mark.parametrize(
    ("sentence", "date", "clause"),
    [
        (
            "Rutte clinched the race, after the only rival, Klaus Iohannis, withdrew on Thursday.",
            "Thursday",
            "withdrew on Thursday.",
        ),
        (
            "Romania’s security council announced Thursday that Iohannis had formally retired.",
            "Thursday",
            "Romania’s security council announced Thursday",
        ),
        (
            "He should take over when current chief Jens Stoltenberg’s term ends on October 1.",
            "October 1",
            "when current chief Jens Stoltenberg’s term ends on October 1.",
        ),
        (
            "This could happen as early as next week, ahead of the summit.",
            "next week",
            "This could happen as early as next week",
        ),
        (
            "Rutte’s criticism of Hungary in 2021 was seen as costly.",
            "2021",
            "Rutte’s criticism of Hungary in 2021 was seen as costly.",
        ),
    ],
)
def test_the_clause_around_a_date_stops_at_punctuation_and_subordinators(
    sentence: str, date: str, clause: str
) -> None:
    start = sentence.index(date)
    begin, stop = clause_bounds(sentence, start, start + len(date))
    assert sentence[begin:stop] == clause


# --- one sentence around one expression, and sentence starts: the same rule ------------------


@given(st.text(alphabet='ab .!?\n"“”A1', max_size=80))
def test_the_sentence_around_an_offset_is_the_one_the_splitter_cuts(text: str) -> None:
    for sentence in split_sentences(text):
        begin, stop = sentence_bounds(text, sentence.start, sentence.start, len(text))
        assert begin == sentence.start
        assert sentence.start <= stop
        if stop < sentence.end:  # cut where its final punctuation begins
            assert set(text[stop : sentence.end]) <= set('.!?"”')
        else:  # or at the blank line or end of text after it
            assert not text[sentence.end : stop].strip()
        assert starts_sentence(text, sentence.start)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rutte won. Iohannis withdrew on Thursday.", "Thursday", "Iohannis withdrew on Thursday."),
        ("Mr. Rutte spoke on Thursday. He left.", "Thursday", "Mr. Rutte spoke on Thursday"),
        ("Prices rose 3.5 pct in March. Sales fell.", "March", "Prices rose 3.5 pct in March"),
        ("A HEADLINE\n\nThe talks end on Friday", "Friday", "The talks end on Friday"),
    ],
)
def test_the_sentence_around_an_expression_ignores_abbreviations_and_decimals(
    text: str, word: str, expected: str
) -> None:
    start = text.index(word)
    begin, stop = sentence_bounds(text, start, start + len(word), 200)
    assert text[begin:stop] == expected


def test_the_sentence_around_an_expression_is_cut_at_the_reach() -> None:
    text = "word " * 40 + "on Friday" + " word" * 40
    start = text.index("Friday")
    begin, stop = sentence_bounds(text, start, start + 6, 20)
    assert (begin, stop) == (start - 20, start + 6 + 20)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rutte won. Iohannis withdrew.", "Iohannis", True),
        ("Rutte won.  \u201cIohannis withdrew,\u201d he said.", "Iohannis", True),
        ("Headline\n\nIohannis withdrew.", "Iohannis", True),
        ("Iohannis withdrew.", "Iohannis", True),
        ("Mr. Iohannis withdrew.", "Iohannis", False),  # an abbreviation, not a full stop
        ("The rival, Iohannis, withdrew.", "Iohannis", False),
        ("Shares of Reuters\nHoldings fell.", "Holdings", False),  # wire copy wraps lines
    ],
)
def test_a_word_starts_a_sentence_only_after_a_real_boundary(
    text: str, word: str, expected: bool
) -> None:
    assert starts_sentence(text, text.index(word)) is expected
