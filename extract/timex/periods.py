"""Values of quarters, relative units ("last week"), durations, references and sets.

Why apart from ``timex_resolve``: these expressions are measured in units rather than named on
the calendar, and share unit arithmetic (``timex_calendar.shift``) and one convention each:
"a year earlier" in a quarterly report is the same quarter a year back; "the past two months"
is a duration but "last month" a date; "three days later" leaves "later" out of the extent and
is a duration, as TimeML annotates it; "$2 million a year" is a rate, not a period.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from extract.language.tense import PAST
from extract.timex.calendar import (
    day_value,
    last_quarter,
    month_day_date,
    month_year,
    quarter_of,
    season_value,
    season_year,
    shift,
    shift_months,
    week_value,
    weekend_value,
)
from extract.timex.lexicon import (
    INFORMAL,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_UNIT,
    number_value,
)
from extract.timex.spans import Candidate

if TYPE_CHECKING:
    from collections.abc import Callable

    from extract.timex.resolve import Context, Resolved


def _quarter(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    n = ORDINALS[p["ord"]]
    if p["unit"] == "half" and n > 2:
        return None
    letter = "H" if p["unit"] == "half" else "Q"
    year: int | None = None
    for key in ("qyear", "y2"):
        if key in p:
            year = int(p[key])
    pub, pre = ctx.published, p.get("pre", "")
    relative = (
        p.get("rel2") or pre.removesuffix(" year's") if "year's" in pre or "rel2" in p else ""
    )
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
    after = ctx.text[c.end : c.end + 4].lower()
    if pre in ("", "a") and not rel or after.startswith(" of") or pub is None:
        return None
    if unit == "period" and rel in ("", "past", "previous", "prior", "recent", "fiscal"):
        return None
    ended = _ENDED.match(ctx.text, c.end)
    if ended and ended["mon"].lower().rstrip(".") in MONTHS:
        month = MONTHS[ended["mon"].lower().rstrip(".")]
        year = int(ended["year"]) if ended["year"] else month_year(pub, month, PAST)
        return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}"  # "the quarter ended Dec. 31"
    # the quarter being reported is the latest completed one, whatever else the story mentions
    year, quarter = last_quarter(pub)
    if rel.isdigit():
        return "DATE", f"{rel}-Q{quarter}"
    if rel == "current":
        year, quarter = pub.year, quarter_of(pub)
    elif pre == "next":
        year, month = shift_months(pub, 3)
        quarter = (month - 1) // 3 + 1
    elif rel in ("previous", "prior"):
        year, quarter = ctx.quarter or (year, quarter)
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    if rel.startswith("year") or rel in ("same", "comparable", "corresponding") or "yrel" in p:
        year -= 1
    return "DATE", f"{year:04d}-Q{quarter}"


_ENDED_DAY = re.compile(
    r"\s+end(?:ed|ing)\s+(?P<mon>[A-Za-z]+\.?)\s*(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4})\b)?"
)
_ENDED = re.compile(
    r"\s+end(?:ed|ing)\s+(?P<mon>[A-Za-z]+\.?)\s*\d{1,2}\b(?:,?\s+(?P<year>\d{4})\b)?"
)


def _year_ago_adj(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    if ctx.published is None:
        return None
    return "DATE", _a_year_back(ctx.published, c, ctx)


def _a_year_back(pub: date, c: Candidate, ctx: Context) -> str:
    """ "A year earlier" in a quarterly report is the same quarter a year before; else last year."""
    if _QUARTERLY.search(ctx.text, max(0, c.start - 600), c.start):
        year, quarter = last_quarter(pub)
        return f"{year - 1:04d}-Q{quarter}"
    return f"{pub.year - 1:04d}"


_QUARTERLY = re.compile(r"quarter", re.IGNORECASE)


_REL_OFFSET = {
    "last": -1, "the past": -1, "the last": -1, "this past": -1, "the full": 0,
    "the latest fiscal": -1, "this": 0, "the current": 0, "the latest": 0, "next": 1,
    "the next": 1, "the coming": 1, "this coming": 1, "the": 0,
}
_ANCHORED = {
    "the following": 1, "the previous": -1, "the prior": -1, "the same": 0, "that": 0,
    "that same": 0,
}
_NEXT_DAY = {**_ANCHORED, "the next": 1}  # "the next day": the story's, as "the following day"
_UNIT_CODE = {"week": "W", "month": "M", "year": "Y", "decade": "E", "century": "C", "day": "D"}


def _rel_unit(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    rel, unit = p["rel"], INFORMAL.get(p["unit"], p["unit"])
    if " of " in rel:  # "the end of the year", "the start of next month": that unit
        rel = re.sub(r"^the (?:very )?\w+ of ", "", rel).replace("the", "this")
    rel = rel.replace(" fiscal", "").replace("fiscal", "this") if "fiscal" in rel else rel
    if unit in ("night", "morning", "afternoon", "evening"):
        return _anchored_part_of_day(rel, unit, ctx)
    pub = ctx.published
    ended = _ENDED_DAY.match(ctx.text, c.end)
    if unit == "week" and rel == "the" and ended and ended["mon"].lower().rstrip(".") in MONTHS:
        month, day = MONTHS[ended["mon"].lower().rstrip(".")], int(ended["day"])
        if ended["year"]:
            return "DATE", week_value(date(int(ended["year"]), month, day))
        if pub is None:
            return "DATE", "XXXX-WXX"
        return "DATE", week_value(month_day_date(pub, month, day, PAST))  # "the week ended Feb. 22"
    if unit == "weekend":
        if rel not in _REL_OFFSET:
            return None
        if pub is None:
            return "DATE", "XXXX-WXX-WE"
        return "DATE", weekend_value(pub, _REL_OFFSET[rel], ctx.tense(c))
    if unit in SEASONS:
        step = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
        if ctx.narrative and pub is not None and (rel in step or rel in ("the", "that", "this")):
            return "DATE", f"{pub.year + step.get(rel, 0):04d}-{SEASONS[unit]}"  # the story's
        if rel == "the":
            if pub is None:
                return "DATE", f"XXXX-{SEASONS[unit]}"
            code = SEASONS[unit]
            return "DATE", f"{season_year(pub, code, ctx.tense(c)):04d}-{code}"
        if rel not in _REL_OFFSET or rel == "the full":
            return None
        if pub is None:
            return "DATE", f"XXXX-{SEASONS[unit]}"
        return "DATE", season_value(pub, SEASONS[unit], _REL_OFFSET[rel])
    code = _UNIT_CODE[unit]
    if code == "W" and rel == "last" and pub is not None and pub.isoweekday() == 7:
        return "DATE", week_value(pub)  # on a Sunday, "last week" is the one now ending
    if unit == "day" and rel == "the next" and ctx.anchor is not None and ctx.anchor_is_day:
        return "DATE", shift(ctx.anchor, "D", 1)
    if unit == "day" and rel in _ANCHORED and ctx.anchor_precision == "month" and ctx.anchor:
        return "DATE", f"{ctx.anchor.year:04d}-{ctx.anchor.month:02d}-XX"  # "that same day"
    if rel in _ANCHORED:
        base = ctx.anchor or pub
        if base is None or (unit == "day" and ctx.anchor is None and rel != "that"):
            return None
        return "DATE", shift(base, code, _ANCHORED[rel])
    if unit == "year" and rel in ("the", "the full", "this") and "pre" not in p and (
        " of " not in p["rel"]
    ):
        return _the_year(c, ctx)
    if rel not in _REL_OFFSET or unit == "day" or (rel == "the" and "pre" not in p):
        return None
    if rel == "the latest" and unit != "year":
        return None
    if pub is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "E": "XXX", "C": "XX"}[code]
    return "DATE", shift(pub, code, _REL_OFFSET[rel])


def _anchored_part_of_day(rel: str, unit: str, ctx: Context) -> Resolved:
    """ "That afternoon", "the next morning": a part of the day the text last named."""
    if rel not in _NEXT_DAY or rel == "the previous" or ctx.anchor is None:
        return None
    if not ctx.anchor_is_day:
        return None
    day = shift(ctx.anchor, "D", _NEXT_DAY[rel])
    return "TIME", f"{day}T{PARTS_OF_DAY[unit]}"


def _the_year(c: Candidate, ctx: Context) -> Resolved:
    """ "The year ended June 30" is a year-long duration; "for the year" the current year."""
    after = ctx.text[c.end : c.end + 10].lower()
    if re.match(r"\s+end(?:ed|ing)\b", after):
        return "DURATION", "P1Y"
    before = ctx.text[max(0, c.start - 12) : c.start].lower().split()
    if c.parts["rel"] == "this" or (before and before[-1] in ("for", "of", "during", "throughout")):
        return "DATE", f"{ctx.published.year:04d}" if ctx.published else "XXXX"
    return None


def _duration(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    unit_word, num_word, approx = p["unit"].rstrip("s"), p["num"], p.get("approx", "")
    letter, is_time, multiplier = UNITS[unit_word]
    n = number_value(re.split(r"\s*(?:\bto\b|\bor\b|-)\s*", num_word)[0])  # "two to three"
    tail = p.get("tail", "").replace("or so ", "")
    if tail.endswith("old"):
        return ("DURATION", _period_value(n * multiplier, letter, is_time)) if n else None
    if tail:
        if n == 1 and unit_word == "year" and tail == "earlier" and ctx.published:
            return "DATE", _a_year_back(ctx.published, c, ctx)
        if (
            n == 1
            and unit_word == "year"
            and tail == "ago"
            and ctx.published
            and _QUARTERLY.search(ctx.text, max(0, c.start - 300), c.start)
        ):
            return "DATE", _a_year_back(ctx.published, c, ctx)
        return _shifted(n, unit_word, tail, ctx)
    if n is None:
        vague = VAGUE_UNIT.get(unit_word)
        if not p.get("plural") or vague is None:
            return None
        if approx in ("the past", "the last") and num_word == "few":
            return "DURATION", vague
        return "DURATION", vague
    before = ctx.text[max(0, c.start - 40) : c.start].lower()
    if num_word in ("a", "an", "per") and not approx and _is_rate(before):
        return None  # "$2 million a year", "four flights a week": a rate, not a period
    if (
        num_word == "one"
        and unit_word == "day"
        and re.search(r"\b(?:will|would|could|might|may|hope|hopes|hoped)\s+$", before)
    ):
        return "DATE", "FUTURE_REF"
    value = _period_value(n * multiplier, letter, is_time)
    if "half" in p or "half2" in p:
        value = _add_half(value, letter, is_time)
    return "DURATION", value


def _is_rate(before: str) -> bool:
    """Whether "a week" follows a quantity: "700 seats a week", "twice a day"."""
    clause = re.split(r"[.;,:]", before)[-1]
    return bool(
        re.search(r"\d|\b(?:times|once|twice|percent|cents|dollars|million|billion)\b", clause)
    )


def _period_value(n: float, letter: str, is_time: bool) -> str:
    number = str(int(n)) if float(n).is_integer() else f"{n:.6f}".rstrip("0")
    return f"PT{number}{letter}" if is_time else f"P{number}{letter}"


def _add_half(value: str, letter: str, is_time: bool) -> str:
    extra = {("Y", False): "6M", ("H", True): "30M", ("M", True): "30S", ("D", False): "T12H"}
    return value + extra.get((letter, is_time), "")


def _shifted(n: float | None, unit: str, tail: str, ctx: Context) -> Resolved:
    """ "two weeks ago" (from the publication date), "three days later" (from the last date)."""
    later = tail in ("later", "from now", "hence")
    if n is None:
        return "DATE", "FUTURE_REF" if later else "PAST_REF"
    if not float(n).is_integer():
        return None  # "1.5 years ago": no calendar unit to name
    count = int(n)
    # "three days later" counts from the last date mentioned; so does "a week earlier" when
    # that date is a day ("On Sunday ...; a week earlier ..."), else from the publication date
    anchored = tail == "later" or (tail == "earlier" and ctx.anchor_is_day)
    base = ctx.anchor if anchored and ctx.anchor else ctx.published
    if base is None:
        return "DATE", "FUTURE_REF" if later else "PAST_REF"
    letter, is_time, multiplier = UNITS[unit]
    sign = 1 if later else -1
    if is_time:
        return "DATE", day_value(base)
    if unit == "quarter":
        return "DATE", shift(base, "Q", sign * count)
    return "DATE", shift(base, letter, sign * count * multiplier)


def _bare_units(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    vague = VAGUE_UNIT.get(p["span"].rstrip("s").removesuffix("ie").replace("centur", "century"))
    return ("DURATION", vague) if vague else None


def _ago_vague(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    return "DATE", "PAST_REF"


def _reference(p: dict[str, str], c: Candidate, ctx: Context) -> Resolved:
    ref, pub = INFORMAL.get(p["ref"], p["ref"]), ctx.published
    offsets = {
        "today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    if ref in offsets:
        if pub is None:
            return "DATE", "PRESENT_REF" if ref == "today" else "XXXX-XX-XX"
        return "DATE", day_value(pub + timedelta(days=offsets[ref]))
    if ref == "soon" and ctx.tense(c) == PAST:
        return None  # "the Germans soon intervened": shortly after, no reference to a future
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
    # "every other week" is every two weeks; "every four years" every four
    n = 2 if "other" in p else number_value(p["n"]) if "n" in p else 1
    if n is None:
        return None  # "every few years"
    return "SET", _period_value(n * multiplier, letter, is_time)


PERIOD_RESOLVERS: dict[str, Callable[[dict[str, str], Candidate, Context], Resolved]] = {
    "quarter": _quarter, "quarter_q": _quarter_q, "period": _period, "year_ago_adj": _year_ago_adj,
    "rel_unit": _rel_unit, "duration": _duration, "bare_units": _bare_units,
    "bare_before": _bare_units,  # "days after the vote", "years earlier"
    "ago_vague": _ago_vague, "reference": _reference, "set_adverb": _set_adverb,
    "year_end": _year_end, "set_every": _set_every,
}
