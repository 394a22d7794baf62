"""The words dates are made of: month and weekday names, numerals, units, seasons, parts of day.

Why a separate table: the span grammar (``timex_spans``) builds its regular expressions from
these names, and the resolver (``timex_resolve``) maps the same names to numbers, so one table
keeps the two in step. Month, weekday and season names are the language layer's
(``extract.language.cues``), shared with the name finders and the date clues, and re-exported
here so the tagger reads its whole vocabulary from one place. Everything is lower case; lookups
lower-case their key.
"""

from __future__ import annotations

import re

from extract.language.cues import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    SEASONS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    alternation,
)

__all__ = [
    "HOLIDAYS", "INFORMAL", "MONTHS", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "NUMBER_WORDS",
    "ORDINALS", "PARTS_OF_DAY", "REFERENCES", "SEASONS", "SET_ADVERBS", "UNITS", "VAGUE_NUMBERS",
    "VAGUE_UNIT", "WEEKDAYS", "WEEKDAY_NAMES", "alternation", "number_value",
]

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "mid-afternoon": "AF", "mid afternoon": "AF",
}

_UNITS_0_19 = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {word: i for i, word in enumerate(_UNITS_0_19)}
for _i, _ten in enumerate(_TENS):
    NUMBER_WORDS[_ten] = 20 + 10 * _i
    for _j in range(1, 10):
        for _sep in ("-", " "):
            NUMBER_WORDS[f"{_ten}{_sep}{_UNITS_0_19[_j]}"] = 20 + 10 * _i + _j
NUMBER_WORDS.update(
    {
        "a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
        "a hundred": 100, "one hundred": 100, "hundred": 100, "a thousand": 1000,
        "two thousand": 2000, "another": 1, "an additional": 1, "a further": 1, "additional": 1,
    }
)
VAGUE_NUMBERS = frozenset(
    {
        "several", "a few", "few", "many", "some", "numerous", "countless", "recent",
        "the past few", "a number of", "dozens of", "hundreds of", "thousands of", "the last few",
        "the next few", "the coming", "the past", "the last", "the next", "the first", "coming",
        "past",
    }
)
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "last": 4, "final": 4,
}

# unit word -> (TIMEX3 duration letter, whether it is a time unit (PT...), multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("M", False, 3),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "centurie": ("Y", False, 100), "millennium": ("Y", False, 1000), "weekend": ("D", False, 2),
    "season": ("M", False, 3), "min": ("M", True, 1), "hr": ("H", True, 1),
    "wk": ("W", False, 1),
}
# vague plural -> the X unit used for "years" (PXY) etc.
VAGUE_UNIT: dict[str, str] = {
    "second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "night": "PXD",
    "week": "PXW", "month": "PXM", "quarter": "PXM", "year": "PXY", "decade": "PXE",
    "century": "PXC", "centurie": "PXC", "season": "PXM", "weekend": "PXD",
}

SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
}
# words that name the present/past/future without a calendar value
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "the present": "PRESENT_REF", "these days": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "recent": "PAST_REF", "past years": "PAST_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "coming quarters": "FUTURE_REF",
    "the coming quarters": "FUTURE_REF", "more recently": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF", "the days ahead": "PXD", "the weeks ahead": "PXW",
    "the months ahead": "PXM", "the years ahead": "PXY", "recent days": "PAST_REF",
    "recent weeks": "PXW", "recent months": "PXM", "recent quarters": "PXM",
    "recent years": "PAST_REF",
}
INFORMAL: dict[str, str] = {
    "tmr": "tomorrow", "tmrw": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow",
    "2morrow": "tomorrow", "tomoz": "tomorrow", "tdy": "today", "2day": "today",
    "ytd": "yesterday", "ystd": "yesterday", "yday": "yesterday", "2nite": "tonight",
    "2night": "tonight", "tonite": "tonight", "wknd": "weekend", "wkend": "weekend",
}
"""Chat and social-media spellings of time words ("tmr", "2nite", "this wknd"), read as words."""
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "xmas": (12, 25), "x-mas": (12, 25), "christmas day": (12, 25),
    "christmas eve": (12, 24), "new year's day": (1, 1), "new year's eve": (12, 31),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "boxing day": (12, 26),
}


def number_value(word: str) -> int | float | None:
    """The number a numeral names ("14", "1.5", "fourteen", "a couple of"); None if vague."""
    word = re.sub(r"\s+", " ", word.strip().lower())
    digits = word.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        number = float(digits)
        return int(number) if number.is_integer() else number
    return NUMBER_WORDS.get(word)
