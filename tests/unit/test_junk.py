"""Numbers that read as dates but date nothing never become events (the Reuters audit)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.article import Article
from extract.events.junk import junk_reason
from extract.events.rows import article_events

PUBLISHED = date(1987, 4, 8)


def _reason(text: str, said: str) -> str | None:
    start = text.index(said)
    return junk_reason(text, start, start + len(said), PUBLISHED)


@pytest.mark.parametrize(
    ("text", "said", "reason"),
    [
        (
            "Industrials closed firmer, the index once again hitting a new high of 1757 from "
            "Friday's 1753 finish.",
            "1757",
            "a level",
        ),
        ("The Dow Jones Industrial Average was up almost 115 points to 1854.", "1854", "a level"),
        ("The last time the Dow index touched the 1840 level was in November.", "1840", "a level"),
        ("The index rose to current levels around 2050.", "2050", "a level"),
        ("STOCKS\n HARD RED WINTER         1639    1635   54\n", "1639", "a table cell"),
        ("FLAX  OPEN  P SETT\n OCT7  2050B         2040\n DEC7  2089H", "2040", "a table cell"),
        (
            "on the need for currency stability. (NRKI 1821)     WASHINGTON - The Fed",
            "1821",
            "a wire code",
        ),
        ("Den Danske Bank af 1871 A/S said it was issuing certificates.", "1871", "part of a name"),
        (
            "It said it has acquired 2001 Distributors Inc of West Babylon.",
            "2001",
            "part of a name",
        ),
        (
            "Hog slaughter at 275,000 head versus 12,000 week ago.",
            "12,000 week ago",
            "a count of something else",
        ),
        (
            "Buy back authorizations were approved in January 1875 and September 1987.",
            "January 1875",
            "a slip of the keys",
        ),
        ("RAINFALL WAS RECORDED IN THE 24 HOURS UP TO (1200) GMT TODAY", "1200", "a clock time"),
        ("(1500) -- Agriculture Department releases a survey.", "1500", "a clock time"),
        ("It did not want to keep the 1500 listed companies from trading.", "1500", "a count"),
    ],
)
def test_numbers_that_only_look_like_dates_are_named_for_what_they_are(
    text: str, said: str, reason: str
) -> None:
    assert _reason(text, said) == reason


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("SOGENAL, founded in 1881 and nationalised in 1982, is a regional bank.", "1881"),
        ("Output must rise above the 1986 level of 3.54 mln tonnes.", "1986"),
        ("It reached 2.5 mln tonnes, equalling the record output of 1970.", "1970"),
        ("The bank also reported 1986 First National Bank earnings of 2.0 mln.", "1986"),
        ("Reuters has had a bureau in Japan since the 1870s.", "the 1870s"),
        ("The mine, started in 1896 by a U.S. company, is untouched.", "1896"),
        ("He said it was founded 97 years ago by the family.", "97 years ago"),
        ("Sales rose a week ago.", "a week ago"),
        ("The debentures are due 2012 and pay 7 pct.", "2012"),
        ("Casablanca (1942) is his favourite film.", "1942"),
        ("Prices have not been this low since the 1929 crash.", "1929"),
        ("The lowest was in 1932 when farmers planted 113 mln acres.", "1932"),
        ("QUANTITY            1988     1989      1990", "1988"),
    ],
)
def test_real_dates_near_the_same_words_stay(text: str, said: str) -> None:
    assert _reason(text, said) is None


def test_a_junk_number_gives_no_row_but_the_real_date_beside_it_does() -> None:
    text = "The Dow index hit a new high of 1757 on Friday, after it was founded in 1896."
    article = Article(doc_id="r", text=text, published=PUBLISHED)
    assert [row["timex"] for row in article_events(article)] == ["Friday", "1896"]
