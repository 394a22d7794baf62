"""From articles to rows of the events frame: one row per dated mention that anchors a happening.

Why these mentions: a timeline can only place what the calendar pins down. A DATE or TIME
expression whose value has a range ("on Thursday", "last July", "the 2022 Russian invasion",
"a 2015 profile in Dutch News") anchors something that happened, is planned or was written at
that time, so it becomes a row. Durations ("almost 14 years"), sets ("every week"), reference
words ("currently", "in the coming days") and values with unknown parts (``XXXX-10``) place
nothing on the calendar and are left out; so are expressions that do not fall inside a sentence
(nothing to describe them with). A run-on "sentence" (a table, a list without full stops) is cut
to ``MAX_SENTENCE`` characters around the date.

``article_events`` works on one article (so callers can spread articles over processes);
``extract_events`` runs it over a batch and then ``cluster.assign_clusters``, which also merges
lone surnames with full names seen elsewhere in the batch.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pandas as pd

from extract import schema
from extract.article import Article
from extract.events.actors import DocumentActors
from extract.events.cluster import assign_clusters
from extract.events.labels import label, name_pronoun, starts_with_pronoun
from extract.events.modality import modality
from extract.language.sentences import Sentence, SentenceIndex, clause_bounds
from extract.timex.tagger import Timex, tag

Tagger = Callable[[str, date | None], list[Timex]]

EVENT_TYPES = frozenset({"DATE", "TIME"})
MAX_SENTENCE = 600  # characters of context kept around a date in a run-on sentence


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
    starts = [t.start for t in timexes]
    if not timexes:
        return []
    sentences = SentenceIndex(text)
    actors = DocumentActors(text)
    rows = []
    for timex in timexes:
        sentence = sentences.at(timex.start)
        if sentence is None or timex.end > sentence.end:
            continue
        window = _window(text, sentence, timex)
        nearby = timexes[bisect_left(starts, window.start) : bisect_left(starts, window.end)]
        others = [
            (t.start - window.start, t.end - window.start)
            for t in nearby
            if t is not timex and t.end <= window.end
        ]
        rows.append(_row(article, timex, window, actors, others))
    return rows


def _window(text: str, sentence: Sentence, timex: Timex) -> Sentence:
    """The sentence, or for a run-on "sentence" (a table, a list without full stops) the
    ``MAX_SENTENCE`` characters around the date, cut at spaces: labels, actors and the frame
    stay small and the work per date stays bounded."""
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return sentence
    half = (MAX_SENTENCE - (timex.end - timex.start)) // 2
    start = max(sentence.start, timex.start - half)
    end = min(sentence.end, timex.end + half)
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
) -> dict[str, Any]:
    span = timex.range
    assert span is not None  # anchors_happening
    offset = sentence.start
    local = (timex.start - offset, timex.end - offset)
    mentions = actors.between(sentence.start, sentence.end)
    spans = [(m.start - offset, m.end - offset) for m in mentions]
    begin, stop = clause_bounds(sentence.text, *local)
    event_id = f"{article.doc_id}:{timex.start}"
    names = [m.name for m in mentions]
    text = label(sentence.text, local, spans, other_dates)
    if starts_with_pronoun(text):  # "He told Dutch radio": the person last named before
        person = actors.last_person_before(sentence.start)
        text = name_pronoun(text, person)
        names = [person, *names] if person else names
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
