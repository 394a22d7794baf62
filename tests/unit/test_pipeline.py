"""One extraction sequence for every path: the runner, any chunking, the upload form and
``serve`` give the events ``dateline extract`` prints, with dates decided over the whole batch."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from corpora import SEED_000, SEED_001, SEEDS, fail_on_problem, seeds_around

from extract import pipeline, serialize
from extract.article import Article
from extract.read.readers import read_articles
from extract.run.local import run

SEED_DAY = pd.Timestamp(date(2024, 6, 20))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 Reuters stories between the undated seeds, and the events printed to stdout."""
    folder = tmp_path_factory.mktemp("corpus")
    path = seeds_around(folder, 40)
    frame, articles = pipeline.extract_paths([path], on_problem=fail_on_problem)
    return path, frame, articles


def seed_article(stem: str) -> Article:
    """A seed with its date given, as the upload form would pass it."""
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    return Article(stem, text, published=date(2024, 6, 20), published_from="given")


def published_of(frame: pd.DataFrame, doc_id: str) -> set:
    return set(frame.loc[frame["doc_id"] == doc_id, "published"])


def test_seed_000_borrows_the_date_of_seed_001_from_the_other_end_of_the_batch(corpus):
    _, frame, articles = corpus
    assert published_of(frame, SEED_000) == published_of(frame, SEED_001) == {SEED_DAY}
    first = next(a for a in articles if a.doc_id == SEED_000)
    assert first.published_from == "inferred"
    assert first.evidence[0].startswith(f"same story as {SEED_001}")


@pytest.mark.parametrize("chunk_size", [1, 5, 256])
def test_the_runner_writes_the_printed_events_however_small_its_chunks(
    corpus, tmp_path, chunk_size
):
    path, frame, _ = corpus
    summary = run([path], tmp_path / "events.parquet", workers=1, chunk_size=chunk_size,
                  on_problem=fail_on_problem)
    assert summary.articles == 42
    assert summary.chunks == -(-42 // chunk_size)
    pd.testing.assert_frame_equal(serialize.read(summary.output), frame)


def test_clustering_runs_once_over_every_event_of_the_batch(corpus, tmp_path, monkeypatch):
    path, frame, _ = corpus
    calls = []
    real = pipeline.assign_clusters
    monkeypatch.setattr(pipeline, "assign_clusters", lambda f: calls.append(len(f)) or real(f))
    run([path], tmp_path / "events.json", workers=1, chunk_size=4, on_problem=fail_on_problem)
    assert calls == [len(frame)]


def test_a_bad_line_is_reported_once_though_the_batch_is_read_again(corpus, tmp_path):
    path, frame, _ = corpus
    broken = tmp_path / "broken.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    problems: list = []
    summary = run([broken], tmp_path / "events.parquet", workers=1, chunk_size=8,
                  on_problem=problems.append)
    assert [p.where for p in problems] == [f"{broken}:2"]
    assert "malformed JSON" in problems[0].reason
    assert summary.articles == 42 and summary.events == len(frame)


def test_an_upload_extracts_only_the_new_articles_and_leaves_the_old_rows_as_they_were(corpus):
    from dashboard.store.corpus import Corpus

    path, _, _ = corpus
    articles = list(read_articles([path], on_problem=fail_on_problem))
    first, rest = articles[:20], articles[20:]
    shown, dated = pipeline.extract_articles(first)
    app = Corpus(shown, {a.doc_id: a for a in dated})
    app.add_articles(rest)
    alone, _ = pipeline.extract_articles(rest)
    added = app.frame.iloc[len(shown):].reset_index(drop=True)
    pd.testing.assert_frame_equal(app.frame.iloc[: len(shown)], shown)
    unclustered = ["cluster_id", "conflict", "actors"]
    pd.testing.assert_frame_equal(added.drop(columns=unclustered),
                                  alone.drop(columns=unclustered))


def test_serve_extracts_articles_through_the_pipeline(corpus):
    from dashboard.store.open import load

    path, frame, articles = corpus
    shown, read = load([path])
    pd.testing.assert_frame_equal(shown, frame)
    assert read == articles


def test_an_upload_onto_a_saved_events_file_clusters_with_its_rows():
    from dashboard.store.corpus import Corpus

    saved, _ = pipeline.extract_articles([seed_article(SEED_001)])
    app = Corpus(saved)  # a saved events file: rows, no texts
    app.add_articles([seed_article(SEED_000)])
    documents = app.frame.groupby("cluster_id")["doc_id"].nunique()
    assert documents.max() == 2, "the seeds report the same happenings: some cluster spans both"


def test_the_dating_step_gets_the_same_facts_without_the_texts_of_dated_articles() -> None:
    from extract.pipeline import Chunk, _for_dating, collect_chunk

    dated = Article("d", "On Thursday Rutte won.", published=date(2024, 6, 20))
    undated = Article("u", "Rutte withdrew on Thursday, June 20, 2024.")
    chunk = Chunk(0, (dated, undated))
    light = _for_dating(chunk)
    assert [a.text for a in light.articles] == ["", undated.text]
    assert collect_chunk(light) == collect_chunk(chunk)


# --- the per-article work budget ----------------------------------------------------------------


def test_an_article_over_the_work_budget_is_cut_said_once_and_the_batch_kept():
    long = Article("long", "The vote was on 3 March 2021. " + "March 2021 " * 300,
                   published=date(2024, 6, 20))
    short = Article("short", "Talks resumed on 4 May 2022.", published=date(2024, 6, 20))
    problems: list = []
    frame, articles = pipeline.extract_articles([long, short], budget=200,
                                                on_problem=problems.append)
    assert [str(p) for p in problems] == [
        "long: cut to its first 200 of 3,330 characters: longer articles are over the work "
        "budget of one article (200, ARTICLE_BUDGET); the rest of the batch is kept"
    ]
    assert [len(a.text) for a in articles] == [200, len(short.text)]
    assert articles[0].text == long.text[:200]  # a prefix: every offset still points right
    assert frame["doc_id"].value_counts().to_dict() == {"long": 16, "short": 1}
    assert frame["timex_end"].max() <= 200
