"""The tagger outside newswire: histories told in story time, informal posts, ranges.

Why a table of our own: the dev sets (WikiWars, the tweets) score the tagger, but tuning on them
alone memorises their habits. These passages were written for this table, one or more per class
of expression the tagger used to miss, and each row lists *every* expression with its type,
value and anchor ("published", "story" or "absolute": what the value was counted from), so a
false positive or a wrong anchor fails as surely as a miss. The histories are read as published
on Thursday 2024-06-20; nothing in them is about 2024, so every relative date must come from
the story.

Decisions the table fixes (where TimeML leaves room):
- in a story, "In April" is April of the story's year, not the April before publication;
  "the following spring", "that winter", "the next day" count from the last date the story set;
- "twelve days later" in a story is one DATE with "later" in its extent (news keeps TimeBank's
  "three days" DURATION, see ``test_timex_news``);
- "the fall of Budapest" is an event, not autumn; "the spring offensive of 1945" names the
  season ("the spring", 1945-SP), as WikiWars annotates it;
- "April 480 BC" is one expression, BC0480-04; "the 470s BC" is the decade BC047;
- "3 Oct 10pm" and "this Sat, 7pm" are one TIME (a day and the clock time on it);
- "the 1600s" is the century-part it names (value "16", 1600-1699), "the 1990s" a decade.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.ranges import value_range
from extract.timex.tagger import tag

HISTORY = date(2024, 6, 20)
P, S, A = "published", "story", "absolute"

PASSAGES = [
    # story time: each relative date counts from the last date the story set
    (
        "In March 1917 the Tsar abdicated. In April, Lenin returned to Petrograd, and by July "
        "the government was in crisis; the following spring brought peace at Brest.",
        [
            ("March 1917", "DATE", "1917-03", A),
            ("April", "DATE", "1917-04", S),
            ("July", "DATE", "1917-07", S),
            ("the following spring", "DATE", "1918-SP", S),
        ],
    ),
    # anchored offsets are dates counted from the story
    (
        "The siege of the fort began on June 10, 1863. Twelve days later the garrison "
        "surrendered, and the next day the town was burned. That winter the regiment camped "
        "by the river.",
        [
            ("June 10, 1863", "DATE", "1863-06-10", A),
            ("Twelve days later", "DATE", "1863-06-22", S),
            ("the next day", "DATE", "1863-06-23", S),
            ("That winter", "DATE", "1863-WI", S),
        ],
    ),
    # compact and split ranges: each end its own value, the shared part carried across
    (
        "The armies fought on through 1915-17, and the 1861-1863 campaigns in the east are "
        "remembered for their cost. Fighting raged on March 5-9, 1918 and again on 1-3 Nov. "
        "1918, and between 1939 and 1945 the city changed hands four times.",
        [
            ("1915", "DATE", "1915", A),
            ("17", "DATE", "1917", A),
            ("1861", "DATE", "1861", A),
            ("1863", "DATE", "1863", A),
            ("March 5", "DATE", "1918-03-05", A),
            ("9, 1918", "DATE", "1918-03-09", A),
            ("1", "DATE", "1918-11-01", A),
            ("3 Nov. 1918", "DATE", "1918-11-03", A),
            ("1939", "DATE", "1939", A),
            ("1945", "DATE", "1945", A),
        ],
    ),
    # years as modifiers and in brackets
    (
        "The 1777 campaign ended at Saratoga. The treaty (1790) settled the border. In 1956 "
        "demonstrations forced the governor out.",
        [("1777", "DATE", "1777", A), ("1790", "DATE", "1790", A), ("1956", "DATE", "1956", A)],
    ),
    # a month or season with an era year is one expression; the story runs on in the era
    (
        "Xerxes crossed the Hellespont in April 480 BC. In the spring of 479 BC the Greeks "
        "gathered at Plataea; that summer the fleet sailed east. Herodotus wrote of it in the "
        "5th century BC, and the 470s BC saw the league grow.",
        [
            ("April 480 BC", "DATE", "BC0480-04", A),
            ("the spring of 479 BC", "DATE", "BC0479-SP", A),
            ("that summer", "DATE", "BC0479-SU", S),
            ("the 5th century BC", "DATE", "BC04", A),
            ("the 470s BC", "DATE", "BC047", A),
        ],
    ),
    # event nouns that look like seasons
    (
        "Soviet forces reached the Danube in 1944. The fall of Budapest in February 1945 opened "
        "the road west, and the spring offensive of 1945 reached Vienna in April.",
        [
            ("1944", "DATE", "1944", A),
            ("February 1945", "DATE", "1945-02", A),
            ("the spring", "DATE", "1945-SP", S),
            ("1945", "DATE", "1945", A),
            ("April", "DATE", "1945-04", S),
        ],
    ),
    # times attached to dates
    (
        "After the vote of 14 May 1948 the city was quiet. On 3 Oct 1948 10pm the sirens "
        "sounded; the shelling ran from 3 Oct 10pm to 4 Oct 7.30am, and in 1949 the truce held.",
        [
            ("14 May 1948", "DATE", "1948-05-14", A),
            ("3 Oct 1948 10pm", "TIME", "1948-10-03T22:00", A),
            ("3 Oct 10pm", "TIME", "1948-10-03T22:00", S),
            ("4 Oct 7.30am", "TIME", "1948-10-04T07:30", S),
            ("1949", "DATE", "1949", A),
        ],
    ),
    # a history that quotes the writer's own time: "today" is the writer's, not the story's
    (
        "The army fell back to the coast in May 1940 and was evacuated in June; in 1944 it "
        "came back. The beaches are quiet today.",
        [
            ("May 1940", "DATE", "1940-05", A),
            ("June", "DATE", "1940-06", S),
            ("1944", "DATE", "1944", A),
            ("today", "DATE", "2024-06-20", P),
        ],
    ),
]

POSTS = [
    # informal language, read from the post's own date (Thursday 2015-03-12)
    (
        "omg see u tmr!! 2nite we party, then brunch this wknd. Now open till late, come this "
        "Sat, 7pm",
        [
            ("tmr", "DATE", "2015-03-13", P),
            ("2nite", "TIME", "2015-03-12TNI", P),
            ("this wknd", "DATE", "2015-W11-WE", P),
            ("Now", "DATE", "PRESENT_REF", P),
            ("this Sat, 7pm", "TIME", "2015-03-14T19:00", P),
        ],
    ),
    (
        "Doors open 3 Oct 10pm, free entry b4 midnite",
        [("3 Oct 10pm", "TIME", "2014-10-03T22:00", P)],
    ),
    ("cant sleep, exam on friday :(", [("friday", "DATE", "2015-03-13", P)]),
]


def _found(text: str, published: date) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.type, t.value, t.anchor) for t in tag(text, published)]


@pytest.mark.parametrize(("text", "expected"), PASSAGES, ids=lambda v: str(v)[:40])
def test_a_history_is_dated_from_its_own_story(text: str, expected: list) -> None:
    assert _found(text, HISTORY) == expected


@pytest.mark.parametrize(("text", "expected"), POSTS, ids=lambda v: str(v)[:40])
def test_an_informal_post_is_dated_from_its_own_day(text: str, expected: list) -> None:
    published = date(2014, 9, 30) if "Doors" in text else date(2015, 3, 12)
    assert _found(text, published) == expected


def test_news_that_recalls_a_year_keeps_counting_from_its_publication_date() -> None:
    """One far year is background, not a story: "three years later" stays TimeBank's duration
    and "last week" is the week before publication."""
    text = "He was convicted in 2018 and released three years later. Last week he spoke."
    assert _found(text, date(2025, 3, 12)) == [
        ("2018", "DATE", "2018", A),
        ("three years", "DURATION", "P3Y", A),
        ("Last week", "DATE", "2025-W10", P),
    ]


def test_a_paragraph_of_history_inside_news_is_told_in_story_time() -> None:
    """A news article (its "Monday" and "today") with a paragraph that tells an old story: the
    paragraph's months are the story's, the article's weekdays the publication week's."""
    text = (
        "The museum reopened on Monday, its director said today.\n\n"
        "The building dates from 1911. In 1923 a fire gutted the east wing; in May the roof "
        "fell, and the following year the wing was rebuilt."
    )
    assert _found(text, HISTORY) == [
        ("Monday", "DATE", "2024-06-17", P),
        ("today", "DATE", "2024-06-20", P),
        ("1911", "DATE", "1911", A),
        ("1923", "DATE", "1923", A),
        ("May", "DATE", "1923-05", S),
        ("the following year", "DATE", "1924", S),
    ]


def test_a_future_clause_in_a_story_speaks_from_the_writers_time() -> None:
    """A story is told in the past; "will join on March 12" is the writer's coming March."""
    text = (
        "The alliance was founded in April 1949 and first grew in February 1952. "
        "Two more states will join on March 12."
    )
    assert _found(text, date(1999, 2, 27))[-1] == ("March 12", "DATE", "1999-03-12", P)


def test_without_a_publication_date_relative_dates_keep_their_placeholders() -> None:
    """Nothing is guessed: the story model needs a publication date to tell a story from news,
    and publication-date inference reads the X values."""
    assert _found("In March 1917 the Tsar abdicated. In April, Lenin returned.", None) == [
        ("March 1917", "DATE", "1917-03", A),
        ("April", "DATE", "XXXX-04", P),
    ]


@pytest.mark.parametrize(
    ("said", "value", "first", "last", "precision"),
    [
        ("the 1600s", "16", date(1600, 1, 1), date(1699, 12, 31), "century"),
        ("the 1800s", "18", date(1800, 1, 1), date(1899, 12, 31), "century"),
        ("the 1990s", "199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("the 2000s", "200", date(2000, 1, 1), date(2009, 12, 31), "decade"),
    ],
)
def test_the_1600s_is_a_century_and_the_1990s_a_decade(
    said: str, value: str, first: date, last: date, precision: str
) -> None:
    (found,) = tag(f"The house was built in {said}.", HISTORY)
    span = value_range(found.value)
    assert (found.text, found.value) == (said, value)
    assert span is not None and (span.start, span.end, span.precision) == (first, last, precision)


def test_the_events_frame_records_which_anchor_each_date_used() -> None:
    from extract.article import Article
    from extract.pipeline import extract_articles
    from extract.schema import ANCHORS, validate

    text = (
        "In March 1917 the Tsar abdicated in Pskov. In April, Lenin returned to Petrograd, and "
        "the Bolsheviks took power on 7 November 1917. Historians still argue about it today."
    )
    article = Article("history", text, published=HISTORY, published_from="given")
    frame, _ = extract_articles([article], on_problem=lambda problem: None)
    validate(frame)
    assert list(frame["anchor"].cat.categories) == list(ANCHORS)
    assert dict(zip(frame["timex"], frame["anchor"], strict=True)) == {
        "March 1917": A,
        "April": S,
        "7 November 1917": A,
        "today": P,
    }
