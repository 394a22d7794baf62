"""Deterministic events frames for tests, demos and benchmarks.

Why: the dashboard must be built and measured without waiting for extraction, and a benchmark is
only comparable run to run when its data is. ``seed_like_frame`` mirrors what the two seed
articles yield (a dense June 2024 beside 1949, 2010, 2014 ...); ``synthetic_frame`` scales to a
million rows from ``random.Random(42)``. Both return frames that pass ``schema.validate``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pandas as pd

from extract.article import Article
from extract.schema import COLUMNS, from_records

PUBLISHED = date(2024, 6, 20)

_DOCS = {
    "000": ("Rutte clinches the race to lead NATO", "seed 000"),
    "001": ("Rutte secures the final support to become NATO's next secretary general", "seed 001"),
}

# One block per event: "doc | start | end | precision | modality | cluster" ("-": its own),
# then "timex | label | actors", then the sentence (wrapped; lines are joined with a space).
_SEED_TABLE = """
000 | 2024-06-20 | 2024-06-20 | day | happened | withdrawal
on Thursday | Iohannis withdraws from the NATO race | Klaus Iohannis; Mark Rutte; NATO
Outgoing Dutch Prime Minister Mark Rutte clinched the race to become NATO's next chief, after
the only rival, Romanian President Klaus Iohannis, withdrew on Thursday.

001 | 2024-06-20 | 2024-06-20 | day | happened | withdrawal
on Thursday | Iohannis withdraws, Rutte unopposed | Klaus Iohannis; Mark Rutte
Iohannis withdrew from the race on Thursday, leaving Rutte unopposed.

000 | 2024-10-01 | 2024-10-01 | day | expected | -
October 1 | Stoltenberg's term ends | Jens Stoltenberg; NATO
He should take over when current chief Jens Stoltenberg's term ends on October 1.

000 | 1949-01-01 | 1949-12-31 | year | happened | -
1949 | NATO is founded | NATO
He will become the fourth Dutchman to lead NATO since its founding in 1949.

000 | 2024-11-01 | 2024-11-30 | month | expected | -
November | US presidential election | Donald Trump; United States
Donald Trump fights to regain the US presidency in November.

000 | 2024-04-01 | 2024-04-30 | month | happened | -
in April | Rutte visits Istanbul | Mark Rutte; Turkey
Rutte overcame Turkish reluctance with a visit to Istanbul in April.

000 | 2024-06-17 | 2024-06-23 | week | happened | -
this week | Rutte seals a deal with Orban | Mark Rutte; Viktor Orban; European Union
He sealed a deal with Hungary's Viktor Orban at a European Union summit this week.

000 | 2024-07-01 | 2024-07-31 | month | expected | -
next month | NATO summit in Washington | NATO; Mark Rutte
A smooth appointment for Rutte before a NATO summit in Washington next month.

000 | 2024-06-18 | 2024-06-18 | day | happened | -
on Tuesday | Stoltenberg backs Rutte in Washington | Jens Stoltenberg; Mark Rutte
Stoltenberg said during a visit to Washington on Tuesday.

000 | 2010-01-01 | 2010-12-31 | year | happened | -
2010 | Rutte becomes prime minister | Mark Rutte; Netherlands
He will have to use all the skills acquired during almost 14 years in charge of the Netherlands
since 2010.

001 | 2024-06-18 | 2024-06-18 | day | happened | -
on Tuesday | Rutte writes to Orban | Mark Rutte; Viktor Orban
Rutte wrote a letter on Tuesday to Hungary's prime minister.

001 | 2022-01-01 | 2022-12-31 | year | happened | -
since 2022 | Hungary blocks the Ukraine fund | Hungary; European Union; Ukraine
Hungary has blocked the full use of an EU fund for Ukraine since 2022.

001 | 2014-01-01 | 2014-12-31 | year | happened | -
in 2014 | Russia annexes Crimea | Russia; Ukraine
Russia annexed Crimea in 2014.

001 | 2023-10-01 | 2023-10-31 | month | happened | -
in October | Rutte says he will leave politics | Mark Rutte
Rutte told Dutch radio in October that he would leave politics.

001 | 2023-07-01 | 2023-07-31 | month | happened | -
last July | Rutte's coalition collapses | Mark Rutte; Netherlands
His coalition collapsed last July.

001 | 2021-01-01 | 2021-12-31 | year | happened | -
in 2021 | NATO agrees defence plans | NATO
NATO countries agreed in 2021 to new defence plans.

001 | 2024-06-24 | 2024-06-24 | day | expected | -
on Monday | Hungarian budget vote | Hungary
Hungary's parliament is due to vote on the budget on Monday.

001 | 2024-06-13 | 2024-06-13 | day | happened | -
June 13 | G7 leaders meet in Italy | Ukraine; Italy
Ukraine's allies met on June 13 in Italy.

001 | 2024-06-20 | 2024-06-20 | day | happened | -
Thursday | Romania backs Rutte | Romania; Klaus Iohannis
Romania's security council announced Thursday that Iohannis had retired.

000 | 2024-06-01 | 2024-08-31 | season | happened | -
this summer | Russian offensive in Ukraine | Russia; Ukraine
Kremlin forces pressed on in Ukraine this summer.
"""


def _seed_events() -> list[tuple[Any, ...]]:
    """(doc, sentence, timex, start, end, precision, label, actors, modality, cluster) rows."""
    rows = []
    for block in _SEED_TABLE.strip().split("\n\n"):
        meta, what, *sentence = block.splitlines()
        doc, start, end, precision, modality, cluster = (p.strip() for p in meta.split("|"))
        timex, label, actors = (p.strip() for p in what.split("|"))
        names = [a.strip() for a in actors.split(";")]
        rows.append(
            (
                doc,
                " ".join(sentence),
                timex,
                start,
                end,
                precision,
                label,
                names,
                modality,
                "" if cluster == "-" else cluster,
            )
        )
    return rows


_SEED_EVENTS = _seed_events()


def seed_like_articles() -> dict[str, Article]:
    """Two small articles whose text contains every sentence of ``seed_like_frame``."""
    texts: dict[str, list[str]] = {doc: [] for doc in _DOCS}
    for row in _SEED_EVENTS:
        texts[row[0]].append(row[1])
    return {
        doc: Article(
            doc_id=doc,
            text="\n\n".join(sentences) + "\n",
            title=_DOCS[doc][0],
            source=_DOCS[doc][1],
            published=PUBLISHED,
            published_from="metadata" if doc == "000" else "inferred",
            evidence=() if doc == "000" else ("the June 18 letter", "on Tuesday"),
        )
        for doc, sentences in texts.items()
    }


def seed_like_frame() -> pd.DataFrame:
    """About twenty events shaped like the seeds': mixed precisions, expected ones, one cluster."""
    articles = seed_like_articles()
    records = []
    for (
        doc,
        sentence,
        timex,
        start,
        end,
        precision,
        label,
        actors,
        modality,
        cluster,
    ) in _SEED_EVENTS:
        text = articles[doc].text
        sentence_start = text.index(sentence)
        timex_start = sentence_start + sentence.index(timex)
        records.append(
            _record(
                doc,
                articles[doc],
                sentence,
                sentence_start,
                timex,
                timex_start,
                start,
                end,
                precision,
                label,
                actors,
                modality,
                cluster,
            )
        )
    return from_records(records)


def _record(
    doc: str,
    article: Article,
    sentence: str,
    sentence_start: int,
    timex: str,
    timex_start: int,
    start: str,
    end: str,
    precision: str,
    label: str,
    actors: list[str],
    modality: str,
    cluster: str,
) -> dict[str, Any]:
    return {
        "event_id": f"{doc}:{timex_start}",
        "doc_id": doc,
        "title": article.title,
        "source": article.source,
        "url": "",
        "published": article.published,
        "published_from": article.published_from,
        "date_start": start,
        "date_end": end,
        "precision": precision,
        "timex": timex,
        "timex_value": start[:7] if precision == "month" else start,
        "timex_start": timex_start,
        "timex_end": timex_start + len(timex),
        "sentence": sentence,
        "sentence_start": sentence_start,
        "label": label,
        "actors": actors,
        "modality": modality,
        "cluster_id": cluster or f"{doc}:{timex_start}",
        "conflict": False,
    }


_ACTORS = [
    "Mark Rutte",
    "NATO",
    "Jens Stoltenberg",
    "Klaus Iohannis",
    "Viktor Orban",
    "Donald Trump",
    "Joe Biden",
    "Ukraine",
    "Russia",
    "European Union",
    "Hungary",
    "Turkey",
    "Netherlands",
    "Romania",
    "United States",
    "Germany",
    "France",
    "United Kingdom",
    "Vladimir Putin",
    "China",
]
_VERBS = ["meets", "warns", "signs", "visits", "rejects", "backs", "announces", "criticises"]
_PRECISION_WEIGHTS = {"day": 60, "week": 6, "month": 18, "season": 2, "quarter": 2, "year": 12}


def synthetic_frame(n: int, *, seed: int = 42, docs: int | None = None) -> pd.DataFrame:
    """``n`` random but reproducible events between 1990 and 2025, spread over ``docs`` articles."""
    rng = random.Random(seed)
    n_docs = docs or max(1, n // 20)
    origin = date(1990, 1, 1)
    span_days = (date(2025, 12, 31) - origin).days
    precisions = list(_PRECISION_WEIGHTS)
    weights = list(_PRECISION_WEIGHTS.values())
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for i in range(n):
        doc = f"doc{rng.randrange(n_docs):06d}"
        first = origin + timedelta(days=rng.randrange(span_days))
        precision = rng.choices(precisions, weights)[0]
        start, end = _span(first, precision)
        actors = rng.sample(_ACTORS, rng.choice((1, 1, 2, 2, 3)))
        label = f"{actors[0]} {rng.choice(_VERBS)} {actors[-1] if len(actors) > 1 else 'talks'}"
        sentence = f"{label} on {start.isoformat()}."
        published = date(2025, 1, 1) - timedelta(days=rng.randrange(400))
        values = (  # in ``schema.COLUMNS`` order
            f"{doc}:{i}",
            doc,
            f"Article {doc}",
            f"Source {doc[-2:]}",
            "",
            published,
            "metadata",
            start,
            end,
            precision,
            start.isoformat(),
            start.isoformat(),
            "absolute",  # anchor: the synthetic expressions name their dates
            len(label) + 4,
            len(label) + 14,
            sentence,
            0,
            label,
            actors,
            "expected" if start > published else "happened",
            f"c{i}",
            False,
        )
        for name, value in zip(COLUMNS, values, strict=True):
            columns[name].append(value)
    return from_records(pd.DataFrame(columns).to_dict("records")) if n < 5000 else _fast(columns)




def _fast(columns: dict[str, list[Any]]) -> pd.DataFrame:
    """``from_records`` converts dates one by one; for a million rows convert whole columns."""
    from extract.schema import coerce

    frame = pd.DataFrame(columns)
    for name in ("published", "date_start", "date_end"):
        frame[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
    return coerce(frame)


def _span(first: date, precision: str) -> tuple[date, date]:
    if precision == "day":
        return first, first
    if precision == "week":
        monday = first - timedelta(days=first.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        start = first.replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
        return start, following - timedelta(days=1)
    if precision in ("season", "quarter"):
        start = first.replace(month=(first.month - 1) // 3 * 3 + 1, day=1)
        following = (start + timedelta(days=95)).replace(day=1)
        return start, following - timedelta(days=1)
    return first.replace(month=1, day=1), first.replace(month=12, day=31)


def reuters_like_frame(days: int = 2_000, *, busiest: int = 0, seed: int = 7) -> pd.DataFrame:
    """A corpus shaped like Reuters-21578 in miniature, for level-of-detail tests: ``days``
    events dated to a day of March 1987 (plus ``busiest`` more on 31 March), 600 dated only
    "1987", and 60 outliers dated to single years between 1639 and 2080."""
    rng = random.Random(seed)
    dates: list[tuple[date, date, str]] = []
    for _ in range(days):
        day = date(1987, 3, 1) + timedelta(days=rng.randrange(31))
        dates.append((day, day, "day"))
    dates += [(date(1987, 3, 31), date(1987, 3, 31), "day")] * busiest
    dates += [(date(1987, 1, 1), date(1987, 12, 31), "year")] * 600
    for _ in range(60):
        year = rng.randrange(1639, 2080)
        dates.append((date(year, 1, 1), date(year, 12, 31), "year"))
    frame = synthetic_frame(len(dates), seed=seed)
    frame["date_start"] = pd.to_datetime([s for s, _, _ in dates]).astype("datetime64[s]")
    frame["date_end"] = pd.to_datetime([e for _, e, _ in dates]).astype("datetime64[s]")
    frame["precision"] = pd.Categorical([p for _, _, p in dates], dtype=frame["precision"].dtype)
    frame["cluster_id"] = frame["event_id"]  # every event its own happening
    frame["conflict"] = False
    return frame
