"""From a matched span to a TIMEX3 type and value, against the publication date and the tense.

Why one function per kind of span: each rule in ``timex_spans`` names its parts (month, day,
relation, unit...), and each resolver turns those parts into a value. This module holds the
calendar points (dates, months, years, weekdays, times of day) and the dispatch; quarters,
relative units, durations and sets are in ``timex_periods``. Relative expressions are resolved
against ``Context.published`` and the clause's tense; "the following day" and "two days later"
against the last date mentioned (``Context.anchor``). With no publication date, relative values
keep X placeholders ("XXXX-07", "XXXX-WXX-2").

dateparser (the user's chosen library) parses numeric dates ("6/20/24", month-first as in
US wire copy) through ``_parse_numeric``, behind an lru_cache; word dates are read directly.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from extract.language.tense import FUTURE, PAST, tense_at
from extract.ranges import value_range
from extract.timex.calendar import (
    day_value,
    month_day_date,
    month_value,
    month_year,
    nearest_date,
    occurrences,
    story_year,
    week_value,
    weekday_date,
)
from extract.timex.composed import COMPOSED_RESOLVERS
from extract.timex.holidays import MOVABLE_FEASTS, feast_date
from extract.timex.lexicon import (
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    number_value,
)
from extract.timex.periods import PERIOD_RESOLVERS
from extract.timex.spans import Candidate
from extract.timex.story import bc_story_range, names_itself

Resolved = tuple[str, str] | None


@dataclass(slots=True)
class Context:
    """What a value depends on besides the span: the text, the reference date, the last date.

    ``published`` is the reference time relative expressions count from: the publication date,
    or in a narrative stretch the story's current time (``timex_story``); ``narrative`` says
    which. Reading ``published`` or ``anchor`` is recorded in ``consulted``, so the tagger can
    say which anchor a value used ("absolute" when a resolver consulted neither).
    """

    text: str
    _published: date | None
    _anchor: date | None = None
    anchor_is_day: bool = False
    anchor_precision: str = ""
    bc_story: bool = False  # the story's time is before the common era (``timex_story``)
    quarter: tuple[int, int] | None = None  # the last quarter mentioned, as (year, n)
    narrative: bool = False
    consulted: set[str] = field(default_factory=set)

    @property
    def published(self) -> date | None:
        self.consulted.add("published")
        return self._published

    @published.setter
    def published(self, value: date | None) -> None:
        self._published = value

    @property
    def anchor(self) -> date | None:
        if self._anchor is not None:
            self.consulted.add("story")
        return self._anchor

    @anchor.setter
    def anchor(self, value: date | None) -> None:
        self._anchor = value

    def tense(self, c: Candidate) -> str:
        return tense_at(self.text, c.start, c.end)


def resolve(c: Candidate, ctx: Context) -> Resolved:
    """(type, value) for a candidate, or None if it turns out not to be a temporal expression."""
    resolved = _RESOLVERS[c.kind](c.parts, c, ctx)
    looks_back = c.parts.get("tail") in ("earlier", "ago")  # a glance back: the story stays
    if resolved and resolved[0] in ("DATE", "TIME") and not looks_back:
        bc_span = bc_story_range(resolved[1])
        if bc_span is not None or names_itself(c):  # "480 BC" sets the era, "1917" ends it
            ctx.bc_story = bc_span is not None
        span = bc_span or value_range(resolved[1])
        if span is not None and span.precision in ("day", "week", "month", "year"):
            ctx.anchor, ctx.anchor_is_day = span.start, span.precision == "day"
            ctx.anchor_precision = span.precision
        elif span is not None and span.precision == "quarter":
            ctx.quarter = span.start.year, (span.start.month - 1) // 3 + 1
    return resolved


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _year(text: str) -> int:
    return int(text)


def _date_words(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    month, day = _month(p["mon"]), int(p["day"].rstrip("stndrh"))
    if "year" in p:
        return "DATE", day_value(date(_year(p["year"]), month, day))
    if ctx.published is None:
        date(2000, month, day)  # raises on impossible days such as "February 30"
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    if "wd" in p:  # "Friday, Oct. 23": the year in which it is a Friday (one in three at most)
        agreeing = [
            d for d in occurrences(ctx.published, month, day) if d.isoweekday() == WEEKDAYS[p["wd"]]
        ]
        if agreeing:
            return "DATE", day_value(agreeing[0])
    if ctx.narrative and calendar.monthrange(ctx.published.year, month)[1] >= day:
        year = story_year(ctx.published, month, ctx.anchor_precision)
        return "DATE", day_value(date(year, month, day))
    return "DATE", day_value(month_day_date(ctx.published, month, day, ctx.tense(c)))


def _date_numeric(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "-" in p["num"]:
        return "DATE", day_value(date.fromisoformat(p["num"]))
    parsed = _parse_numeric(p["num"])
    return ("DATE", parsed) if parsed else None


@lru_cache(maxsize=4096)
def _parse_numeric(text: str) -> str | None:
    """A numeric date ("6/20/2024", "06/20/24") read by dateparser, month first; None if invalid."""
    import dateparser  # slow to import, rarely needed: only here

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return day_value(parsed.date()) if parsed else None


def _month_alone(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    month, rel, pub = _month(p["mon"]), p.get("rel", ""), ctx.published
    if rel in ("each", "every"):
        return "SET", f"XXXX-{month:02d}"
    if "year" in p:
        return "DATE", month_value(_year(p["year"]), month)
    if "spoken" in p:
        return "DATE", month_value(_spoken_year(p["spoken"]), month)
    if pub is None:
        return "DATE", f"XXXX-{month:02d}"
    if ctx.narrative and not rel and "yrel" not in p:
        return "DATE", month_value(story_year(pub, month, ctx.anchor_precision), month)
    if "yrel" in p:
        year = pub.year + {"last": -1, "next": 1}.get(p["yrel"], 0)
    elif rel == "last" or rel == "past":  # "last February" said in March is a year back
        year = month_year(pub, month, PAST, strict=True)
    elif rel in ("next", "coming", "this coming"):
        year = month_year(pub, month, FUTURE, strict=True)
    elif rel == "this":
        year = pub.year
    else:
        year = month_year(pub, month, ctx.tense(c))
    return "DATE", month_value(year, month)


def _year_alone(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    year, mod = _year(p["year"]), p.get("mod", "")
    if "half" in mod:
        return "DATE", f"{year:04d}-H{1 if 'first' in mod else 2}"
    for name, code in SEASONS.items():
        if name in mod:
            return "DATE", f"{year:04d}-{code}"
    return "DATE", f"{year:04d}"


def _spoken_year(text: str) -> int:
    words = text.replace("-", " ").split()
    if words[0] == "the":
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (number_value(" ".join(rest)) or 0)
    high = 19 if words[0] == "nineteen" else 18
    low = 0 if words[1:] == ["hundred"] else number_value(" ".join(words[1:])) or 0
    return high * 100 + low


def _year_spoken(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    season = f"-{SEASONS[p['season']]}" if "season" in p else ""
    return "DATE", f"{_spoken_year(p['spoken']):04d}{season}"


def _bc_year(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    """ "480 BC", "April 480 BC", "the spring of 480 BC": one expression, the era's year."""
    year = f"BC{int(p['year']):04d}"
    if "mon" in p:
        return "DATE", f"{year}-{_month(p['mon']):02d}"
    if "season" in p:
        return "DATE", f"{year}-{SEASONS[p['season']]}"
    return "DATE", year


def _decade(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "bcdec" in p:  # "the 470s BC"
        return "DATE", f"BC{int(p['bcdec']) // 10:03d}"
    if "dec" in p:
        if p["dec"].endswith("00") and p["dec"] < "2000" and "mod" not in p:
            return "DATE", p["dec"][:2]  # "the 1600s": the century-part, 1600-1699
        return "DATE", p["dec"][:3]
    if "word" in p:
        tens = number_value(p["word"][:-3] + "y") or 0
        return "DATE", f"19{tens // 10}"
    tens = int(p["dec2"][1])
    century = 20 if ctx.published and 2000 + 10 * tens <= ctx.published.year else 19
    return "DATE", f"{century}{tens}"


def _century(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    ordinal = ORDINALS.get(p["ord"]) or int(p["ord"][:-2])
    era = "BC" if "era" in p else ""
    return (
        ("DATE", f"{era}{ordinal - 1:02d}")
        if 1 <= ordinal <= 21 and p["ord"] not in ("last", "final")
        else None
    )


def _weekday(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    wd, rel, pod = WEEKDAYS[p["wd"].rstrip(".")], p.get("rel", ""), p.get("pod")
    rel = "" if rel == "on" else rel
    suffix = f"T{PARTS_OF_DAY[pod]}" if pod else ""
    if (
        rel in ("every", "each")
        or "plural" in p
        or (pod and c.end - c.start > len(pod) and ctx.text[c.end - 1] == "s")
    ):
        return "SET", f"XXXX-WXX-{wd}{suffix}"

    if ctx.published is None:
        return "DATE", f"XXXX-WXX-{wd}{suffix}"
    pub = ctx.published
    if rel == "last":
        d = pub - timedelta(days=(pub.isoweekday() - wd) % 7 or 7)
    elif rel in ("next", "coming", "this coming"):
        d = pub + timedelta(days=(wd - pub.isoweekday()) % 7 or 7)
    elif rel == "this":  # "this Sat": the one in the week of writing
        d = pub + timedelta(days=wd - pub.isoweekday())
    elif rel in ("the following", "the previous", "that") and ctx.anchor:
        step = -1 if rel == "the previous" else 1
        d = ctx.anchor + timedelta(days=step)
        while d.isoweekday() != wd:
            d += timedelta(days=step)
    else:
        d = weekday_date(pub, wd, ctx.tense(c))
    # "Friday night" is annotated as the day more often than with a part of day: the span keeps
    # "night", the value is the day; "Thursday evening" is the evening
    if pod and PARTS_OF_DAY[pod] in ("EV", "AF"):
        return "TIME", day_value(d) + suffix
    return "DATE", day_value(d)


def _time(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "noon" in p:
        before = ctx.text[max(0, c.start - 8) : c.start].lower().split()
        if "when" not in p and (
            not before
            or before[-1] not in ("at", "by", "until", "before", "after", "around", "about")
        ):
            return None  # "High Noon"
        clock = "T24:00" if p["noon"] == "midnight" else "T12:00"
    else:
        hhmm = p.get("hhmm", "")  # "1430 GMT"
        hour = int(p.get("h") or p.get("h24") or hhmm[:2])
        minute = int(p.get("mi") or p.get("mi24") or hhmm[2:] or 0)
        ampm = p.get("ampm", "").replace(".", "").replace(" ", "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or (ampm and int(p.get("h") or 0) > 12):
            return None
        clock = f"T{hour:02d}:{minute:02d}"
    when = p.get("when", "")
    day = _day_of(when, c, ctx)
    return "TIME", (day if day else "XXXX-XX-XX") + clock


def _day_of(when: str, c: Candidate, ctx: Context) -> str | None:
    """The day a time hangs on ("today", "Tuesday", "Nov. 9"), or the publication day."""
    pub = ctx.published
    if pub is None:
        return None
    when = when.removeprefix("on ")
    offsets = {"yesterday": -1, "tomorrow": 1, "today": 0, "tonight": 0, "": 0}
    if not when and ctx.anchor is not None and ctx.anchor_is_day:
        return day_value(ctx.anchor)  # "at 10 p.m." on the day the story is about
    if when in offsets:
        return day_value(pub + timedelta(days=offsets[when]))
    if when in WEEKDAYS:
        return day_value(weekday_date(pub, WEEKDAYS[when], ctx.tense(c)))
    name, _, number = when.replace(".", ". ").partition(" ")
    return day_value(
        month_day_date(
            pub, _month(name.strip(". ")), int(number.strip()[:2].strip("snrt")), ctx.tense(c)
        )
    )


def _part_of_day(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "tonight" in p:
        word = p["tonight"]
        if word == "overnight":
            return _overnight(c, ctx)
        code = "AF" if "afternoon" in word else "NI"  # tonight, "2nite"
        offset = {"yesterday": -1, "tomorrow": 1}.get(p.get("when", ""), 0)
    else:
        pre, code = p["pre"], PARTS_OF_DAY[p["pod"]]
        if pre == "the":
            return None
        offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(pre, 0)
        if pre == "last" and code != "NI":
            return None
    if ctx.published is None:
        return "TIME", f"XXXX-XX-XXT{code}"
    return "TIME", day_value(ctx.published + timedelta(days=offset)) + f"T{code}"


_NOT_A_NIGHT = re.compile(
    r"\s+(?:rates?|lending|loans?|repos?|repurchases?|matched|money|interbank|deposits?|call|"
    r"index|funds?|stays?|success|sensation|bags?|deliver(?:y|ies)|messengers?|couriers?|mail|"
    r"express|shipping|trains?|flights?|camp|guests?|parking)\b",
    re.IGNORECASE,
)


def _overnight(c: Candidate, ctx: Context) -> Resolved:
    """ "Stocks fell overnight": the night before the day the story is about (TimeBank
    anchors it on the last day mentioned); "the overnight rate", "an overnight success" are
    not times."""
    if _NOT_A_NIGHT.match(ctx.text, c.end):
        return None
    base = ctx.anchor if ctx.anchor is not None and ctx.anchor_is_day else ctx.published
    if base is None:
        return "TIME", "XXXX-XX-XXTNI"
    return "TIME", day_value(base - timedelta(days=1)) + "TNI"


def _holiday(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "nine_eleven" in p:
        return "DATE", "2001-09-11"  # in news, "9/11" with no year names that day
    name, pub = p["name"], ctx.published
    if name in MOVABLE_FEASTS:
        if pub is None:
            month = MOVABLE_FEASTS[name][0]
            return "DATE", f"XXXX-{month:02d}" if isinstance(month, int) else "XXXX-XX-XX"
        years = (pub.year - 1, pub.year, pub.year + 1)
        day = nearest_date(pub, [feast_date(name, y) for y in years], ctx.tense(c))
    else:
        month, number = HOLIDAYS.get(name, HOLIDAYS.get("christmas", (12, 25)))
        if "hyear" in p:  # "Christmas 1963"
            return "DATE", day_value(date(int(p["hyear"]), month, number))
        if pub is None:
            return "DATE", f"XXXX-{month:02d}-{number:02d}"
        day = month_day_date(pub, month, number, ctx.tense(c))
    if "hweek" in p:  # "Easter week", "Thanksgiving weekend": the ISO week of the holiday
        return "DATE", week_value(day) + ("-WE" if p["hweek"] == "weekend" else "")
    return "DATE", day_value(day)


_RESOLVERS: dict[str, Callable[[dict[str, str], Candidate, Context], Resolved]] = {
    "date_mdy": _date_words, "date_dmy": _date_words, "date_numeric": _date_numeric,
    "month": _month_alone, "year": _year_alone, "year_spoken": _year_spoken, "bc_year": _bc_year,
    "decade": _decade, "century": _century, "weekday": _weekday, "weekday_abbr": _weekday,
    "time": _time, "part_of_day": _part_of_day, "holiday": _holiday,
    **PERIOD_RESOLVERS,
    **COMPOSED_RESOLVERS,
}
