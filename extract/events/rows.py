"""From articles to rows of the events frame: one row per dated mention that anchors a happening.

Why these mentions: a timeline can only place what the calendar pins down. A DATE or TIME
expression whose value has a range ("on Thursday", "last July", "the 2022 Russian invasion",
"a 2015 profile in Dutch News") anchors something that happened, is planned or was written at
that time, so it becomes a row. Durations ("almost 14 years"), sets ("every week"), reference
words ("currently", "in the coming days") and values with unknown parts (``XXXX-10``) place
nothing on the calendar and are left out; so are expressions that do not fall inside a sentence
(nothing to describe them with). A run-on "sentence" (a table, a list without full stops) is cut
to ``MAX_SENTENCE`` characters around the date.

Not rows either: the dateline an article opens with (its publication date,
``dating.clues.dateline``) and numbers that only look like dates (index levels, table cells,
wire codes: ``junk.junk_reason``). A sentence opening with "He" or "The veteran politician"
names the person meant (``DocumentActors.person_meant``) in its label and actors.

``article_events`` works on one article (so callers can spread articles over processes);
``extract_events`` runs it over a batch and then ``cluster.assign_clusters``, which also merges
lone surnames with full names seen elsewhere in the batch.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pandas as pd

from extract import schema
from extract.article import Article
from extract.dating.clues import dateline
from extract.events.actors import DocumentActors, refers_back
from extract.events.cluster import assign_clusters
from extract.events.junk import junk_reason
from extract.events.labels import label
from extract.events.modality import modality
from extract.events.speech import (
    name_pronoun,
    organisation_subject,
    referred_happening,
    starts_with_pronoun,
)
from extract.language.sentences import Sentence, SentenceIndex, clause_bounds
from extract.timex.tagger import Timex, tag

Tagger = Callable[[str, date | None], list[Timex]]

EVENT_TYPES = frozenset({"DATE", "TIME"})
MAX_SENTENCE = 600  # characters of context kept around a date in a run-on sentence
RUN_ON_DATES = 3  # other dates a run-on window reaches past on either side (``_reach``)


def anchors_happening(timex: Timex) -> bool:
    """A DATE/TIME expression with a place on the calendar."""
    return timex.type in EVENT_TYPES and timex.range is not None


def extract_events(articles: Iterable[Article], *, tagger: Tagger = tag) -> pd.DataFrame:
    """The events frame of ``articles``, clustered, following ``extract.schema``."""
    rows: list[dict[str, Any]] = []
    for article in articles:
        rows.extend(article_events(article, tagger))
    return assign_clusters(schema.from_records(rows))


def article_events(article: Article, tagger: Tagger = tag) -> list[dict[str, Any]]:
    """Rows for one article, before clustering (``cluster_id`` is the row's own ``event_id``)."""
    text = article.text
    found = tagger(text, article.published)
    timexes = sorted((t for t in found if anchors_happening(t)), key=lambda t: t.start)
    if timexes and _is_dateline(text, timexes[0], article.published):
        timexes = timexes[1:]  # the dateline is when the article was written, not a happening
    starts = [t.start for t in timexes]
    if not timexes:
        return []
    sentences = SentenceIndex(text)
    actors = DocumentActors(text)
    spans = [(s.start, s.end) for s in sentences.sentences]
    rows = []
    for i, timex in enumerate(timexes):
        sentence = sentences.at(timex.start)
        if sentence is None or timex.end > sentence.end:
            continue
        if junk_reason(text, timex.start, timex.end, article.published) is not None:
            continue
        window = _window(text, sentence, timex, _reach(timexes, i, len(text)))
        nearby = timexes[bisect_left(starts, window.start) : bisect_left(starts, window.end)]
        others = [
            (t.start - window.start, t.end - window.start)
            for t in nearby
            if t is not timex and t.end <= window.end
        ]
        index = bisect_right(sentences.starts, sentence.start) - 1
        reference = refers_back(sentence.text)
        meant = actors.person_meant(spans, index) if reference else None
        previous = spans[index - 1] if index > 0 else (0, 0)
        rows.append(_row(article, timex, window, actors, others, (reference, meant), previous))
    return rows


def _is_dateline(text: str, first: Timex, published: date | None) -> bool:
    """Whether the article's first date is its dateline, naming the day it was published
    ("Sept 30" atop the results of a quarter that ended then is a happening)."""
    span = first.range
    if published is None or span is None or not span.start == span.end == published:
        return False
    return dateline(text, [first]) is not None


def _reach(timexes: list[Timex], i: int, length: int) -> tuple[int, int]:
    """How far a run-on window around ``timexes[i]`` may reach: up to ``RUN_ON_DATES`` other
    dates either side. In a list of dates without full stops the words beyond belong to other
    rows, and a text of nothing but dates ("March 2021 March 2021 ...") would otherwise give
    every date a full ``MAX_SENTENCE`` window holding dozens of others (issue 9: about 5 ms
    per date instead of a fraction of one)."""
    before = timexes[i - RUN_ON_DATES - 1].end if i > RUN_ON_DATES else 0
    after = i + RUN_ON_DATES + 1
    return before, timexes[after].start if after < len(timexes) else length


def _window(
    text: str, sentence: Sentence, timex: Timex, reach: tuple[int, int] = (0, 1 << 62)
) -> Sentence:
    """The sentence, or for a run-on "sentence" (a table, a list without full stops) the
    ``MAX_SENTENCE`` characters around the date (no further than ``reach``), cut at spaces:
    labels, actors and the frame stay small and the work per date stays bounded."""
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return sentence
    half = (MAX_SENTENCE - (timex.end - timex.start)) // 2
    start = max(sentence.start, timex.start - half, min(reach[0], timex.start))
    end = min(sentence.end, timex.end + half, max(reach[1], timex.end))
    if start > sentence.start:
        space = text.find(" ", start, timex.start)
        start = space + 1 if space >= 0 else start
    if end < sentence.end:
        space = text.rfind(" ", timex.end, end)
        end = space if space >= 0 else end
    return Sentence(start, end, text[start:end])


def _row(
    article: Article,
    timex: Timex,
    sentence: Sentence,
    actors: DocumentActors,
    other_dates: list[tuple[int, int]],
    meant: tuple[str | None, str | None] = (None, None),
    previous: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    """``meant`` is the reference the sentence opens with ("The veteran politician") and the
    person it means, who then acts in the label and is among the actors; ``previous`` is the
    sentence before, what "This could happen ..." refers to."""
    span = timex.range
    assert span is not None  # anchors_happening
    offset = sentence.start
    local = (timex.start - offset, timex.end - offset)
    mentions = actors.between(sentence.start, sentence.end)
    spans = [(m.start - offset, m.end - offset) for m in mentions]
    begin, stop = clause_bounds(sentence.text, *local)
    event_id = f"{article.doc_id}:{timex.start}"
    names = [m.name for m in mentions]
    text = label(sentence.text, local, spans, other_dates, (begin, stop))
    referred = text
    if text.startswith(("This ", "That ", "It ")):
        referred = referred_happening(text, article.text[slice(*previous)])
    if referred != text:  # "This could happen": who acts in the happening referred to
        text = referred
        named = actors.names_between(*previous)
        names += [n for n in named if n.split()[-1] in text]
    reference, person = meant
    if person is not None:
        names = [person, *names]
        text = name_pronoun(text, person, reference)
    if starts_with_pronoun(text):  # "by February he had": the person last named before
        person = actors.last_person_before(sentence.start) or actors.main_person
        text = name_pronoun(text, person)
        names = [person, *names] if person else names
    standing = organisation_subject(text)
    if standing:  # "It said", "The company expects": the organisation last named
        named = actors.last_organisation_before(timex.start)
        if named is not None:
            text = name_pronoun(text, named, standing)
            names = [named, *names]
    return {
        "event_id": event_id,
        "doc_id": article.doc_id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "published_from": article.published_from,
        "date_start": span.start,
        "date_end": span.end,
        "precision": span.precision,
        "timex": timex.text,
        "timex_value": timex.value,
        "anchor": timex.anchor,
        "timex_start": timex.start,
        "timex_end": timex.end,
        "sentence": sentence.text,
        "sentence_start": sentence.start,
        "label": text,
        "actors": list(dict.fromkeys(names)),
        "modality": modality(sentence.text[begin:stop], span.start, span.end, article.published),
        "cluster_id": event_id,
        "conflict": False,
    }
