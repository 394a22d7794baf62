"""Every temporal expression in the two seed articles (published Thursday 2024-06-20), and the
numbers in them that are not dates. The tables are exhaustive: the tagger's output on each seed
must be exactly its table, so a new false positive fails as surely as a wrong value."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from extract.timex.tagger import Timex, tag

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PUBLISHED = date(2024, 6, 20)

# (file, expression, text just before it, type, value)
EXPECTED = [
    ("000", "Thursday", "withdrew on ", "DATE", "2024-06-20"),
    ("000", "the coming days", "nations in ", "DATE", "FUTURE_REF"),
    ("000", "current", "take over when ", "DATE", "PRESENT_REF"),
    ("000", "October 1", "term ends on ", "DATE", "2024-10-01"),
    ("000", "1949", "its founding in ", "DATE", "1949"),
    ("000", "November", "US presidency in ", "DATE", "2024-11"),
    ("000", "last year", "reclaiming the post ", "DATE", "2023"),
    ("000", "almost 14 years", "acquired during ", "DURATION", "P14Y"),
    ("000", "April", "a visit to Istanbul in ", "DATE", "2024-04"),
    ("000", "this week", "European Union summit ", "DATE", "2024-W25"),
    ("000", "next month", "NATO summit in Washington ", "DATE", "2024-07"),
    ("000", "Thursday", "security council announced ", "DATE", "2024-06-20"),
    ("000", "four-year", "Just weeks into his ", "DURATION", "P4Y"),
    ("000", "Tuesday", "a visit to Washington on ", "DATE", "2024-06-18"),
    ("000", "currently", "Kremlin forces are ", "DATE", "PRESENT_REF"),
    ("000", "more than two years", "Ukraine after ", "DURATION", "P2Y"),
    ("000", "This week", "American leaders.\n\n", "DATE", "2024-W25"),
    ("000", "2022", "weight following the ", "DATE", "2022"),
    ("000", "2014", "the Netherlands was the ", "DATE", "2014"),
    ("001", "2022", "support to Ukraine since ", "DATE", "2022"),
    ("001", "Thursday", "since 2022, on ", "DATE", "2024-06-20"),
    ("001", "Thursday", "to lead NATO on ", "DATE", "2024-06-20"),
    ("001", "four-year", "formally elected to a ", "DURATION", "P4Y"),
    ("001", "next week", "as early as ", "DATE", "2024-W26"),
    ("001", "July", "NATO summit in Washington in ", "DATE", "2024-07"),
    ("001", "2010", "led the Netherlands since ", "DATE", "2010"),
    ("001", "current", "protocol, said the ", "DATE", "PRESENT_REF"),
    ("001", "October", "his mandate expires in ", "DATE", "2024-10"),
    ("001", "now", "secretary general of NATO, ", "DATE", "PRESENT_REF"),
    ("001", "2021", "criticism of Hungary in ", "DATE", "2021"),
    ("001", "2021", "Vladimir V Putin. In ", "DATE", "2021"),
    ("001", "three years", "This led to ", "DURATION", "P3Y"),
    ("001", "last week", "Orban backed down ", "DATE", "2024-W24"),
    ("001", "Tuesday", "a letter to Orban on ", "DATE", "2024-06-18"),
    ("001", "2021", "some remarks I made in ", "DATE", "2021"),
    ("001", "June 18", "Rutte wrote in the ", "DATE", "2024-06-18"),
    ("001", "July", "support ahead of the ", "DATE", "2024-07"),
    ("001", "Thursday", "broad support. On ", "DATE", "2024-06-20"),
    ("001", "last July", "Rutte announced ", "DATE", "2023-07"),
    ("001", "October", "told Dutch radio in ", "DATE", "2023-10"),
    ("001", "February", "“very interesting” and by ", "DATE", "2024-02"),
    ("001", "1979", "his favorite film is ", "DATE", "1979"),
    ("001", "2015", "according to a ", "DATE", "2015"),
]
NOT_DATES = [
    ("000", "57"),
    ("000", "32 nations"),
    ("001", "32-nation"),
    ("001", "$3 billion"),
    ("001", "U2"),
    ("000", "F-16"),
    ("001", "we"),
    ("000", "two percent"),
    ("000", "23 of its 32"),
    ("000", "196 Dutch"),
    ("000", "298 dead"),
    ("000", "MH17"),
    ("001", "32 allies"),
]


def _text(name: str) -> str:
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


def _expected_timex(name: str, expression: str, before: str, kind: str, value: str) -> Timex:
    text = _text(name)
    start = text.index(before + expression) + len(before)
    return Timex(start, start + len(expression), expression, kind, value)


@pytest.mark.parametrize(("name", "expression", "before", "kind", "value"), EXPECTED)
def test_seed_mention_has_its_value(
    name: str, expression: str, before: str, kind: str, value: str
) -> None:
    expected = _expected_timex(name, expression, before, kind, value)
    assert expected in tag(_text(name), PUBLISHED)


@pytest.mark.parametrize("name", ["000", "001"])
def test_the_seed_tables_are_everything_the_tagger_finds(name: str) -> None:
    expected = [_expected_timex(*row) for row in EXPECTED if row[0] == name]
    assert tag(_text(name), PUBLISHED) == sorted(expected, key=lambda t: t.start)


@pytest.mark.parametrize(("name", "number"), NOT_DATES)
def test_numbers_that_are_not_dates_are_not_tagged(name: str, number: str) -> None:
    text = _text(name)
    found = re.search(rf"(?<![\w$-]){re.escape(number)}(?![\w-])", text)
    assert found is not None, number
    start, end = found.span()
    overlapping = [t for t in tag(text, PUBLISHED) if t.start < end and start < t.end]
    assert overlapping == []


def test_the_four_year_term_is_never_a_date() -> None:
    for t in tag(_text("001"), PUBLISHED):
        if "four-year" in t.text:
            assert (t.type, t.value) == ("DURATION", "P4Y")
