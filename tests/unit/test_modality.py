"""Modality: the calendar decides first, the words of the clause decide within it."""

from __future__ import annotations

from datetime import date

import pytest

from extract.events.modality import EXPECTED, HAPPENED, HYPOTHETICAL, modality

PUBLISHED = date(2024, 6, 20)
THURSDAY = (date(2024, 6, 20), date(2024, 6, 20))
LAST_JULY = (date(2023, 7, 1), date(2023, 7, 31))
NEXT_WEEK = (date(2024, 6, 24), date(2024, 6, 30))
OCTOBER = (date(2024, 10, 1), date(2024, 10, 31))
THIS_WEEK = (date(2024, 6, 17), date(2024, 6, 23))


@pytest.mark.parametrize(
    ("clause", "dates", "expected"),
    [
        # seed clauses
        ("withdrew on Thursday.", THURSDAY, HAPPENED),
        ("Rutte announced last July", LAST_JULY, HAPPENED),
        ("This could happen as early as next week", NEXT_WEEK, HYPOTHETICAL),
        ("should stay until his mandate expires in October.", OCTOBER, EXPECTED),
        ("when current chief Jens Stoltenberg’s term ends on October 1.", OCTOBER, EXPECTED),
        (
            "on Thursday secured the final support he needs to become NATO’s next chief",
            THURSDAY,
            HAPPENED,
        ),
        ("This week NATO announced", THIS_WEEK, HAPPENED),
        # around publication: the words decide
        ("the minister will sign the deal this week", THIS_WEEK, EXPECTED),
        ("talks are scheduled for this week", THIS_WEEK, EXPECTED),
        ("the bank is expected to cut rates this week", THIS_WEEK, EXPECTED),
        ("if the talks fail this week", THIS_WEEK, HYPOTHETICAL),
        ("prices may fall this week", THIS_WEEK, HYPOTHETICAL),
        ("prices fell this week", THIS_WEEK, HAPPENED),
        # the past cannot be expected any more; the future has not happened yet
        ("he will recall that he left in July 2023", LAST_JULY, HAPPENED),
        ("he left in October", OCTOBER, EXPECTED),
        ("had he won last July", LAST_JULY, HAPPENED),
        ("he could have won last July", LAST_JULY, HYPOTHETICAL),
        # "May" the month is not "may" the modal
        ("talks ended in May", (date(2024, 5, 1), date(2024, 5, 31)), HAPPENED),
    ],
)
def test_modality_of_a_clause(clause: str, dates: tuple[date, date], expected: str) -> None:
    assert modality(clause, dates[0], dates[1], PUBLISHED) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("he left on Thursday", HAPPENED),
        ("he will leave on Thursday", EXPECTED),
        ("he plans to leave on Thursday", EXPECTED),
        ("he might leave on Thursday", HYPOTHETICAL),
    ],
)
def test_without_a_publication_date_only_the_words_decide(clause: str, expected: str) -> None:
    assert modality(clause, *THURSDAY, None) == expected
