"""Inferring when undated articles were published, from their own dates and from their batch.

Why: relative dates ("on Thursday", "last July") can only be placed once we know when the
article was written, and many saved articles carry no date. Today's date is never a fallback:
an article we cannot date keeps ``published=None`` and ``published_from="unknown"``.

Two steps:

1. Each undated article alone: its date expressions, tagged with no publication date, become
   clues (``extract.dating.clues``) and candidate days are scored against them
   (``extract.dating.scoring``). Seed 001 comes out 2024-06-20: "on Tuesday" and "the June 18
   letter" agree in 2013, 2019 and 2024, "since 2022" leaves 2024, and "on Thursday" (past)
   gives Thursday 2024-06-20.
   Only a sure day is kept (see ``Inference.sure``, and the posterior of
   ``extract.dating.posterior``): on Reuters and TimeML stories an unsure best day is in the
   wrong year more often than not, and two thirds of them name no year at all.
2. The batch: an article that got no date, or no sure one, and shares a story with an article
   whose date is known or sure (similar names, ``extract.dating.same_story``: Rutte, Iohannis,
   Stoltenberg) *and a day* (both name the same month-day, or tell of the same past weekday:
   ``_agreement``) takes that date as its anchor, and its own clues move it to the best day
   within a week of it ("withdrew on Thursday" -> that Thursday). Seed 000 has no day-level
   date of its own, so it is dated this way. Names alone were within a week only 28% of the
   time on Reuters (a weekly cocoa review matches every week's), so they borrow nothing.

``evidence`` says which expressions decided, in short sentences. An article left undated
still gets evidence of what its text establishes: "written in 2022 or later", the likeliest
years with the model's probabilities, or the related article it could not borrow from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from extract.article import Article
from extract.dating.clues import Clue, clues
from extract.dating.same_story import closest, fingerprints
from extract.dating.scoring import Inference, coarse, contradicts, infer_day, score_day
from extract.timex.tagger import tag

_HEAD = 50_000  # characters of an article read for clues: the top of a story dates it
_MAX_CLUES = 200  # the first date expressions decide; more only cost time
_BORROW_DAYS = 7
_DRIFT = 0.25  # score lost per day away from the borrowed anchor
_AGREE_DAYS = 45  # a month-day both articles name counts if this close to the anchor
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def infer_published(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with missing publication dates inferred where the evidence allows.

    Dated articles come back unchanged; inferred ones get ``published_from="inferred"`` and
    ``evidence``; the rest keep ``published=None`` and ``"unknown"``.
    """
    found: dict[int, list[Clue]] = {}
    own: dict[int, Inference | None] = {}
    for index, article in enumerate(articles):
        if article.published is None:
            head = article.text[:_HEAD]
            found[index] = clues(head, tag(head, None))[:_MAX_CLUES]
            own[index] = infer_day(found[index])
    anchors = _anchors(articles, own)
    needy = {i for i, inference in own.items() if inference is None or not inference.sure}
    prints = dict(enumerate(fingerprints([a.text for a in articles]))) if needy and anchors else {}
    result = list(articles)
    for index, inference in own.items():
        related = ""
        if index in needy:  # a weak guess of its own is dropped: borrow, or stay undated
            inference = _borrow(index, articles, found, anchors, prints) if prints else None
            if isinstance(inference, str):
                inference, related = None, inference
        if inference is not None:
            result[index] = replace(
                articles[index],
                published=inference.day,
                published_from="inferred",
                evidence=inference.evidence,
            )
        elif found[index] or related:  # undated, but say what the text does establish
            notes = (*coarse(found[index]), related) if related else coarse(found[index])
            result[index] = replace(articles[index], evidence=notes)
    return result


def _anchors(articles: Sequence[Article], own: dict[int, Inference | None]) -> dict[int, date]:
    """Articles whose date others may borrow: known ones, and sure inferences."""
    anchors = {}
    for index, article in enumerate(articles):
        inference = own.get(index)
        if article.published is not None:
            anchors[index] = article.published
        elif inference is not None and inference.sure:
            anchors[index] = inference.day
    return anchors


def _borrow(
    index: int,
    articles: Sequence[Article],
    found: dict[int, list[Clue]],
    anchors: dict[int, date],
    prints: dict[int, dict[str, float]],
) -> Inference | str | None:
    """A date near the dated article that tells the same story as this one, if any (a note
    naming that article when the two share names but no day).

    Shared names alone only say "same topic": on Reuters, stories matched by names alone are
    within a week of each other about a quarter of the time (a weekly cocoa review matches
    every other week's). So a date is borrowed only when the two texts also agree on a day
    (``_agreement``); otherwise the match is noted in the evidence and nothing is borrowed.
    """
    own = found[index]
    others = {key: prints[key] for key in anchors if key != index}
    match = closest(prints[index], others)
    if match is None:
        return None
    other, similarity, shared = match
    anchor = anchors[other]
    if other not in found:
        head = articles[other].text[:_HEAD]
        found[other] = clues(head, tag(head, None))[:_MAX_CLUES]
    agreement = _agreement(own, found[other], anchor)
    if agreement is None:
        return f"names shared with {articles[other].doc_id} (dated {anchor}), no day: not borrowed"
    window = [anchor + timedelta(days=d) for d in range(-_BORROW_DAYS, _BORROW_DAYS + 1)]
    scored = {d: score_day(d, own) - _DRIFT * abs((d - anchor).days) for d in window}
    day = max(scored, key=lambda d: (scored[d], -abs((d - anchor).days)))
    if contradicts(day, own):
        return None
    notes = [
        f"same story as {articles[other].doc_id} (names {', '.join(shared)}; "
        f"similarity {similarity:.2f}), dated {anchor.isoformat()}",
        agreement,
    ]
    for clue in own:
        if clue.kind == "weekday" and clue.tense == "past" and day.isoweekday() == clue.weekday:
            notes.append(f"'{clue.text}' (past): {day.isoformat()}")
            break
    return Inference(day, tuple(notes), sure=False)


def _agreement(own: Sequence[Clue], theirs: Sequence[Clue], anchor: date) -> str | None:
    """How the two articles agree on a day near ``anchor``, or None if they do not.

    Either both name the same month-day (near the anchor), or one names a day within a week
    of it, or both tell of the same weekday in the past ("withdrew on Thursday").
    """
    named = {(c.month, c.day) for c in theirs if c.kind in ("day", "month_day")}
    for clue in own:
        if clue.kind not in ("day", "month_day"):
            continue
        target = _nearest_to(anchor, clue)
        if target is None or abs((anchor - target).days) > _AGREE_DAYS:
            continue
        if (clue.month, clue.day) in named:
            return f"both name {target:%B} {target.day}"
        if abs((anchor - target).days) <= _BORROW_DAYS:
            return f"'{clue.text}' is within a week of it"
    past = {c.weekday for c in theirs if c.kind == "weekday" and c.tense == "past"}
    for clue in own:
        if clue.kind == "weekday" and clue.tense == "past" and clue.weekday in past:
            return f"both tell of a past {_WEEKDAYS[clue.weekday - 1]}"
    return None


def _nearest_to(anchor: date, clue: Clue) -> date | None:
    years = (clue.year,) if clue.kind == "day" else (anchor.year - 1, anchor.year, anchor.year + 1)
    options = []
    for year in years:
        try:
            options.append(date(year, clue.month, clue.day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((anchor - d).days), default=None)
