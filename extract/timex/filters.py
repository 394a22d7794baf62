"""Context filters: whether a span the grammar matched is a temporal expression at all.

Why apart from the grammar: the patterns say what a date looks like; these checks look at the
words around it, the way a reader does. "May" after no preposition is a verb, "Sun" is a
company, "1979 votes" a count, "Windows 2000" a name, "a 52-year-old" an age, "$2 million a
year" a rate, "future" before a noun an adjective. Each filter takes the match and the text
and answers yes or no; ``FILTERS`` maps a rule's kind to its filter.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extract.language.cues import MONTH_NAMES, POSSESSIVES, WEEKDAY_NAMES

CAPITALISED = {"date_mdy", "date_dmy", "month", "weekday", "time"}
_PREPOSITIONS = frozenset(
    [
        "in", "since", "by", "until", "till", "from", "to", "through", "throughout", "of",
        "before", "after", "during", "early", "late", "mid", "last", "next", "this", "and", "or",
        "between", "on", "for", "around", "about", "since",
    ]
)
_NOT_PLURAL_NOUNS = frozenset(
    [
        "was", "is", "has", "as", "this", "its", "his", "us", "plus", "versus", "across", "thus",
        "yes", "perhaps", "unless", "whereas", "always", "besides", "does", "goes", "gets",
        "makes", "takes", "says", "sees", "comes", "gives", "lets", "means", "seems", "puts",
    ]
)
_COUNTED = frozenset(
    [
        "people", "men", "women", "children", "feet", "tons", "miles", "km", "mph", "kg", "lbs",
        "troops", "police", "yen", "dlr", "dlrs", "pence", "cts", "mln", "megawatt", "mw",
        "tonnes", "barrels", "points", "shares",
    ]
)
_EARLY_YEAR_CUES = frozenset(["in", "since", "of", "from", "until", "till", "by", "year", "circa",
                              "around", "about", "before", "c.", "ad"])
"""A number from 1000 to 1799 is far more often a clock time ("at 1530"), an address ("1600
Pennsylvania Avenue"), an index level ("fell to 1738") or a model than a year in news; it is a
year after one of these words."""
_NUMBER_CONTEXT = re.compile(
    r"(?:no\.|number|flight|route|model|boeing|airbus|page|pages|room|highway|"
    r"interstate|windows|article|rule|section|chapter|channel|version|#)\s*$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(
    r"\s*(?:(?:or|and|to|-|–)\s*\d{4}\s*)?(?:[ap]\.?m\b|hours\b|hrs\b|h\b|GMT\b|UTC\b|"
    r"[ECMP][SD]T\b|BST\b|CET\b|JST\b|(?:local|London|New\s+York|Tokyo|Paris|Frankfurt|"
    r"Moscow|Washington|Eastern|Central|Pacific|Mountain)\s+time\b)",
    re.IGNORECASE,
)
_CLOCK_AFTER_NAMED = re.compile(
    r"\s*(?:(?:or|and|to|-|–)\s*\d{4}\s*)?(?:local\s+)?[A-Z][a-z]+\s+time\b"
    r"|\s*\(\d{4}\s*(?:GMT|UTC|[ECMP][SD]T|local)\b"
)
"""What follows a four-digit clock time: "1000 London time", "2000 or 2100 EST", "1500 hrs",
"about 1400 Gulf time", "until 1500 (1400 GMT)"."""
_YEAR_LIST = re.compile(r"(?<![\d,.$])(?:1[5-9]\d\d|20\d\d),\s*$")
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "his", "her", "their", "our"])
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.]*)\s+$")


def capitalised(m: re.Match[str], text: str) -> bool:
    """Month and weekday names must be written with a capital ("may" is a verb, "sun" a star),
    except full names that are never another word: informal text writes "on sunday",
    "cepatlah november"."""
    return all(
        not (group in m.re.groupindex and m.group(group))
        or text[m.start(group)].isupper()
        or m.group(group).lower() in _ONLY_DATES
        for group in ("mon", "wd")
    )


_ONLY_DATES = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) - {"may", "march", "august"}


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m else ""


def _year_ok(m: re.Match[str], text: str) -> bool:
    """A four-digit number is a year unless it counts something, is money or names a model."""
    start = m.start("year")
    if m.group("mod"):
        return True
    before = text[max(0, start - 20) : start]
    if _NUMBER_CONTEXT.search(before) or (
        re.search(r"\d[\s,]*$", before) and not _YEAR_LIST.search(before)
    ):
        return False  # "1,990 points", "3 1980 models"; but "2019, 2021 and 2023" lists years
    if _CLOCK_AFTER.match(text, m.end("year")) or _CLOCK_AFTER_NAMED.match(text, m.end("year")):
        return False  # a 24-hour clock time, not a year
    if re.match(r"-[A-Za-z]", text[m.end("year") : m.end("year") + 2]):
        return False  # "a 1150-megawatt plant", "1200-series grades": a measure or a model
    digits = m.group("year")
    early = digits.isdigit() and 1000 <= int(digits) < 1800
    if (
        early
        and _word_before(text, start).lower() not in _EARLY_YEAR_CUES
        and not (_bracketed_alone(text, start, m.end()) or _names_a_campaign(text, start, m.end()))
    ):
        return False
    word = _word_before(text, start)
    if (
        word
        and text[start - len(word) - 1].isupper()
        and word not in _PREPOSITIONS
        and word not in _DETERMINERS
        # a capital explained by its place: after a full stop, a colon or a line break. Not
        # ``sentences.starts_sentence``: that asks for a real boundary, and headlines, wire
        # lines and "Co. 1990" (a full stop after an abbreviation) all license a capital too
        and not re.search(r"[.!?:\n]\W*\S+\s+$", before)
        and not word.endswith(".")
    ):
        return False  # "Orion 1980", "Windows 2000": a name with a number
    after = _word_after(text, m.end())
    low = after.lower()
    if low in _COUNTED or (
        low.endswith("s")
        and after.islower()
        and low not in _NOT_PLURAL_NOUNS
        and not low.endswith(("'s", "ss"))
        and not (word in _MODIFIED_YEAR_CUES or _opens(text, start))
    ):
        return False
    return not re.match(r"\s*(?:[-–]\s*\d|\d)", text[m.end() : m.end() + 3])


_MODIFIED_YEAR_CUES = POSSESSIVES | {"our"}
"""Before a year that modifies a plural noun, words that make it a year, not a count: "its
2006 highs". (A count has no possessive: "its 2006 votes" is not English.)"""


def _opens(text: str, start: int) -> bool:
    """ "In 1956 demonstrations forced ...": a year after a capitalised "In" opening a sentence
    is the sentence's time, whatever noun follows it."""
    return bool(
        re.search(
            r"(?:^|[.!?]\s+|\n\s*)(?:In|By|Since|During|Until)\s+$",
            text[max(0, start - 12) : start],
        )
    )


def _bracketed_alone(text: str, start: int, end: int) -> bool:
    """ "The treaty (1790)": a number alone in brackets after words is a year."""
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _names_a_campaign(text: str, start: int, end: int) -> bool:
    """ "the 1777 campaign": "the", a number, then a singular lower-case noun (a plural is a
    count, "the 1500 employees", and the year filter below rejects it)."""
    return _word_before(text, start) == "the" and _word_after(text, end)[:1].islower()


def _month_ok(m: re.Match[str], text: str) -> bool:
    """A lone "May" or "March" needs a preposition before it; a month before a name is a name."""
    if m.group("mod") or m.group("rel") or m.group("year") or m.group("yrel") or m.group("spoken"):
        return True
    before = _word_before(text, m.start())
    month = m.group("mon").lower()
    if month in ("may", "march") and before not in _PREPOSITIONS:
        return False
    after = _word_after(text, m.end())
    return not (
        after[:1].isupper()
        and before not in _PREPOSITIONS
        and not re.match(r"\s*[.,;:]", text[m.end() :])
    )


def _dmy_ok(m: re.Match[str], text: str) -> bool:
    return not re.search(r"[\d$]\s*$", text[max(0, m.start() - 3) : m.start()])


def _duration_ok(m: re.Match[str], text: str) -> bool:
    """Reject ordinals read as units ("a second term") and numbers glued to other numbers."""
    num, unit = m.group("num").lower(), m.group("unit").lower()
    if unit == "second" and num in ("a", "an", "one") and not m.group("tail"):
        after = text[m.end() : m.end() + 12]
        if not re.match(r"\s*(?:[.,;:)]|or\b|and\b|ago\b|later\b|$)", after):
            return False
    if num in ("some", "many") and not m.group("plural"):
        return False
    if re.match(r"\s*-?\s*old\b", text[m.end() : m.end() + 6]):
        return False  # ages ("57-year-old", "52 years old") are not temporal expressions
    if unit == "quarter" and re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
        return False  # "three-quarters of": a fraction
    if unit == "night" and num in ("a", "an"):
        return False
    return not re.search(r"\d[.,]?$", text[max(0, m.start() - 2) : m.start()])


def _reference_ok(m: re.Match[str], text: str) -> bool:
    ref = m.group("ref").lower()
    after = _word_after(text, m.end()).lower()
    if ref in ("future", "recent") and after and text[m.end() : m.end() + 1] not in ",.;":
        return False  # adjectives: "future attack", "recent moves"
    if ref == "soon" and after in ("after", "before"):
        return False
    if ref == "now" and (m.group("ref") == "NOW" or _word_after(text, m.end())[:1].isupper()):
        return True  # "Now open", "Vote NOW": a headline's or a shout's now
    if ref in ("today", "tomorrow", "yesterday", "tonight") and m.group("ref").isupper():
        return True  # "NOT COMING TO SCHOOL TODAY": shouted, not a name
    if m.group("ref")[:1].isupper() and not re.search(
        r"(?:^|[.!?\n\"“‘'`]\s*)$", text[max(0, m.start() - 3) : m.start()]
    ):
        return False  # "VOA Today": part of a name
    if ref == "current" and after in (
        "account",
        "accounts",
        "assets",
        "liabilities",
        "events",
        "affairs",
        "prices",
        "dollars",
        "rate",
        "rates",
        "-account",
    ):
        return False
    if ref == "soon" and _word_before(text, m.start()) == "as" and after == "as":
        return False
    return not (ref in ("current", "recent", "future") and text[m.end() : m.end() + 1] == "-")


def _weekday_ok(m: re.Match[str], text: str) -> bool:
    """ "Mondays" needs "on"; "the Sunday Times" is a newspaper, not a day."""
    before = _word_before(text, m.start())
    if m.group("plural") and not m.group("rel") and before != "on":
        return False
    return not (
        not m.group("rel")
        and before in ("the", "a", "an")
        and _word_after(text, m.end())[:1].isupper()
    )


def _set_adverb_ok(m: re.Match[str], text: str) -> bool:
    """ "The Daily Mail", "Weekly Standard": a capitalised adverb before a name is a title;
    "quarterly" before a noun ("quarterly dividend") is an adjective, not a frequency."""
    after = _word_after(text, m.end())
    if text[m.start()].isupper() and after[:1].isupper():
        return False
    return m.group("adv").lower() != "quarterly" or bool(
        re.match(r"\s*(?:[.;:!?)]|,\s+(?:the|a|an|he|she|it|they|we)\b|$)", text[m.end() :])
    )


_GLOSSED = re.compile(
    r"(?:\d\s*(?:[ap]\.?\s?m\.?|[AP]M)|\b(?:GMT|UTC|EST|EDT|CET|BST|local\s+time|\d{4}))\s*\($",
    re.IGNORECASE,
)


def _time_ok(m: re.Match[str], text: str) -> bool:
    """ "10:35 a.m. (0735 GMT)": a clock time glossed in brackets is the same time again."""
    if not m.group("hhmm"):
        return True
    before = text[max(0, m.start() - 20) : m.start()]
    return not _GLOSSED.search(before)


_FALL_OF = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+)?(?!\d)[A-Za-z]", re.IGNORECASE)


def _rel_unit_ok(m: re.Match[str], text: str) -> bool:
    """ "This Week" in mid-sentence is a programme's name, not a week; "the fall of Budapest"
    is an event, not autumn ("the fall of 1944" is)."""
    unit_start = m.start("unit")
    if m.group("unit").lower() == "fall" and _FALL_OF.match(text, m.end()):
        return False
    return not (text[unit_start].isupper() and not text[m.start() : unit_start].isupper())


_NOT_BARE = frozenset(
    ["the", "those", "these", "first", "last", "final", "early", "of", "few", "many", "several",
     "some", "recent", "past", "coming", "next"]
)


def _bare_before_ok(m: re.Match[str], text: str) -> bool:
    """ "days after the vote" is a vague duration; "the first days after", "a matter of days
    before" name a stretch the unit alone does not measure."""
    pre = (m.group("pre") or "").strip().lower()
    return not (pre in _NOT_BARE or pre.isdigit())


FILTERS: dict[str, Callable[[re.Match[str], str], bool]] = {
    "rel_unit": _rel_unit_ok,
    "year": _year_ok,
    "month": _month_ok,
    "date_dmy": _dmy_ok,
    "duration": _duration_ok,
    "reference": _reference_ok,
    "weekday": _weekday_ok,
    "set_adverb": _set_adverb_ok,
    "time": _time_ok,
    "bare_before": _bare_before_ok,
}
