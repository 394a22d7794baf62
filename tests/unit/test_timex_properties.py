"""Properties of the tagger on any text: it never raises, its spans are in order, do not
overlap and point into the text, its values follow the TIMEX3 grammar, and ranges are ordered."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex.tagger import TYPES, is_valid_value, tag

# text made of the words dates are made of, so that the grammar is exercised, plus anything
_WORDS = st.sampled_from(
    [
        "the", "last", "next", "this", "ago", "earlier", "later", "early", "late", "mid", "on",
        "in", "since", "by", "of", "a", "an", "two", "14", "57", "1979", "1066", "99999", "2024",
        "February", "30,", "2023", "May", "March", "Thursday", "Tuesday", "week", "weeks", "month",
        "year", "years", "quarter", "third-quarter", "fourth", "1990s", "'90s", "century", "now",
        "today", "yesterday", "tomorrow", "recently", "soon", "daily", "every", "each", "almost",
        "more", "than", "10:35", "a.m.", "p.m.", "noon", "44", "BC", "four-year", "32-nation",
        "$3", "U2", "F-16", ".", ",", ";", "-", "/", "6/18/2024", "2024-06-18", "Q3", "fiscal",
        "half", "summer", "night", "morning", "nineteen", "ninety-six", "Sept.", "31", "00", "0",
        "1/2",
    ]
)
_TEXT = st.one_of(st.lists(_WORDS, max_size=40).map(" ".join), st.text(max_size=200))
_DAY = st.one_of(st.none(), st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24)))


@settings(max_examples=400, deadline=None)
@given(_TEXT, _DAY)
def test_tagging_any_text_never_raises_and_keeps_its_promises(
    text: str, published: date | None
) -> None:
    found = tag(text, published)
    previous_end = 0
    for timex in found:
        assert previous_end <= timex.start < timex.end <= len(text)
        assert timex.text == text[timex.start : timex.end]
        assert timex.type in TYPES
        assert is_valid_value(timex.value), timex.value
        span = timex.range
        if span is not None:
            assert span.start <= span.end
        previous_end = timex.end


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24)))
def test_relative_expressions_resolve_around_any_publication_date(published: date) -> None:
    text = "He met them last week, on Tuesday, in October, and two years ago; next month too."
    values = {t.text: t.value for t in tag(text, published)}
    years = (f"{published.year - 1:04d}", f"{published.year:04d}", f"{published.year + 1:04d}")
    assert values["last week"][:4] in years[:2]
    assert values["next month"][:4] in years[1:]


def test_an_offset_reaching_before_year_one_is_not_a_date() -> None:
    # found by tests/fuzz_targets.py: "1066 quarter earlier" once gave the value "-058-Q4"
    text = "Sales fell sharply 1066 quarter earlier."
    assert all(is_valid_value(t.value) for t in tag(text, date(2024, 6, 20)))
