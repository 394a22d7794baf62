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

How a batch too big for memory is dated the same way: ``collect`` reduces each article to the
``Facts`` dating needs (its clues, its own best day, its names when it may have to borrow),
anywhere and in any order of chunks; ``decide`` then rules over the whole batch and reads the
texts again (``reread``) only when an article must borrow: once for the names of every article
(the weights and the candidates), once for the clues of the articles lent from. ``infer_published``
is the same two steps over a list; ``extract.pipeline`` runs them over any corpus.

``evidence`` says which expressions decided, in short sentences. An article left undated
still gets evidence of what its text establishes: "written in 2022 or later", the likeliest
years with the model's probabilities, or the related article it could not borrow from.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from extract.article import Article
from extract.dating.clues import Clue, clues, dateline, named_day
from extract.dating.same_story import NameIndex, fingerprint, names
from extract.dating.scoring import Inference, coarse, contradicts, infer_day, score_day
from extract.errors import InputChanged
from extract.language.cues import WEEKDAY_NAMES
from extract.timex.tagger import tag

_HEAD = 50_000  # characters of an article read for clues: the top of a story dates it
_MAX_CLUES = 200  # the first date expressions decide; more only cost time
_BORROW_DAYS = 7
_DRIFT = 0.25  # score lost per day away from the borrowed anchor
_AGREE_DAYS = 45  # a month-day both articles name counts if this close to the anchor

Reread = Callable[[], Iterable[Article]]
"""The batch's articles again, from the first, in the same order."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What dating needs of one article, without its text (small, picklable).

    Undated articles carry their ``clues`` and the day those give (``own``); one whose own day
    is not sure also carries its ``names``, to look for its story among the dated ones.
    """

    doc_id: str
    published: date | None
    clues: tuple[Clue, ...] = ()
    own: Inference | None = None
    names: Mapping[str, int] | None = None

    @property
    def sure(self) -> bool:
        return self.own is not None and self.own.sure


@dataclass(frozen=True, slots=True)
class Decision:
    """What the batch decided for one undated article: a day (None: still unknown) and why."""

    doc_id: str
    published: date | None
    evidence: tuple[str, ...]

    def apply(self, article: Article) -> Article:
        if self.published is None:
            return replace(article, evidence=self.evidence)
        return replace(
            article, published=self.published, published_from="inferred", evidence=self.evidence
        )


def infer_published(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with missing publication dates inferred where the evidence allows.

    Dated articles come back unchanged; inferred ones get ``published_from="inferred"`` and
    ``evidence``; the rest keep ``published=None`` and ``"unknown"``.
    """
    batch = list(articles)
    decided = decide((collect(article) for article in batch), lambda: batch)
    return list(with_published(batch, decided))


def collect(article: Article) -> Facts:
    """The first step, one article at a time: what ``decide`` will need of it."""
    if article.published is not None:
        return Facts(article.doc_id, article.published)
    found, opening = _clues(article.text)
    own = _from_dateline(opening, found) if opening is not None else infer_day(found)
    needy = own is None or not own.sure
    return Facts(article.doc_id, None, found, own, names(article.text) if needy else None)


def decide(facts: Iterable[Facts], reread: Reread) -> dict[int, Decision]:
    """The second step, over the whole batch: a ``Decision`` for each undated article whose
    date or evidence changes, keyed by its position in the batch.

    ``facts`` are those of every article, in batch order. ``reread`` is called only when an
    article needs to borrow and some article could lend: the texts are then streamed again,
    never held (memory: a number per article, plus the needy articles' facts).
    """
    anchors = array("l")  # per article, the ordinal of its known or sure day; 0 when none
    needy: dict[int, Facts] = {}
    decided: dict[int, Decision] = {}
    for index, fact in enumerate(facts):
        if fact.published is not None:
            anchors.append(fact.published.toordinal())
        elif fact.own is not None and fact.sure:
            anchors.append(fact.own.day.toordinal())
            decided[index] = Decision(fact.doc_id, fact.own.day, fact.own.evidence)
        else:
            anchors.append(0)
            needy[index] = fact
    matches = _same_stories(needy, anchors, reread) if needy and any(anchors) else {}
    lenders = _lenders(reread, {match[0] for match in matches.values()}) if matches else {}
    for index, fact in needy.items():
        inference, related = None, ""
        if index in matches:  # a weak guess of its own is dropped: borrow, or stay undated
            other, similarity, shared = matches[index]
            lender_id, lender_clues = lenders[other]
            anchor = date.fromordinal(anchors[other])
            borrowed = _borrow(fact.clues, lender_id, lender_clues, anchor, similarity, shared)
            if isinstance(borrowed, str):
                related = borrowed
            else:
                inference = borrowed
        if inference is not None:
            decided[index] = Decision(fact.doc_id, inference.day, inference.evidence)
        elif fact.clues or related:  # undated, but say what the text does establish
            notes = (*coarse(fact.clues), related) if related else coarse(fact.clues)
            decided[index] = Decision(fact.doc_id, None, notes)
    return decided


def with_published(
    articles: Iterable[Article], decided: Mapping[int, Decision]
) -> Iterator[Article]:
    """``articles`` (the batch ``decided`` was made for, read again) with its decisions applied."""
    for index, article in enumerate(articles):
        decision = decided.get(index)
        if decision is None:
            yield article
            continue
        if decision.doc_id != article.doc_id:
            raise InputChanged(article.doc_id)
        yield decision.apply(article)


def _clues(text: str) -> tuple[tuple[Clue, ...], Clue | None]:
    """The clues of the top of ``text``, and its dateline if it opens with one."""
    head = text[:_HEAD]
    timexes = tag(head, None)
    return tuple(clues(head, timexes)[:_MAX_CLUES]), dateline(head, timexes)


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _from_dateline(opening: Clue, found: Sequence[Clue]) -> Inference | None:
    """The day a dateline names. A full date is sure. A month-day ("LONDON, Oct 1 (Reuters)")
    takes its year from the rest of the text (the occurrence nearest the best day the clues
    give, else the best-scoring year told or the one after); the day itself is written down,
    so it counts as sure. No year told, no date."""
    said = f"the article opens with the dateline '{opening.text}'"
    if opening.kind == "day":
        return Inference(date(opening.year, opening.month, opening.day), (said,), sure=True)
    own = infer_day(found)
    if own is not None:
        day = named_day(opening, own.day, nearest=True)
        return Inference(day, (said, *own.evidence), sure=True) if day else own
    years = {y + step for y in (c.year for c in found if c.year) for step in (0, 1)}
    days = [d for y in sorted(years) if (d := _on(y, opening.month, opening.day)) is not None]
    if not days:
        return None
    day = max(days, key=lambda d: (score_day(d, found), d))
    return Inference(day, (said, f"the year from the years it tells: {day.year}"), sure=True)


def _same_stories(
    needy: dict[int, Facts], anchors: array, reread: Reread
) -> dict[int, tuple[int, float, list[str]]]:
    """For each needy article, the dated one telling the most similar story (``closest``).

    One pass over the texts counts in how many articles each name occurs (the idf weights) and
    keeps the names of only those dated articles that share a name with a needy one: the others
    could never be the closest."""
    wanted = {name for fact in needy.values() for name in fact.names or ()}
    frequency: Counter[str] = Counter()
    kept: dict[int, Mapping[str, int]] = {}
    total = 0
    for index, article in enumerate(reread()):
        fact = needy.get(index)
        found = (fact.names or {}) if fact is not None else names(article.text)
        frequency.update(found.keys())
        total += 1
        if index < len(anchors) and anchors[index] and not wanted.isdisjoint(found):
            kept[index] = found
    if total != len(anchors):
        raise InputChanged(f"{total} articles where there were {len(anchors)}")
    lenders = NameIndex({i: fingerprint(found, frequency, total) for i, found in kept.items()})
    matches = {}
    for index, fact in needy.items():
        match = lenders.closest(fingerprint(fact.names or {}, frequency, total))
        if match is not None:
            matches[index] = match
    return matches


def _lenders(reread: Reread, wanted: set[int]) -> dict[int, tuple[str, list[Clue]]]:
    """(doc_id, clues) of the articles at the ``wanted`` positions, read again."""
    found: dict[int, tuple[str, list[Clue]]] = {}
    last = max(wanted)
    for index, article in enumerate(reread()):
        if index in wanted:
            found[index] = (article.doc_id, list(_clues(article.text)[0]))
        if index == last:
            break
    if len(found) != len(wanted):
        raise InputChanged("fewer articles than before")
    return found


def _borrow(
    own: Sequence[Clue],
    other_id: str,
    theirs: Sequence[Clue],
    anchor: date,
    similarity: float,
    shared: Sequence[str],
) -> Inference | str | None:
    """A date near ``anchor``, the date of the article (``other_id``) that tells the same story
    as this one, if the two agree on a day (else a note naming that article).

    Shared names alone only say "same topic": on Reuters, stories matched by names alone are
    within a week of each other about a quarter of the time (a weekly cocoa review matches
    every other week's). So a date is borrowed only when the two texts also agree on a day
    (``_agreement``); otherwise the match is noted in the evidence and nothing is borrowed.
    """
    agreement = _agreement(own, theirs, anchor)
    if agreement is None:
        return f"names shared with {other_id} (dated {anchor}), no day: not borrowed"
    window = [anchor + timedelta(days=d) for d in range(-_BORROW_DAYS, _BORROW_DAYS + 1)]
    scored = {d: score_day(d, own) - _DRIFT * abs((d - anchor).days) for d in window}
    day = max(scored, key=lambda d: (scored[d], -abs((d - anchor).days)))
    if contradicts(day, own):
        return None
    notes = [
        f"same story as {other_id} (names {', '.join(shared)}; "
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
        target = named_day(clue, anchor, nearest=True)
        if target is None or abs((anchor - target).days) > _AGREE_DAYS:
            continue
        if (clue.month, clue.day) in named:
            return f"both name {target:%B} {target.day}"
        if abs((anchor - target).days) <= _BORROW_DAYS:
            return f"'{clue.text}' is within a week of it"
    past = {c.weekday for c in theirs if c.kind == "weekday" and c.tense == "past"}
    for clue in own:
        if clue.kind == "weekday" and clue.tense == "past" and clue.weekday in past:
            return f"both tell of a past {WEEKDAY_NAMES[clue.weekday - 1].title()}"
    return None
