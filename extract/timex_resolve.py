"""From a matched span to a TIMEX3 type and value, against the publication date and the tense.

Why one function per kind of span: each rule in ``timex_spans`` names its parts (month, day,
relation, unit...), and each resolver here turns those parts into a value. Relative
expressions are resolved against ``Context.published`` and the clause's tense; "the following
day" and "two days later" against the last date mentioned (``Context.anchor``). With no
publication date, relative values keep X placeholders ("XXXX-07", "XXXX-WXX-2").

dateparser (the user's chosen library) parses numeric dates ("6/20/24", month-first as in
US wire copy) through ``_parse_numeric``, behind an lru_cache; word dates are read directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
import re
from functools import lru_cache

from extract.ranges import value_range
from extract.tense import FUTURE, PAST, tense_at
from extract.timex_calendar import (
    SEASON_MONTHS, day_value, last_quarter, month_day_date, month_value, month_year, quarter_of, season_value,
    shift, shift_months, week_value, weekday_date, weekend_value,
)
from extract.timex_lexicon import (
    HOLIDAYS, MONTHS, ORDINALS, PARTS_OF_DAY, REFERENCES, SEASONS, SET_ADVERBS, UNITS, VAGUE_UNIT,
    WEEKDAYS, number_value,
)
from extract.timex_spans import Candidate

Resolved = tuple[str, str] | None


@dataclass(slots=True)
class Context:
    """What a value depends on besides the span: the text, the publication date, the last date."""

    text: str
    published: date | None
    anchor: date | None = None

    def tense(self, c: Candidate) -> str:
        return tense_at(self.text, c.start, c.end)


def resolve(c: Candidate, ctx: Context) -> Resolved:
    """(type, value) for a candidate, or None if it turns out not to be a temporal expression."""
    resolved = _RESOLVERS[c.kind](c.parts, c, ctx)
    if resolved and resolved[0] in ("DATE", "TIME"):
        span = value_range(resolved[1])
        if span is not None and span.precision in ("day", "week", "month", "year"):
            ctx.anchor = span.start
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
    if "wd" in p:
        for k in (0, -1, 1):
            try:
                d = date(ctx.published.year + k, month, day)
            except ValueError:
                continue
            if d.isoweekday() == WEEKDAYS[p["wd"]]:
                return "DATE", day_value(d)
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
        text, languages=["en"],
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
    if "yrel" in p:
        year = pub.year + {"last": -1, "next": 1}.get(p["yrel"], 0)
    elif rel == "last" or rel == "past":  # "last February" said in March is a year back
        year = pub.year if month <= pub.month - 2 else pub.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
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
    return "DATE", f"{_spoken_year(p['spoken']):04d}"


def _bc_year(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    return "DATE", f"BC{int(p['year']):04d}"


def _decade(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "dec" in p:
        return "DATE", p["dec"][:3]
    if "word" in p:
        tens = number_value(p["word"][:-3] + "y") or 0
        return "DATE", f"19{tens // 10}"
    tens = int(p["dec2"][1])
    century = 20 if ctx.published and 2000 + 10 * tens <= ctx.published.year else 19
    return "DATE", f"{century}{tens}"


def _century(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    ordinal = ORDINALS.get(p["ord"]) or int(p["ord"][:-2])
    return ("DATE", f"{ordinal - 1:02d}") if 1 <= ordinal <= 21 and p["ord"] not in (
        "last", "final") else None


def _weekday(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    wd, rel, pod = WEEKDAYS[p["wd"]], p.get("rel", ""), p.get("pod")
    suffix = f"T{PARTS_OF_DAY[pod]}" if pod else ""
    if rel in ("every", "each") or "plural" in p:
        return "SET", f"XXXX-WXX-{wd}{suffix}"
    suffix = ""  # "Friday night" is annotated as the day, mostly: the span keeps "night"
    if ctx.published is None:
        return "DATE", f"XXXX-WXX-{wd}{suffix}"
    pub = ctx.published
    if rel == "last":
        d = pub - timedelta(days=(pub.isoweekday() - wd) % 7 or 7)
    elif rel in ("next", "coming", "this coming"):
        d = pub + timedelta(days=(wd - pub.isoweekday()) % 7 or 7)
    elif rel in ("the following", "the previous", "that") and ctx.anchor:
        step = -1 if rel == "the previous" else 1
        d = ctx.anchor + timedelta(days=step)
        while d.isoweekday() != wd:
            d += timedelta(days=step)
    else:
        d = weekday_date(pub, wd, ctx.tense(c))
    return "DATE", day_value(d) + suffix


def _time(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "noon" in p:
        clock = "T24:00" if p["noon"] == "midnight" else "T12:00"
    else:
        hour = int(p.get("h") or p["h24"])
        minute = int(p.get("mi") or p.get("mi24") or 0)
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
    if not when and ctx.anchor is not None:
        return day_value(ctx.anchor)  # "at 10 p.m." on the day the story is about
    if when in offsets:
        return day_value(pub + timedelta(days=offsets[when]))
    if when in WEEKDAYS:
        return day_value(weekday_date(pub, WEEKDAYS[when], ctx.tense(c)))
    name, _, number = when.replace(".", ". ").partition(" ")
    return day_value(month_day_date(pub, _month(name.strip(". ")), int(number.strip()[:2].strip("snrt")), ctx.tense(c)))


def _part_of_day(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if "tonight" in p:
        word = p["tonight"]
        if word == "overnight":
            return None
        code, offset = ("NI", 0) if word == "tonight" else ("AF", 0)
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


def _quarter(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    n = ORDINALS[p["ord"]]
    if p["unit"] == "half" and n > 2:
        return None
    letter = "H" if p["unit"] == "half" else "Q"
    year: int | None = None
    for key in ("qyear", "y2"):
        if key in p:
            year = _year(p[key])
    pub, pre = ctx.published, p.get("pre", "")
    relative = p.get("rel2") or pre.removesuffix(" year's") if "year's" in pre or "rel2" in p else ""
    if "year" in pre and "year's" not in pre:
        relative = "last"
    if year is None and pub is not None:
        year = pub.year + {"last": -1, "next": 1}.get(relative, 0)
        if not relative and letter == "Q" and n > quarter_of(pub) and ctx.tense(c) == PAST:
            year -= 1
    if pre == "a" and year is None:
        return None
    return "DATE", f"{year:04d}-{letter}{n}" if year is not None else f"XXXX-{letter}{n}"


def _quarter_q(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    year = p.get("qyear") or (f"{ctx.published.year:04d}" if ctx.published else "XXXX")
    return "DATE", f"{year}-{p['qn'].upper()}"


def _period(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    pre, rel, unit, pub = p.get("pre", ""), p.get("rel", ""), p["unit"], ctx.published
    after = ctx.text[c.end:c.end + 4].lower()
    if pre in ("", "a") and not rel or after.startswith(" of") or pub is None:
        return None
    if unit == "period" and rel in ("", "past", "previous", "prior", "recent", "first", "second", "fiscal"):
        return None
    year, quarter = last_quarter(pub)
    if rel.isdigit():
        return "DATE", f"{rel}-Q{quarter}"
    if rel == "current":
        year, quarter = pub.year, quarter_of(pub)
    elif pre == "next":
        year, month = shift_months(pub, 3)
        quarter = (month - 1) // 3 + 1
    if rel.startswith("year") or rel in ("same", "comparable", "corresponding") or "yrel" in p:
        year -= 1
    return "DATE", f"{year:04d}-Q{quarter}"


def _year_ago_adj(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if ctx.published is None:
        return None
    return "DATE", _a_year_back(ctx.published, c, ctx)


def _a_year_back(pub: date, c: Candidate, ctx: Context) -> str:
    """"A year earlier" in a quarterly report is the same quarter a year before; else last year."""
    if _QUARTERLY.search(ctx.text, max(0, c.start - 600), c.start):
        year, quarter = last_quarter(pub)
        return f"{year - 1:04d}-Q{quarter}"
    return f"{pub.year - 1:04d}"


_QUARTERLY = re.compile(r"quarter", re.IGNORECASE)


_REL_OFFSET = {
    "last": -1, "the past": -1, "the last": -1, "this past": -1, "the full": 0,
    "the latest fiscal": -1, "this": 0, "the current": 0, "the latest": 0,
    "next": 1, "the next": 1, "the coming": 1, "this coming": 1, "the": 0,
}
_ANCHORED = {"the following": 1, "the previous": -1, "the prior": -1, "the same": 0, "that": 0}
_UNIT_CODE = {"week": "W", "month": "M", "year": "Y", "decade": "E", "century": "C", "day": "D"}


def _rel_unit(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    rel, unit = p["rel"], p["unit"]
    if rel.startswith("the end of"):
        rel = rel.removeprefix("the end of ").replace("the", "this")
    rel = rel.replace(" fiscal", "").replace("fiscal", "this") if "fiscal" in rel else rel
    if unit in ("night", "morning", "afternoon", "evening"):
        return None
    pub = ctx.published
    if unit == "weekend":
        if rel not in _REL_OFFSET:
            return None
        if pub is None:
            return "DATE", "XXXX-WXX-WE"
        return "DATE", weekend_value(pub, _REL_OFFSET[rel], ctx.tense(c))
    if unit in SEASONS:
        if rel == "the":
            if pub is None:
                return "DATE", f"XXXX-{SEASONS[unit]}"
            ended = date(pub.year, SEASON_MONTHS[SEASONS[unit]][1] % 12 + 1, 1) <= pub
            ahead = ctx.tense(c) == FUTURE and ended
            return "DATE", f"{pub.year + ahead:04d}-{SEASONS[unit]}"
        if rel not in _REL_OFFSET or rel == "the full":
            return None
        if pub is None:
            return "DATE", f"XXXX-{SEASONS[unit]}"
        return "DATE", season_value(pub, SEASONS[unit], _REL_OFFSET[rel])
    code = _UNIT_CODE[unit]
    if code == "W" and rel == "last" and pub is not None and pub.isoweekday() == 7:
        return "DATE", week_value(pub)  # on a Sunday, "last week" is the one now ending
    if rel in _ANCHORED:
        base = ctx.anchor or pub
        if base is None or (unit == "day" and ctx.anchor is None and rel != "that"):
            return None
        return "DATE", shift(base, code, _ANCHORED[rel])
    if unit == "year" and rel in ("the", "the full", "this") and "pre" not in p:
        return _the_year(c, ctx)
    if rel not in _REL_OFFSET or unit == "day" or (rel == "the" and "pre" not in p):
        return None
    if rel == "the latest" and unit != "year":
        return None
    if pub is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "E": "XXX", "C": "XX"}[code]
    return "DATE", shift(pub, code, _REL_OFFSET[rel])


def _the_year(c: Candidate, ctx: Context) -> Resolved:
    """"The year ended June 30" is a year-long duration; "for the year" the current year."""
    after = ctx.text[c.end:c.end + 10].lower()
    if re.match(r"\s+end(?:ed|ing)\b", after):
        return "DURATION", "P1Y"
    before = ctx.text[max(0, c.start - 12):c.start].lower().split()
    if c.parts["rel"] == "this" or (before and before[-1] in ("for", "of", "during", "throughout")):
        return "DATE", f"{ctx.published.year:04d}" if ctx.published else "XXXX"
    return None


def _duration(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    unit_word, num_word, approx = p["unit"].rstrip("s"), p["num"], p.get("approx", "")
    letter, is_time, multiplier = UNITS[unit_word]
    n = number_value(num_word)
    tail = p.get("tail", "").replace("or so ", "")
    if tail.endswith("old"):
        return ("DURATION", _period_value(n * multiplier, letter, is_time)) if n else None
    if tail:
        if n == 1 and unit_word == "year" and tail == "earlier" and ctx.published:
            return "DATE", _a_year_back(ctx.published, c, ctx)
        if n == 1 and unit_word == "year" and tail == "ago" and ctx.published and _QUARTERLY.search(
                ctx.text, max(0, c.start - 300), c.start):
            return "DATE", _a_year_back(ctx.published, c, ctx)
        return _shifted(n, unit_word, tail, ctx)
    if n is None:
        vague = VAGUE_UNIT.get(unit_word)
        if not p.get("plural") or vague is None:
            return None
        if approx in ("the past", "the last") and num_word == "few":
            return "DURATION", vague
        return "DURATION", vague
    before = ctx.text[max(0, c.start - 40):c.start].lower()
    if num_word in ("a", "an", "per") and not approx and _is_rate(before):
        return None  # "$2 million a year", "four flights a week": a rate, not a period
    if num_word == "one" and unit_word == "day" and re.search(
            r"\b(?:will|would|could|might|may|hope|hopes|hoped)\s+$", before):
        return "DATE", "FUTURE_REF"
    value = _period_value(n * multiplier, letter, is_time)
    if "half" in p or "half2" in p:
        value = _add_half(value, letter, is_time)
    return "DURATION", value


def _is_rate(before: str) -> bool:
    """Whether "a week" follows a quantity: "700 seats a week", "twice a day"."""
    clause = re.split(r"[.;,:]", before)[-1]
    return bool(re.search(r"\d|\b(?:times|once|twice|percent|cents|dollars|million|billion)\b", clause))


def _period_value(n: float, letter: str, is_time: bool) -> str:
    number = f"{n:g}"
    return f"PT{number}{letter}" if is_time else f"P{number}{letter}"


def _add_half(value: str, letter: str, is_time: bool) -> str:
    extra = {("Y", False): "6M", ("H", True): "30M", ("M", True): "30S", ("D", False): "T12H"}
    return value + extra.get((letter, is_time), "")


def _shifted(n: int | None, unit: str, tail: str, ctx: Context) -> Resolved:
    """"two weeks ago" (from the publication date), "three days later" (from the last date)."""
    later = tail in ("later", "from now", "hence")
    if n is None:
        return "DATE", "FUTURE_REF" if later else "PAST_REF"
    base = ctx.anchor if tail == "later" and ctx.anchor else ctx.published
    if base is None:
        return "DATE", "FUTURE_REF" if later else "PAST_REF"
    letter, is_time, multiplier = UNITS[unit]
    sign = 1 if later else -1
    if is_time:
        return "DATE", day_value(base)
    if unit == "quarter":
        return "DATE", shift(base, "Q", sign * n)
    if letter == "Y" and multiplier > 1:
        return "DATE", shift(base, "Y", sign * n * multiplier)
    return "DATE", shift(base, letter, sign * n * multiplier)


def _bare_units(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    vague = VAGUE_UNIT.get(p["span"].rstrip("s").removesuffix("ie").replace("centur", "century"))
    return ("DURATION", vague) if vague else None


def _ago_vague(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    return "DATE", "PAST_REF"


def _reference(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    ref, pub = p["ref"], ctx.published
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}
    if ref in offsets:
        if pub is None:
            return "DATE", "PRESENT_REF" if ref == "today" else "XXXX-XX-XX"
        return "DATE", day_value(pub + timedelta(days=offsets[ref]))
    value = REFERENCES[ref]
    return ("DURATION" if value[:2] in ("PX", "PT") else "DATE"), value


def _year_end(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    return "DATE", f"{ctx.published.year:04d}" if ctx.published else "XXXX"


def _set_adverb(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    return "SET", SET_ADVERBS[p["adv"]]


def _set_every(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    unit = p["unit"]
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}"
    letter, is_time, multiplier = UNITS[unit.rstrip("s")]
    return "SET", _period_value(multiplier, letter, is_time)


def _holiday(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    name, pub = p["name"], ctx.published
    if name.startswith("thanksgiving"):
        if pub is None:
            return "DATE", "XXXX-11"
        year = month_year(pub, 11, ctx.tense(c))
        first = date(year, 11, 1)
        return "DATE", day_value(first + timedelta(days=(4 - first.isoweekday()) % 7 + 21))
    month, day = HOLIDAYS.get(name, HOLIDAYS.get("christmas", (12, 25)))
    if pub is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    return "DATE", day_value(month_day_date(pub, month, day, ctx.tense(c)))


_RESOLVERS: dict[str, Callable[[dict[str, str], Candidate, Context], Resolved]] = {
    "date_mdy": _date_words, "date_dmy": _date_words, "date_numeric": _date_numeric,
    "month": _month_alone, "year": _year_alone, "year_spoken": _year_spoken, "bc_year": _bc_year,
    "decade": _decade, "century": _century, "weekday": _weekday, "time": _time,
    "part_of_day": _part_of_day, "quarter": _quarter, "quarter_q": _quarter_q, "period": _period,
    "year_ago_adj": _year_ago_adj, "rel_unit": _rel_unit, "duration": _duration,
    "bare_units": _bare_units, "ago_vague": _ago_vague, "reference": _reference,
    "set_adverb": _set_adverb, "year_end": _year_end, "set_every": _set_every, "holiday": _holiday,
}
