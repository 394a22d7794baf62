"""The tagger on single sentences: what each kind of expression becomes, relative to a known
publication date (Thursday 2024-06-20 unless a row says otherwise)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.timex.tagger import tag

THURSDAY = date(2024, 6, 20)


def _only(sentence: str, published: date | None = THURSDAY) -> tuple[str, str, str]:
    found = tag(sentence, published)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # absolute dates, any order, with the weekday or not
        ("It opened on June 18, 2024.", ("June 18, 2024", "DATE", "2024-06-18")),
        ("It opened on 18 June 2024.", ("18 June 2024", "DATE", "2024-06-18")),
        ("It opened on Sept. 30, 1989.", ("Sept. 30, 1989", "DATE", "1989-09-30")),
        ("It ran in February 1947.", ("February 1947", "DATE", "1947-02")),
        ("The 2024-06-18 filing was late.", ("2024-06-18", "DATE", "2024-06-18")),
        ("The filing of 6/18/2024 was late.", ("6/18/2024", "DATE", "2024-06-18")),
        ("Prices fell in the 1990s.", ("the 1990s", "DATE", "199")),
        ("It peaked in the late '80s.", ("the late '80s", "DATE", "198")),
        ("Cities grew in the 19th century.", ("the 19th century", "DATE", "18")),
        ("Sales rose in the third quarter.", ("the third quarter", "DATE", "2023-Q3")),
        ("Sales will rise in the third quarter.", ("the third quarter", "DATE", "2024-Q3")),
        ("Sales rose in the second half of 1990.", ("the second half of 1990", "DATE", "1990-H2")),
        ("Growth slowed in mid-1996.", ("mid-1996", "DATE", "1996")),
        ("He was born in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
        # months and weekdays follow the tense of their clause
        ("He told Dutch radio in October.", ("October", "DATE", "2023-10")),
        ("His mandate expires in October.", ("October", "DATE", "2024-10")),
        ("They will meet on Monday.", ("Monday", "DATE", "2024-06-24")),
        ("They met on Monday.", ("Monday", "DATE", "2024-06-17")),
        ("Iohannis withdrew on Thursday.", ("Thursday", "DATE", "2024-06-20")),
        ("The deal will close on Thursday.", ("Thursday", "DATE", "2024-06-20")),
        ("The talks were held on June 18.", ("June 18", "DATE", "2024-06-18")),
        ("The offer expires Oct. 1.", ("Oct. 1", "DATE", "2024-10-01")),
        # last / this / next
        ("Rutte announced last July that he would leave.", ("last July", "DATE", "2023-07")),
        ("Sales jumped last year.", ("last year", "DATE", "2023")),
        ("Sales will jump next year.", ("next year", "DATE", "2025")),
        ("The summit is next month.", ("next month", "DATE", "2024-07")),
        ("They met last week.", ("last week", "DATE", "2024-W24")),
        ("They meet this week.", ("this week", "DATE", "2024-W25")),
        ("They met last Friday.", ("last Friday", "DATE", "2024-06-14")),
        ("They will meet next Friday.", ("next Friday", "DATE", "2024-06-21")),
        ("It was hot last summer.", ("last summer", "DATE", "2023-SU")),
        ("Profit fell earlier this year.", ("earlier this year", "DATE", "2024")),
        ("It will ship early next year.", ("early next year", "DATE", "2025")),
        ("It happened in July last year.", ("July last year", "DATE", "2023-07")),
        # counted back from the publication date
        ("It began two weeks ago.", ("two weeks ago", "DATE", "2024-W23")),
        ("It began three days ago.", ("three days ago", "DATE", "2024-06-17")),
        ("It began five years ago.", ("five years ago", "DATE", "2019")),
        ("It began a few years ago.", ("a few years ago", "DATE", "PAST_REF")),
        # today and its neighbours, the present, past and future
        ("Shares fell yesterday.", ("yesterday", "DATE", "2024-06-19")),
        ("Shares fell today.", ("today", "DATE", "2024-06-20")),
        ("The vote is tomorrow.", ("tomorrow", "DATE", "2024-06-21")),
        ("He is now at the council.", ("now", "DATE", "PRESENT_REF")),
        ("He recently resigned.", ("recently", "DATE", "PAST_REF")),
        ("A vote is expected in the coming days.", ("the coming days", "DATE", "FUTURE_REF")),
        # times
        ("The blast came at 10:35 a.m. Friday.", ("10:35 a.m. Friday", "TIME", "2024-06-14T10:35")),
        ("It starts at 3 p.m. tomorrow.", ("3 p.m. tomorrow", "TIME", "2024-06-21T15:00")),
        ("He spoke this morning.", ("this morning", "TIME", "2024-06-20TMO")),
        ("It rained last night.", ("last night", "TIME", "2024-06-19TNI")),
        # durations: extents keep their modifiers
        ("He led for almost 14 years.", ("almost 14 years", "DURATION", "P14Y")),
        ("It took more than two years.", ("more than two years", "DURATION", "P2Y")),
        ("It took 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("It took a few days.", ("a few days", "DURATION", "PXD")),
        ("The talks lasted 16 hours.", ("16 hours", "DURATION", "PT16H")),
        ("He won a four-year term.", ("four-year", "DURATION", "P4Y")),
        ("Rates rose over the past two months.", ("the past two months", "DURATION", "P2M")),
        ("The war went on for decades.", ("decades", "DURATION", "PXE")),
        (
            "Profit was flat for the first nine months.",
            ("the first nine months", "DURATION", "P9M"),
        ),
        # sets
        ("The paper appears daily.", ("daily", "SET", "P1D")),
        ("They meet every Tuesday.", ("every Tuesday", "SET", "XXXX-WXX-2")),
        ("They meet each month.", ("each month", "SET", "P1M")),
    ],
)
def test_expression_is_found_and_normalised(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _only(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The veteran politician, 57, is expected to win.", "NATO's 32 nations agreed.",
        "The 32-nation alliance agreed.", "He gave $3 billion.", "He likes U2 and the F-16.",
        "We met the Boeing 747 crew.", "Turnout was 1979 votes.",
        "Shares rose 2.5% to 1,990 points.", "He may resign.", "They march on the capital.",
        "Sun Microsystems said so.", "He is a 52-year-old lawyer.", "It costs $2 million a year.",
        "He won a second term.", "Imports are about three-quarters of supply.",
        "The current account deficit widened.",
    ],
)
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert tag(sentence, THURSDAY) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The letter of June 18 was read.", "XXXX-06-18"),
        ("They met on Tuesday.", "XXXX-WXX-2"),
        ("He told radio in October.", "XXXX-10"),
        ("Rutte announced last July that he would go.", "XXXX-07"),
        ("Sales jumped last year.", "XXXX"),
        ("Sales rose this year.", "XXXX"),
        ("The vote is next week.", "XXXX-WXX"),
        ("It opened on June 18, 2024.", "2024-06-18"),
        ("It opened in 2021.", "2021"),
    ],
)
def test_without_a_publication_date_relative_values_keep_x_placeholders(
    sentence: str, value: str
) -> None:
    assert _only(sentence, None)[2] == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The Normans landed in 1066.", "1066"),
        ("Caesar died in 44 BC.", "BC0044"),
    ],
)
def test_deep_time_keeps_its_year(sentence: str, value: str) -> None:
    assert _only(sentence)[2] == value


@pytest.mark.parametrize(
    "sentence",
    ["It was due on February 30, 2023.", "Code 99999 failed.", "On February 30 it rained."],
)
def test_impossible_dates_are_not_dates(sentence: str) -> None:
    assert [t for t in tag(sentence, THURSDAY) if t.type == "DATE"] == []


def test_the_following_day_is_anchored_on_the_last_date_mentioned() -> None:
    found = tag("The plant closed on March 3, 2020. The following day workers protested.", THURSDAY)
    assert [(t.text, t.value) for t in found] == [
        ("March 3, 2020", "2020-03-03"),
        ("The following day", "2020-03-04"),
    ]


def test_a_year_earlier_in_a_quarterly_report_is_the_same_quarter() -> None:
    found = tag(
        "Third-quarter profit rose to $5 million from $4 million a year earlier.",
        date(1989, 10, 26),
    )
    assert [(t.text, t.value) for t in found] == [
        ("Third-quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
    ]


def test_on_a_sunday_last_week_is_the_week_now_ending() -> None:
    assert _only("They met last week.", date(1998, 3, 22))[2] == "1998-W12"


def test_the_quarter_ended_on_a_date_is_the_quarter_of_that_date() -> None:
    found = tag("Unemployment was 3.9 pct in the quarter ended December 31.", date(1987, 4, 7))
    assert [(t.text, t.value) for t in found][0] == ("the quarter", "1986-Q4")


def test_the_previous_quarter_is_the_one_before_the_last_quarter_mentioned() -> None:
    found = tag("Sales rose in the third quarter, after falling in the previous quarter.",
                date(1989, 10, 26))
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "1989-Q3"), ("the previous quarter", "1989-Q2")]


def test_a_range_of_numbers_takes_the_first() -> None:
    assert _only("It will be paid over three to four years.")[1:] == ("DURATION", "P3Y")


def test_a_wrapped_line_does_not_hide_the_tense_of_its_sentence() -> None:
    text = "The company did not disclose earnings\nbefore August 15."
    assert _only(text, date(1987, 3, 20))[2] == "1986-08-15"


def test_the_week_ended_a_date_is_that_week() -> None:
    found = tag("Jobless claims rose in the week ended February 22.", date(2024, 3, 1))
    assert [(t.text, t.value) for t in found] == [
        ("the week", "2024-W08"), ("February 22", "2024-02-22")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("It lasted 99999 centuries.", "P9999900Y"), ("It lasted 1.5 years.", "P1.5Y")],
)
def test_durations_are_written_without_exponents(sentence: str, value: str) -> None:
    assert _only(sentence)[2] == value


def test_counting_back_past_year_one_gives_no_value() -> None:
    found = tag("It began 2023 years ago.", date(2000, 1, 1))
    assert all(not t.value.startswith("-") for t in found)
    assert [t for t in found if t.type == "DATE"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Revenue rose in Q3 2023.", ("Q3 2023", "DATE", "2023-Q3")),
        ("Revenue rose in H1 2024.", ("H1 2024", "DATE", "2024-H1")),
        ("Trading opens at 10:30 a.m. ET tomorrow.", ("10:30 a.m. ET tomorrow", "TIME",
                                                       "2024-06-21T10:30")),
        ("Athletes arrive for the 2024 Paris Olympics.", ("2024", "DATE", "2024")),
        ("The ceasefire, agreed on 15 May, held.", ("15 May", "DATE", "2024-05-15")),
        ("Growth in the mid-2020s will slow.", ("the mid-2020s", "DATE", "202")),
    ],
)
def test_modern_news_notations(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _only(sentence) == expected


@pytest.mark.parametrize("sentence", ["COVID-19 spread.", "The G20 met at COP28.",
                                      "Boeing 737 MAX jets were grounded.", "It runs 24/7."])
def test_names_with_numbers_are_not_dates(sentence: str) -> None:
    assert tag(sentence, THURSDAY) == []
