"""Finding where temporal expressions are: a small grammar of regular expressions over time words.

Why regexes and not a parser: each rule below anchors on a time word (a month, a weekday, a
unit such as "year", a reference word such as "now") and grows over the modifiers TimeML puts in
the extent ("the", "last", "early", "almost", "ago") but not over prepositions. That is the
SynTime idea, written as one compiled pattern per kind of expression; candidates from all rules
are pooled and the longest non-overlapping ones win. Filters that need only the surrounding text
(is "May" a month or a verb? is "1979" a year or a count?) run here; values are computed later
by ``timex_resolve``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extract.timex.filters import CAPITALISED, FILTERS, capitalised
from extract.timex.holidays import MOVABLE_FEASTS
from extract.timex.lexicon import (
    INFORMAL,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NUMBER_WORDS,
    ORDINALS,
    REFERENCES,
    SEASONS,
    WEEKDAY_NAMES,
    alternation,
)

_MONTH_FULL = "|".join(MONTH_NAMES)
_INFORMAL_DAYS = alternation(
    {w for w, day in INFORMAL.items() if day in ("today", "tomorrow", "yesterday")}
)
_MONTH_ABBR = "|".join(MONTH_ABBREVIATIONS)
MON = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
MON_ALONE = rf"(?:(?:{_MONTH_FULL})\b|sept\.|(?:jan|feb|aug|oct|nov|dec)\.)"
WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
_SEASON = "|".join(SEASONS)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![,.:]\d)"
_NUM1 = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{alternation(NUMBER_WORDS)}"
    r"|several|a\s+few|few|many|some)"
)
NUM = rf"{_NUM1}(?:\s*(?:to|or|-)\s*{_NUM1})?"
_UNIT_ADJ = (
    r"(?:\s+(?:more|additional|further|straight|consecutive|full|long|trading|business|"
    r"working|calendar))?"
)
UNIT = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|"
    r"millenni(?:um|a)|weekend|min|hr|wk)"
)
POD = r"(?:morning|afternoon|evening|night)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SPOKEN_YEAR = rf"(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_ONES}))?|{_TEENS}|hundred)"
EDGE = r"(?<![\w$#./'’-])"  # not inside a word, number, amount or model name
_MOD = r"(?:early|late|mid|middle|the\s+(?:very\s+)?(?:beginning|end|middle|start)\s+of)"
_APPROX = (
    r"(?:about|around|nearly|almost|approximately|roughly|some|more\s+than|less\s+than|"
    r"fewer\s+than|up\s+to|no\s+more\s+than|the\s+latest|the\s+year-earlier|the\s+year-ago|"
    r"each\s+of\s+the\s+past|each\s+of\s+the\s+last|"
    r"the\s+past|the\s+last|the\s+next|the\s+first|the\s+final|the\s+coming|the\s+previous|"
    r"the\s+following|the)"
)
_REL = (
    r"(?:last|next|this|this\s+coming|this\s+past|the\s+full|the\s+latest\s+fiscal|the\s+past|the\s+last|the\s+next|the\s+coming|"
    r"the\s+previous|the\s+following|the\s+same|the\s+current|the\s+latest|that\s+same|that|"
    r"the\s+prior|"
    r"the\s+current\s+fiscal|the\s+fiscal|this\s+fiscal|last\s+fiscal|next\s+fiscal|the\s+new|"
    r"the\s+(?:very\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|last|next)|the)"
)

_PATTERNS: dict[str, str] = {
    "date_mdy": (
        rf"\b(?:(?P<approx>around|about|approximately|on\s+or\s+about)\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?"
        rf"(?P<mon>{MON})\s*(?P<day>{DAYNUM})"
        rf"(?:,?\s+(?P<year>\d{{4}})\b(?!-\d|/\d))?"
    ),
    "date_dmy": (
        rf"{EDGE}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})"
        rf"(?:,?\s+(?P<year>\d{{4}})\b(?!-\d|/\d))?"
    ),
    "date_numeric": (
        r"(?<![\w/.:-])(?P<num>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))"
        r"(?![\w/-]|\.\d)"
    ),
    "month": (
        rf"\b(?:(?P<mod>{_MOD})\s*-?\s*)?(?:(?P<rel>last|next|this|this\s+coming|past|coming|each|every)\s+)?"
        rf"(?P<mon>{MON_ALONE})(?!\s*\d{{1,2}}(?:st|nd|rd|th)?\b)(?:\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year"
        rf"|,?\s+(?:of\s+)?(?P<year>\d{{4}})\b(?!-\d|/\d|[.,]\d)|,?\s+(?P<spoken>{SPOKEN_YEAR}))?"
    ),
    "year": (
        rf"{EDGE}(?:(?P<mod>{_MOD}|fiscal|post|pre|the\s+year|the\s+(?:first|second|last)\s+half\s+of|"
        rf"(?:the\s+)?(?:{_SEASON})(?:\s+of)?)\s*-?\s*)?"
        r"(?P<year>1\d{3}|20\d\d|21\d\d)(?![\w%]|[.,]\d|-\d|/\d|\s*(?:percent|per\s+cent)\b)"
        r"(?:\s+(?:or\s+later|or\s+earlier|and\s+beyond)\b)?"
    ),
    "year_spoken": (
        rf"\b(?:the\s+year\s+|(?:the\s+)?(?P<season>{_SEASON})\s+of\s+)?"
        rf"(?P<spoken>{SPOKEN_YEAR}|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}))?)\b"
    ),
    "bc_year": (
        rf"\b(?i:(?:(?P<mod>early|late|mid)\s*-?\s*)?(?:(?P<mon>{_MONTH_FULL})\s+|(?:the\s+)?"
        rf"(?P<season>{_SEASON})\s+(?:of\s+)?))?"
        r"(?P<year>\d{1,4})\s*(?P<era>B\.C\.(?:E\.)?|BCE?)(?!\w)"
    ),
    "decade": (
        r"(?:\bthe\s+)?(?:(?P<mod>early|late|mid)\s*-?\s*)?"
        r"(?:(?<![\w$.])(?P<dec>1\d\d0|20\d0)'?s|(?P<dec2>['’]\d0)'?s|\b(?P<word>twenties|thirties|forties|"
        r"fifties|sixties|seventies|eighties|nineties))\b"
        r"|(?:\bthe\s+)?(?P<bcdec>\d{1,3}0)s\s+(?P<era>B\.C\.(?:E\.)?|BCE?)(?!\w)"
    ),
    "century": (
        rf"\b(?:the\s+)?(?:(?P<mod>early|late|mid)\s*-?\s*)?(?P<ord>{alternation(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
        r"[\s-]+century\b(?:\s+(?P<era>B\.C\.(?:E\.)?|BCE?)(?!\w))?"
    ),
    "weekday": (
        rf"\b(?:(?P<rel>last|next|this|this\s+coming|coming|early|late|earlier|later|mid|"
        rf"the\s+following|the\s+previous|that|every|each)\s+)?(?P<wd>{WEEKDAY})(?P<plural>s)?\b"
        rf"(?:\s+(?P<pod>{POD})s?\b)?"
    ),
    "weekday_abbr": (
        r"\b(?P<rel>this|next|last|on|every|coming)\s+"
        r"(?P<wd>mon|tues?|wed|thur?s?|fri|sat|sun)\b\.?(?!\s*[-'’]\w)"
    ),
    "time": (
        r"\b(?:(?P<approx>about|around|approximately|shortly\s+(?:after|before)|"
        r"just\s+(?:after|before))\s+)?"
        r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.]?(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)"
        r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:GMT|UTC|EST|EDT|CET|BST|local|hrs)\b)"
        r"|(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|EST|EDT|CET|BST|hrs|local\s+time)\b)"
        r"|(?P<noon>noon|midnight|midday))"
        r"(?:\s+(?P<tz>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|ET|PT|CT|MT|"
        r"local\s+time)\b)?"
        rf"(?:,?\s+(?P<when>today|tonight|yesterday|tomorrow|(?:on\s+)?{WEEKDAY}|{MON}\s*{DAYNUM}))?"
    ),
    "part_of_day": (
        rf"\b(?:(?P<pre>this|yesterday|tomorrow|last|early\s+this|later\s+this|late\s+this|"
        rf"earlier\s+this|the)\s+(?P<pod>{POD})\b"
        r"|(?P<tonight>tonight|tonite|2nite|2night|overnight|mid-?\s?afternoon)\b"
        r"(?:\s+(?P<when>yesterday|today|tomorrow)\b)?)"
    ),
    "quarter": (
        r"\b(?:(?P<pre>the|this\s+year's|last\s+year's|next\s+year's|a|that|"
        r"the\s+(?:comparable\s+|same\s+)?(?:year-ago|year-earlier|year\s+earlier))\s+)?(?:(?P<qyear>\d{4})\s+)?"
        r"(?:(?P<fiscal>fiscal)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:\s*-\s*|\s+)"
        r"(?:fiscal\s+)?(?P<unit>quarter|half)\b(?!-\d)"
        r"(?:\s+of\s+(?:(?P<y2>\d{4})\b|(?P<rel2>this|last|next|the)\s+(?:fiscal\s+)?year\b))?"
    ),
    "quarter_q": r"\b(?P<qn>Q[1-4]|H[12])(?:\s+(?P<qyear>\d{4}))?\b",
    "period": (
        r"\b(?:(?P<pre>the|a|this|last|next)\s+)?(?:(?P<rel>latest|current|same|past|previous|prior|"
        r"recent|(?:comparable\s+)?year-ago|(?:comparable\s+)?year-earlier|year\s+earlier|comparable|"
        r"corresponding|\d{4}|fiscal)\s+)?(?P<unit>quarter|period)\b(?!s|-\d)"
        r"(?:\s+(?P<yrel>last|a)\s+year(?:\s+ago)?\b)?"
    ),
    "year_ago_adj": r"\b(?P<adj>year-earlier|year-ago|year-before)(?!\s+(?:quarter|period))\b",
    "rel_unit": (
        rf"\b(?:(?P<pre>earlier\s+in|later\s+in|early\s+in|late\s+in|earlier|later|early|"
        rf"late|(?:the\s+)?(?:rest|remainder)\s+of)\s+)?"
        rf"(?P<rel>{_REL})\s+(?P<unit>week|month|year|decade|century|weekend|{_SEASON}|"
        rf"day|night|morning|afternoon|evening|wknd|wkend)\b(?!s|-)(?:\s+or\s+so\b)?"
    ),
    "duration": (
        rf"{EDGE}(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUM})"
        rf"(?P<half>\s+and\s+a\s+half|\s+1/2|\s+½)?{_UNIT_ADJ}(?P<sep>\s*-\s*|\s+|(?<=\d))"
        rf"(?P<unit>{UNIT})(?P<plural>s)?\b(?P<half2>\s+and\s+a\s+half)?"
        r"(?P<tail>\s+(?:or\s+so\s+)?(?:ago|earlier|later|from\s+now|hence)\b)?(?:\s+or\s+so\b)?"
    ),
    "bare_before": (
        r"\b(?P<pre>\w+\s+)?\b(?P<span>hours|days|weeks|months|years|decades)"
        r"(?=\s+(?:after|before|later|earlier)\b)"
    ),
    "nth_weekday_of": (
        r"\bthe\s+(?P<ord>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s+"
        rf"(?P<what>{WEEKDAY}|weekend|week)\s+(?:of|in)\s+(?P<mon>{MON})"
        r"(?:,?\s+(?P<year>\d{4})\b)?"
    ),
    "bare_units": (
        r"\b(?P<pre>for|within|in|over|after|took|take|takes|taking|lasted|spent|than)\s+"
        r"(?P<span>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
        r"(?!\s+(?:of|ago|before|after|later|earlier)\b)"
    ),
    "ago_vague": r"\b(?P<what>a\s+(?:long\s+)?while\s+ago|some\s+time\s+ago)\b",
    "year_end": r"\b(?:around\s+)?year(?:\s*-\s*|\s+|'s\s+)end\b",
    "reference": (
        rf"\b(?:(?P<mod>early|late|earlier|later|late\s+on|early\s+on)\s+)?"
        rf"(?P<ref>{alternation(REFERENCES)}|today|tomorrow|yesterday|the\s+day\s+before\s+yesterday|"
        rf"{_INFORMAL_DAYS}|"
        r"the\s+day\s+after\s+tomorrow)\b"
    ),
    "set_adverb": (
        r"\b(?P<adv>daily|weekly|monthly|quarterly|yearly|annually|hourly|nightly|biweekly)\b"
    ),
    "set_every": (
        rf"\b(?P<q>every|each|per)\s+(?:(?P<other>other)\s+|(?P<n>{_NUM1})\s+(?=\w+s\b))?"
        rf"(?P<unit>{UNIT}|{POD}|{_SEASON})s?\b"
    ),
    "holiday": (
        r"\b(?P<name>christmas(?:\s+(?:day|eve))?|x-?mas|new\s+year's\s+(?:day|eve)|"
        r"independence\s+day|"
        rf"halloween|valentine's\s+day|boxing\s+day|{alternation(MOVABLE_FEASTS)})\b"
        r"(?:\s+(?P<hweek>week(?:end)?)\b|,?\s+(?P<hyear>1\d{3}|20\d\d)\b(?![-/]\d))?"
        r"|(?<![\w/.-])(?P<nine_eleven>9/11)(?![\w/]|\.\d)"
    ),
    # composed expressions (values in ``timex_composed``)
    "week_of": (
        rf"\bthe\s+week\s+of\s+(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>\d{{4}})\b)?"
    ),
    "day_range_end": (
        rf"\b(?P<mon>{MON})\s*(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*[-\u2013]\s*"
        r"(?P<span>(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)\b(?![-\u2013/:.]\d)"
        r"(?:,?\s+(?P<year>\d{4})\b)?"
    ),
    "ordinal_day": (
        r"\b(?:on|by|until|till|before|after|from|since|through|to)\s+"
        r"(?P<span>the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
        r"(?=\s*(?:[.,;:)!?]|$)|\s+(?:and|to|or|at|when|through)\b)"
    ),
    "unit_before": (
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)"
        r"(?=\s*(?:[.,;:)!?\"\u201d]|$))"
    ),
    "fiscal_year": r"\bFY\s?'?(?P<fy>\d{4}|\d{2})\b(?!-\d|/\d|\.\d)",
    "set_rate": (
        rf"\b(?P<freq>once|twice|thrice|(?:{_NUM1})\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade)\b"
    ),
}
_CASE_SENSITIVE = {"quarter_q", "bc_year", "fiscal_year"}
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, 0 if kind in _CASE_SENSITIVE else re.IGNORECASE))
    for kind, pattern in _PATTERNS.items()
)
_PRIORITY = {kind: i for i, (kind, _) in enumerate(RULES)}

# Expensive rules run only near a cheap trigger word: (trigger, characters before, after).
_UNIT_WORDS = (
    r"\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|"
    r"mins?\b|hrs?\b|wks?\b|"
    rf"millenni|weekend|wk\w*nd|{_SEASON}|morning|afternoon|evening)"
)
_DIGIT_DASH = r"\d\s*[-\u2013]\s*\d"
_MONTH_WORDS = rf"\b(?:{'|'.join(name[:3] for name in MONTH_NAMES)})"
_HOLIDAY_WORDS = (
    r"\b(?:christmas|x-?mas|new\s+year|independence|halloween|valentine|boxing|easter|good\s+friday|"
    r"ash\s+wednesday|pentecost|memorial|labou?r\s+day|martin|mlk|presidents|columbus|mother|"
    r"father|thanksgiving|black\s+friday|cyber|election\s+day)|9/11"
)
_TRIGGERS: dict[str, tuple[re.Pattern[str], int, int]] = {
    kind: (re.compile(trigger, re.IGNORECASE), before, after)  # re's cache: one object each
    for kind, trigger, before, after in (
        ("duration", _UNIT_WORDS, 90, 40),
        ("year_spoken", r"\b(?:nineteen|eighteen|two\s+thousand)\b", 40, 60),
        ("weekday", r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", 35, 25),
        ("weekday_abbr", r"\b(?:mon|tues?|wed|thur?s?|fri|sat|sun)\b", 12, 2),
        ("part_of_day", r"morning|afternoon|evening|night|tonite|2nite", 25, 25),
        ("ago_vague", r"\bago\b", 25, 2),
        ("year_end", r"\bend\b", 20, 2),
        ("rel_unit", _UNIT_WORDS, 60, 12),
        ("period", r"\b(?:quarter|period)", 45, 30),
        ("century", r"century", 45, 10),
        ("month", _MONTH_WORDS, 45, 45),
        ("date_mdy", _MONTH_WORDS, 50, 40),
        ("date_dmy", _MONTH_WORDS, 40, 40),
        ("decade", r"\d0['’]?s\b|ties\b", 30, 10),
        ("quarter", r"\b(?:quarter|half)", 60, 30),
        ("set_rate", r"\b(?:once|twice|thrice|times)\b", 40, 30),
        ("day_range_end", _MONTH_WORDS, 0, 30),
        ("week_of", r"\bweek\s+of\b", 5, 40),
        ("nth_weekday_of", _MONTH_WORDS, 45, 20),
        ("ordinal_day", r"\d(?:st|nd|rd|th)\b", 30, 2),
        ("unit_before", r"\b(?:before|after)\b", 20, 2),
        ("bare_before", r"\b(?:after|before|later|earlier)\b", 30, 2),
        ("holiday", _HOLIDAY_WORDS, 0, 40),
        ("bc_year", r"\bB\.?C", 40, 6),
        ("year_range", _DIGIT_DASH, 6, 10),
        ("bc_range", _DIGIT_DASH, 6, 16),
        ("month_range", rf"[-\u2013]\s*{_MONTH_WORDS}", 12, 30),
        ("dmy_range", _DIGIT_DASH, 4, 40),
        ("mdy_range", _DIGIT_DASH, 16, 20),
    )
}


def windows(
    kind: str, text: str, seen: dict[re.Pattern[str], list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """Where a rule can match: the whole text, or merged windows around its trigger words.
    ``seen`` keeps each trigger's hits for this text: several rules share a trigger (months)."""
    if kind not in _TRIGGERS:
        return [(0, len(text))]
    trigger, before, after = _TRIGGERS[kind]
    hits = seen.get(trigger)
    if hits is None:
        hits = seen[trigger] = [m.span() for m in trigger.finditer(text)]
    windows: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - before), min(len(text), hit_end + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some rule matched, with the rule's named parts (lower-cased, spaces collapsed)."""

    start: int
    end: int
    kind: str
    parts: dict[str, str]


def find_candidates(text: str) -> list[Candidate]:
    """Every span a rule matches and its context filter accepts, possibly overlapping."""
    found: list[Candidate] = []
    seen: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for kind, pattern in RULES:
        accept = FILTERS.get(kind)
        where = windows(kind, text, seen)
        for m in (m for start, end in where for m in pattern.finditer(text, start, end)):
            if m.end() == m.start() or (accept is not None and not accept(m, text)):
                continue
            if kind in CAPITALISED and not capitalised(m, text):
                continue
            parts = {k: " ".join(v.lower().split()) for k, v in m.groupdict().items() if v}
            start, end = m.span("span") if "span" in parts else m.span()
            if kind in _HYPHENATED and _DETERMINER_HYPHEN.match(text, start, end):
                start = (
                    text.index(" ", start) + 1
                )  # "a [third-quarter] loss", "the [eight-year] war"
            while end > start and text[end - 1] in " \t\n,-":
                end -= 1
            found.append(Candidate(start, end, kind, parts))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap, in text order (earlier rules win ties)."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    starts: list[int] = []  # the taken spans, kept sorted and disjoint
    taken: list[Candidate] = []
    for c in ranked:
        i = bisect_right(starts, c.start)
        if (i and taken[i - 1].end > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken


_HYPHENATED = {"duration", "quarter"}
_DETERMINER_HYPHEN = re.compile(
    r"(?:a|an|the|that|this|its)\s+[\w.]+(?:[\s-][\w.]+)?-[a-z]+$", re.IGNORECASE
)
