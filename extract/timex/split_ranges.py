"""Ranges whose two ends are separate expressions sharing a year, month or era.

Why apart from ``timex_spans``: "1861-1863", "March 5-9, 1918", "6-7 February" and "499-493 BC"
are one match but two TIMEX3s (TimeML tags the ends; the range is a relation between them), and
the part written once (the year, the month, the era) belongs to both. Each rule here makes two
candidates with that part copied into both; the tagger lists them before the single-expression
candidates so that, on a tie in length, "March 5" with the range's year wins over "March 5"
without it.
"""

from __future__ import annotations

import re

from extract.timex.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES
from extract.timex.spans import DAYNUM, EDGE, MON, Candidate, windows

_MONTH_FULL = "|".join(MONTH_NAMES)
_MONTH_ABBR = "|".join(MONTH_ABBREVIATIONS)
_YEAR4 = r"(?:1\d{3}|20\d\d)"
_DASH = r"\s*[-\u2013]\s*"
_SPLIT_PATTERNS: dict[str, str] = {
    # "1861-1863", "1955-63", "(1876-1910)": each end a year of its own
    "year_range": (
        rf"(?<![\w$#./'’,-])(?P<y1>{_YEAR4}){_DASH}(?P<y2>{_YEAR4}|\d\d)"
        r"(?![\w%]|[.,]\d|-\d|/\d|\s*(?:percent|per\s+cent|BC|B\.C)\b)"
    ),
    # "499-493 BC", "(490-480 BC)": the era carried back to the first year
    "bc_range": (
        r"\b(?P<y1>\d{1,4})\s*[-\u2013]\s*(?P<y2>\d{1,4})\s*(?P<era>B\.C\.(?:E\.)?|BCE?)(?!\w)"
    ),
    # "May-August 1950": the year carried back to the first month
    "month_range": (
        rf"\b(?P<m1>{_MONTH_FULL}|{_MONTH_ABBR}\.?){_DASH}(?P<m2>{_MONTH_FULL}|{_MONTH_ABBR}\.?)"
        r",?\s+(?P<year>\d{4})\b(?!-\d|/\d)"
    ),
    # "6-7 February", "1-3 Nov. 1918": the month (and year) carried back to the first day
    "dmy_range": (
        rf"{EDGE}(?P<d1>{DAYNUM}){_DASH}(?P<d2>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})"
        r"(?:,?\s+(?P<year>\d{4})\b(?!-\d|/\d))?"
    ),
    # "March 5-9, 1918": the year carried back to the first day
    "mdy_range": (
        rf"\b(?P<mon>{MON})\s*(?P<d1>{DAYNUM}){_DASH}(?P<d2>{DAYNUM}),?\s+(?P<year>\d{{4}})\b"
    ),
}
SPLIT_RULES = tuple(
    (kind, re.compile(pattern, re.IGNORECASE if kind != "bc_range" else 0))
    for kind, pattern in _SPLIT_PATTERNS.items()
)


def range_candidates(text: str) -> list[Candidate]:
    """Both ends of every range in ``text``, in rule order."""
    seen: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    return [
        c
        for kind, pattern in SPLIT_RULES
        for start, end in windows(kind, text, seen)
        for m in pattern.finditer(text, start, end)
        for c in _split(kind, m, text)
    ]


def _split(kind: str, m: re.Match[str], text: str) -> list[Candidate]:
    """The two ends of a range (``_SPLIT_PATTERNS``), or none when it is not one."""
    g = {k: " ".join(v.lower().split()) for k, v in m.groupdict().items() if v}
    if kind == "year_range":
        y1, y2 = g["y1"], g["y2"]
        y2 = y1[:2] + y2 if len(y2) == 2 else y2
        if not 0 < int(y2) - int(y1) <= 100 or (int(y1) < 1800 and not _bracketed(m, text)):
            return []
        return [
            Candidate(m.start("y1"), m.end("y1"), "year", {"year": y1}),
            Candidate(m.start("y2"), m.end("y2"), "year", {"year": y2}),
        ]
    if kind == "bc_range":
        if int(g["y1"]) <= int(g["y2"]):
            return []
        return [
            Candidate(m.start("y1"), m.end("y1"), "bc_year", {"year": g["y1"]}),
            Candidate(m.start("y2"), m.end(), "bc_year", {"year": g["y2"], "era": g["era"]}),
        ]
    if kind == "month_range":
        if not _capitalised_at(text, m.start("m1"), m.start("m2")):
            return []
        year = {"year": g["year"]}
        return [
            Candidate(m.start("m1"), m.end("m1"), "month", {"mon": g["m1"], **year}),
            Candidate(m.start("m2"), m.end(), "month", {"mon": g["m2"], **year}),
        ]
    if not _capitalised_at(text, m.start("mon")):
        return []
    shared = {"mon": g["mon"], **({"year": g["year"]} if "year" in g else {})}
    if kind == "dmy_range":
        return [
            Candidate(m.start("d1"), m.end("d1"), "date_dmy", {"day": g["d1"], **shared}),
            Candidate(m.start("d2"), m.end(), "date_dmy", {"day": g["d2"], **shared}),
        ]
    return [  # mdy_range
        Candidate(m.start("mon"), m.end("d1"), "date_mdy", {"day": g["d1"], **shared}),
        Candidate(m.start("d2"), m.end(), "date_mdy", {"day": g["d2"], **shared}),
    ]


def _bracketed(m: re.Match[str], text: str) -> bool:
    """An early range ("1776-1783") reads as years in brackets or after "from", "in"..."""
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return before.rstrip().endswith("(") or bool(
        re.search(r"\b(?:in|from|of|between|during|the\s+years|active|war|era)\s*$", before)
    )


def _capitalised_at(text: str, *offsets: int) -> bool:
    return all(text[i].isupper() for i in offsets)
