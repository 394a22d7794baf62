"""Four-digit numbers that are not years, found in real Reuters copy: clock times, part numbers,
table cells. Each was once read as a year and drawn on the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from extract.timex.tagger import tag

PUBLISHED = date(1987, 3, 2)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("trades entered by 1000 London time, designed to work", []),
        ("held open until about 2000 or 2100 EST on both days.",
         [("2100 EST", "TIME", "1987-03-02T21:00")]),
        ("Data are due to be released at 1630 EST (2130 GMT).",
         [("1630 EST", "TIME", "1987-03-02T16:30")]),
        ("the PC6 model and the 2114/PC Retail Management System", []),
        ("Revs 622,909 vs 968,4287\n    1st half     Shr nine cts", []),
        ("plenty of record-keeping at 1600 Pennsylvania Avenue", []),
        ("On the first day the market will open at 1000.", []),
        ("It stopped accepting orders after 1530 if they were late.", []),
        ("work on the 1150-megawatt Sizewell B plant", []),
        ("Sumitomo rose 200 to 1440 yen.", []),
        ("The Dow fell 508 points to 1738, a level it last hit in June.",
         [("June", "DATE", "1986-06")]),
        ("trading was extended until 1500 (1400 GMT) because of demand", []),
        ("trading runs from 1800 to 2100 local Chicago time", []),
    ],
)
def test_a_clock_time_or_part_number_is_not_a_year(sentence, expected):
    assert [(t.text, t.type, t.value) for t in tag(sentence, PUBLISHED)] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The plant was built in 1066 and rebuilt later.", "1066"),
        ("Emissions must fall by the year 2150.", "2150"),
        ("The lease runs until 2060, the company said.", "2060"),
        ("The treaty has held since 1648, he said.", "1648"),
        ("The firm was founded in 1776 by two brothers.", "1776"),
    ],
)
def test_real_years_far_from_publication_stay_years(sentence, value):
    assert [t.value for t in tag(sentence, PUBLISHED)] == [value]
