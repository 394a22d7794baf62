"""An upload joins the clusters already there without clustering everything again: a new
report of a saved happening takes its cluster, names follow the corpus, far rows are not read."""

from __future__ import annotations

from datetime import date

import pandas as pd
from corpora import SEED_000, SEED_001, SEEDS

from extract import schema
from extract.article import Article
from extract.events.join import join_clusters, reach
from extract.pipeline import extract_articles


def seed(stem: str) -> Article:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    return Article(stem, text, published=date(2024, 6, 20), published_from="given")


def with_saved_partner(frame: pd.DataFrame, saved_doc: str) -> set[str]:
    """Event ids of rows not from ``saved_doc`` whose cluster holds a row from it."""
    clusters = set(frame.loc[frame["doc_id"] == saved_doc, "cluster_id"])
    new = frame[frame["doc_id"] != saved_doc]
    return set(new.loc[new["cluster_id"].isin(clusters), "event_id"])


def test_a_new_report_joins_the_saved_clusters_it_would_join_in_one_batch():
    saved, _ = extract_articles([seed(SEED_001)])
    new, _ = extract_articles([seed(SEED_000)])
    together, _ = extract_articles([seed(SEED_001), seed(SEED_000)])
    known = {name for names in saved["actors"] for name in names}
    joined = join_clusters(new, saved, known)
    expected = with_saved_partner(together, SEED_001)
    assert expected, "the seeds report the same happenings"
    assert with_saved_partner(pd.concat([saved, joined]), SEED_001) == expected


def test_a_joined_row_takes_the_saved_cluster_id_and_its_conflict_flag():
    saved, _ = extract_articles([seed(SEED_001)])
    flagged = saved.assign(conflict=True)
    new, _ = extract_articles([seed(SEED_000)])
    joined = join_clusters(new, flagged)
    partners = joined[joined["cluster_id"].isin(set(saved["cluster_id"]))]
    assert len(partners) and partners["conflict"].all()


def _row(event_id: str, doc_id: str, day: str, actors: list[str], label: str) -> dict:
    return {
        "event_id": event_id, "doc_id": doc_id, "title": "", "source": "", "url": "",
        "published": day, "published_from": "given", "date_start": day, "date_end": day,
        "precision": "day", "timex": "on Monday", "timex_value": day, "timex_start": 0,
        "timex_end": 9, "sentence": label, "sentence_start": 0, "label": label,
        "actors": actors, "modality": "happened", "cluster_id": event_id, "conflict": False,
    }


def test_a_lone_surname_in_a_new_article_takes_the_full_name_the_corpus_knows():
    new = schema.from_records([_row("n:0", "n", "2024-06-20", ["Kowalczyk"],
                                    "Kowalczyk resigned")])
    joined = join_clusters(new, schema.empty_frame(), {"Anna Kowalczyk", "Poland"})
    assert joined["actors"].tolist() == [["Anna Kowalczyk"]]


def test_saved_rows_without_a_shared_actor_or_years_away_are_not_compared():
    new = schema.from_records([_row("n:0", "n", "2024-06-20", ["Anna Kowalczyk"],
                                    "Anna Kowalczyk resigned")])
    saved = schema.from_records([
        _row("a:0", "a", "2024-06-20", ["Anna Kowalczyk"], "Anna Kowalczyk resigned"),
        _row("b:0", "b", "2020-06-20", ["Anna Kowalczyk"], "Anna Kowalczyk resigned"),
        _row("c:0", "c", "2024-06-20", ["Mark Rutte"], "Mark Rutte resigned"),
    ])
    actors, lo, hi = reach(new)
    assert actors == {"Anna Kowalczyk"} and lo < pd.Timestamp("2024-06-20") < hi
    joined = join_clusters(new, saved)
    assert joined["cluster_id"].tolist() == ["a:0"]
