"""The cue word lists exist once (``extract.language.cues``) and every reader uses that copy."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from extract.dating import clues, same_story
from extract.events import actors, labels, modality, phrase
from extract.language import cues, sentences, tense
from extract.timex import lexicon, spans, speech

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (tense, "IRREGULAR_PAST"),
        (tense, "FUTURE_PHRASES"),
        (tense, "SCHEDULING_VERBS"),
        (tense, "MODALS"),
        (tense, "REPORTING_VERBS"),
        (clues, "WEEKDAYS"),
        (clues, "MONTH_NAMES"),
        (lexicon, "MONTHS"),
        (lexicon, "WEEKDAYS"),
        (lexicon, "SEASONS"),
        (lexicon, "alternation"),
        (spans, "MONTH_NAMES"),
        (spans, "SEASONS"),
        (labels, "AUXILIARIES"),
        (phrase, "IRREGULAR_PAST"),
        (phrase, "EVENT_NOUNS"),
        (phrase, "VERB_LEMMAS"),
        (labels, "POSSESSIVES"),
        (modality, "MODALS"),
        (actors, "NOT_NAMES"),
        (actors, "TITLES"),
        (speech, "REPORTING_VERBS"),
        (sentences, "MONTH_ABBREVIATIONS"),
    ],
)
def test_each_reader_holds_the_very_list_of_the_cues_module(module, name) -> None:
    assert getattr(module, name) is getattr(cues, name)


def test_publication_clues_read_tense_with_the_tagger_s_model() -> None:
    assert clues.clause_tense is tense.clause_tense


def test_the_story_fingerprint_skips_every_word_the_actor_finder_skips() -> None:
    assert cues.NOT_NAMES | cues.TITLES <= same_story._NOT_NAMES


def test_month_and_weekday_tables_agree_with_their_name_lists() -> None:
    assert [cues.MONTHS[name] for name in cues.MONTH_NAMES] == list(range(1, 13))
    assert [cues.WEEKDAYS[name] for name in cues.WEEKDAY_NAMES] == list(range(1, 8))
    for abbreviation in cues.MONTH_ABBREVIATIONS:
        full = cues.MONTH_NAMES[cues.MONTHS[abbreviation] - 1]
        assert full.startswith(abbreviation[:3])


def test_every_auxiliary_of_tense_is_an_auxiliary_of_labels() -> None:
    assert cues.MODALS | cues.PRESENT_AUXILIARIES | cues.PAST_AUXILIARIES <= cues.AUXILIARIES
    assert "won’t" in cues.AUXILIARIES  # curly apostrophes too


def test_regular_pasts_leave_out_words_that_only_end_in_ed() -> None:
    assert cues.regular_past("announced")
    assert not cues.regular_past("hundred")
    assert not cues.regular_past("limited")
    assert not cues.regular_past("red")


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_other_module_of_extract_writes_out_a_list_of_its_own() -> None:
    weekdays, months = set(cues.WEEKDAY_NAMES), set(cues.MONTH_NAMES)
    abbreviations, pasts = set(cues.MONTH_ABBREVIATIONS), cues.IRREGULAR_PAST
    copies = []
    for path in sorted((ROOT / "extract").rglob("*.py")):
        if path.name == "cues.py":
            continue
        for line, value in _string_constants(path):
            words = set(re.findall(r"[a-z']+", value.lower()))
            if (
                len(words & weekdays) >= 3
                or len(words & months) >= 4
                or len(words & abbreviations) >= 8  # "(?:jan|feb|aug|oct|nov|dec)\." is a choice
                or len(words & pasts) >= 8
            ):
                copies.append(f"{path.relative_to(ROOT)}:{line}")
    assert copies == []
