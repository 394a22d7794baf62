"""The tense of the clause around an expression decides which October or Monday it is."""

from __future__ import annotations

import pytest

from extract.language.tense import FUTURE, PAST, PRESENT, tense_at


def _tense(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return tense_at(sentence, start, start + len(expression))


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("He told Dutch radio in October that he liked it.", "October", PAST),
        ("His mandate expires in October.", "October", FUTURE),  # a scheduling verb
        ("Voting ends on Sunday.", "Sunday", FUTURE),
        ("The minister, who is due in Kyiv on Friday, spoke to reporters.", "Friday", FUTURE),
        ("He will meet Orban on Monday.", "Monday", FUTURE),
        ("He'll meet Orban on Monday.", "Monday", FUTURE),
        ("He is going to meet Orban on Monday.", "Monday", FUTURE),
        ("He is expected to be appointed in July.", "July", FUTURE),
        ("He was appointed in July.", "July", PAST),
        ("Iohannis withdrew on Thursday.", "Thursday", PAST),
        ("On Thursday, Iohannis backed Rutte.", "Thursday", PAST),
        ("He said the talks would resume in May.", "May", PRESENT),
        ("The summit will be held in July, officials said.", "July", FUTURE),
        ("The deal was signed in May; talks will resume in June.", "June", FUTURE),
        ("Prices rose 5% in March.", "March", PAST),
        ("The speed limit changes in May.", "May", PRESENT),
    ],
)
def test_the_nearest_verb_cue_decides_the_tense(sentence: str, expression: str, tense: str) -> None:
    assert _tense(sentence, expression) == tense


def test_a_passive_participle_after_will_be_is_not_a_past_cue() -> None:
    assert _tense("Rutte will be formally appointed in October.", "October") == FUTURE


def test_a_sentence_without_verbs_is_present() -> None:
    assert _tense("October.", "October") == PRESENT
