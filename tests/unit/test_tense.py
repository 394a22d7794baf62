"""One tense model for the clause around a date, read two ways: by the tagger and as told.

The tagger (``language.tense.tense_at``) picks the occurrence of "October" or "Monday" that the
clause points to; publication-date inference (``dating.clues.tense_at``) asks whether the text
was written after the day it names ("past") or before it ("future"). Both come from
``clause_tense``; the table pins both readings of each sentence, so that a cue can no longer mean
one thing to the tagger and another to the dating.
"""

from __future__ import annotations

import pytest

from extract.dating import clues
from extract.events.modality import EXPECTED, modality
from extract.language import tense
from extract.language.tense import FUTURE, PAST, PRESENT, clause_tense, tense_at

# sentence, expression, the tagger's tense, the tense as told (publication-date inference)
TABLE = [
    # past forms: irregular, -ed, "since", "ago"
    ("He told Dutch radio in October that he liked it.", "October", PAST, "past"),
    ("Iohannis withdrew on Thursday.", "Thursday", PAST, "past"),
    ("On Thursday, Iohannis backed Rutte.", "Thursday", PAST, "past"),
    ("He was appointed in July.", "July", PAST, "past"),
    ("Prices rose 5% in March.", "March", PAST, "past"),
    ("Shares closed at 29 dollars on Friday", "Friday", PAST, "past"),
    ("Stoltenberg said during a visit to Washington on Tuesday.", "Tuesday", PAST, "past"),
    ("Prices have risen since March.", "March", PAST, "past"),
    ("Output fell due to the strike in March.", "March", PAST, "past"),  # "due to": a cause
    # a decimal point or an abbreviation ends no clause: "rose" still reaches "Friday"
    ("Shares rose 1.5 percent on Friday.", "Friday", PAST, "past"),
    ("U.S. shares rose on Friday.", "Friday", PAST, "past"),
    # future phrases, scheduling verbs, dates of payment
    ("His mandate expires in October.", "October", FUTURE, "future"),
    ("Voting ends on Sunday.", "Sunday", FUTURE, "future"),
    ("The senator, who turns 80 in November, announced his retirement.", "November", FUTURE,
     "future"),
    ("The minister, who is due in Kyiv on Friday, spoke to reporters.", "Friday", FUTURE,
     "future"),
    ("He will meet Orban on Monday.", "Monday", FUTURE, "future"),
    ("He'll meet Orban on Monday.", "Monday", FUTURE, "future"),
    ("He is going to meet Orban on Monday.", "Monday", FUTURE, "future"),
    ("He is expected to be appointed in July.", "July", FUTURE, "future"),
    ("The talks are scheduled for Monday.", "Monday", FUTURE, "future"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", FUTURE, "future"),
    ("The notes are due March 1, 2011.", "March 1, 2011", FUTURE, "future"),
    ("The dividend is payable Jan. 2 to holders.", "Jan. 2", FUTURE, "future"),
    ("The summit will be held in July, officials said.", "July", FUTURE, "future"),
    ("The deal was signed in May; talks will resume in June.", "June", FUTURE, "future"),
    # "would": the future seen from a past reporting verb, else a modal (present)
    ("He said the talks would resume in May.", "May", FUTURE, "future"),
    ("The firm said sales would be released on Oct. 30.", "Oct. 30", FUTURE, "future"),
    ("The talks would resume in May.", "May", PRESENT, "future"),
    ("It may finally be resolved in a hearing the week of March 6.", "March 6", PRESENT,
     "future"),
    # the expression's own first word points
    ("Rutte announced last July that he would not run.", "last July", PAST, "past"),
    ("Talks resume next Tuesday.", "next Tuesday", FUTURE, "future"),
    # no cue: the tagger takes the nearest occurrence, inference the past (news reports it)
    ("The speed limit changes in May.", "May", PRESENT, "past"),
    ("October.", "October", PRESENT, "past"),
]


def _at(sentence: str, expression: str) -> tuple[int, int]:
    start = sentence.index(expression)
    return start, start + len(expression)


@pytest.mark.parametrize(("sentence", "expression", "tagger", "told"), TABLE)
def test_the_tagger_reads_the_tense_of_the_clause(sentence, expression, tagger, told) -> None:
    assert tense_at(sentence, *_at(sentence, expression)) == tagger


@pytest.mark.parametrize(("sentence", "expression", "tagger", "told"), TABLE)
def test_inference_reads_the_same_model_as_told(sentence, expression, tagger, told) -> None:
    assert clues.tense_at(sentence, *_at(sentence, expression)) == told


@pytest.mark.parametrize(("sentence", "expression", "tagger", "told"), TABLE)
def test_both_readings_are_mappings_of_one_clause_tense(sentence, expression, tagger, told):
    found = clause_tense(sentence, *_at(sentence, expression))
    assert (found or PRESENT) == tagger
    assert clues.AS_TOLD[found] == told


def test_the_inference_mapping_covers_every_answer_of_the_model_with_past_or_future() -> None:
    assert set(clues.AS_TOLD) == {PAST, PRESENT, FUTURE, None}
    assert set(clues.AS_TOLD.values()) == {"past", "future"}


def test_a_passive_participle_after_will_be_is_not_a_past_cue() -> None:
    sentence = "Rutte will be formally appointed in October."
    assert tense_at(sentence, *_at(sentence, "October")) == FUTURE


def test_a_sentence_without_verbs_has_no_tense_of_its_own() -> None:
    assert clause_tense("October.", 0, 7) is None


def test_the_clause_does_not_reach_into_the_previous_sentence() -> None:
    sentence = "He will resign. Talks collapsed in May."
    assert tense_at(sentence, *_at(sentence, "May")) == PAST
    sentence = "Talks collapsed. In May the board meets."
    assert tense_at(sentence, *_at(sentence, "May")) == FUTURE


def test_would_after_a_reporting_verb_is_read_alike_by_tagger_inference_and_modality() -> None:
    sentence = "Iohannis announced that Romania would send troops in May."
    span = _at(sentence, "May")
    assert tense_at(sentence, *span) == FUTURE
    assert clues.tense_at(sentence, *span) == "future"
    assert modality(sentence, None, None, None) == EXPECTED


def test_the_cues_of_a_span_come_in_order_with_their_tense() -> None:
    assert tense.cues("he said it will rise") == [(3, PAST), (11, FUTURE)]
    assert tense.cues("prices are expected to rise") == [(7, PRESENT), (11, FUTURE)]
