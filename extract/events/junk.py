"""Numbers that read as dates but date nothing: index levels, table cells, wire codes, names.

Why here and not in the tagger: the tagger answers "is this a date expression?" for TimeML,
where "1757" alone is a fine year; only the row asks "does this place a happening on the
calendar?", with the sentence around it. Found by an audit of every Reuters event dated before
1900 or after 2000 (``tests/unit/test_junk.py`` keeps one case of each); each rule is general:

- a level, far from the publication year: "the index once again hitting a new high of 1757",
  "up 115 points to 1854", "the 1840 level", "current levels around 2050" (but "the 1986 level"
  in 1987 is a year);
- a table cell far from the publication year: "HARD RED WINTER         1639    1635   54"
  (numbers in columns; "1986    1985" column heads in 1987 stay years);
- a wire code: "(NRKI 1821)"; a clock time: "UP TO (1200) GMT", "(1500) -- ... releases";
- a count, far from the publication year: "the 1500 listed companies";
- part of a company's name: "Den Danske Bank af 1871 A/S", "acquired 2001 Distributors Inc";
- a count of something else: "versus 12,000 week ago" (12,000 head, a week ago);
- a slip of the keys, coordinated with a date a century away: "approved in January 1875 and
  September 1987".

``junk_reason`` says which, or None for a date that may anchor a happening.
"""

from __future__ import annotations

import re
from datetime import date

from extract.events.phrase import EVENT_NOUNS
from extract.language.cues import MONTHS

_YEAR = re.compile(r"(?:the\s+)?(1\d{3}|2\d{3})")
_LEVEL_BEFORE = re.compile(
    r"\b(?:index|indicator|average|level|levels|points?|high|low|figure|finish|close|closing|"
    r"record)\s+(?:\w+\s+)?(?:of|at|to|around|near|above|below)\s+$",
    re.IGNORECASE,
)
_LEVEL_AFTER = re.compile(r"^\s+(?:level|points|mark|finish)\b", re.IGNORECASE)
_COLUMN_GAP = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*[A-Z]?(?![\w.])")
_TABLE_REACH = 40
_CODE = re.compile(r"\(\s*([A-Z]{3,5})\s+$")
_CODE_END = re.compile(r"^\s*[,)]")
# A legal form right after the year, or after one capitalised word: "1871 A/S", "2001
# Distributors Inc"; not "1986 First National Bank earnings" (a year qualifying a name).
_IN_COMPANY = re.compile(
    r"^\s+(?:[A-Z][\w&-]*\s+)?(?:Inc|Corp|Co|Ltd|Plc|PLC|A/S|AG|SA|NV|AB|GmbH|SpA)\b"
)
_TABLE_SHAPED = re.compile(r"(?:[A-Za-z]+\s+)?\d{4}")  # "1803", "WINTER         1639"
_FAR_YEARS = 40  # a "level" this far from the publication year is no year ("the 1840 level")
_OLDEST_PLAIN = 1900  # without a publication date, levels below this year are no year
# "(1200) GMT", "(1500) -- Agriculture Department releases ...", "(1500) Reuter"
_CLOCK_AFTER = re.compile(r"^\)\s*(?:GMT|[A-Z]{3}\b|--|-|–|Reuter|$)")
# "the 1500 listed companies": a lowercase word or two, the last a plural
_COUNTED = re.compile(r"^\s+(?:[a-z]+\s+)?([a-z]+[^s\W]s)\b")
_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_COUNT_AGO = re.compile(r"^(\d[\d,]*)\s+(?:day|week|month|year)\s+ago$", re.IGNORECASE)
_COORDINATED = re.compile(r"^\s+(?:and|or)\s+(?:[A-Z][a-z]+\.?\s+)?(\d{4})\b")
_CENTURY = 100


def junk_reason(text: str, start: int, end: int, published: date | None = None) -> str | None:
    """Why ``text[start:end]`` (a date expression) dates nothing, or None if it may.

    ``published`` tells a level from a year: "the 1840 level" in 1987 is the Dow, "the 1986
    level" is last year's output."""
    said = text[start:end]
    before = text[max(0, start - 48) : start]
    after = text[end : end + 48]
    count = _COUNT_AGO.match(said)
    if count and count[1] != "1":
        return "a count of something else"
    shaped = _TABLE_SHAPED.fullmatch(said)
    if shaped and _far(int(said[-4:]), published) and _is_table_cell(text, start, end):
        return "a table cell"
    bare = _YEAR.fullmatch(said)
    if bare is None:
        return _slip(said, after)
    far = _far(int(bare[1]), published)
    if far and (_LEVEL_BEFORE.search(before) or _LEVEL_AFTER.match(after)):
        return "a level"
    code = _CODE.search(before)
    if code and code[1].lower() not in MONTHS and _CODE_END.match(after):
        return "a wire code"
    if far and before.endswith("(") and _CLOCK_AFTER.match(after) and _is_clock(bare[1]):
        return "a clock time"
    counted = _COUNTED.match(after)
    if far and counted and counted[1] not in EVENT_NOUNS and _THE.search(before):
        return "a count"
    if _IN_COMPANY.match(after):
        return "part of a name"
    return None


def _is_clock(digits: str) -> bool:
    return int(digits[:2]) < 24 and int(digits[2:]) < 60


def _far(year: int, published: date | None) -> bool:
    """Far from when the article was written: a number there is more likely not a year."""
    if published is None:
        return year < _OLDEST_PLAIN
    return abs(year - published.year) >= _FAR_YEARS


def _is_table_cell(text: str, start: int, end: int) -> bool:
    """Numbers in columns around the date: a table row, not a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    window = text[max(line_start, start - _TABLE_REACH) : min(line_end, end + _TABLE_REACH)]
    return len(_COLUMN_GAP.findall(window)) >= 2 and len(_NUMBER.findall(window)) >= 2


def _slip(said: str, after: str) -> str | None:
    """ "January 1875 and September 1987": a year a century before the one it is listed with."""
    year = re.search(r"\b(1\d{3}|2\d{3})$", said)
    other = _COORDINATED.match(after)
    if year and other and int(other[1]) - int(year[1]) >= _CENTURY:
        return "a slip of the keys"
    return None
