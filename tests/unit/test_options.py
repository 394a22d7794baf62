"""The actor and article dropdowns carry a few options and search the rest on the server."""

from __future__ import annotations

import functools
from datetime import date

from dashboard.store.corpus import Corpus
from dashboard.store.synthetic import synthetic_frame
from dashboard.ui.options import MATCHES, PRELOADED, actor_options, doc_options


@functools.cache
def big() -> Corpus:
    """3,000 events from 400 articles (shared: no test here adds to it)."""
    return Corpus(synthetic_frame(3_000, seed=3, docs=400))


def test_a_fresh_page_carries_only_the_most_frequent_actors_and_the_first_articles():
    corpus = big()
    actors = actor_options(corpus)
    assert len(doc_options(corpus)) == PRELOADED < len(corpus.source_options())
    assert [o["value"] for o in actors] == [n for n, _ in corpus.actor_counts()][:PRELOADED]


def test_a_search_answers_with_the_matching_articles_only():
    corpus = big()
    found = doc_options(corpus, "DOC00037")
    assert found and len(found) <= MATCHES
    assert all("doc00037" in o["label"].lower() for o in found)


def test_a_chosen_value_stays_among_the_options_whatever_is_searched():
    corpus = big()
    last = corpus.source_options()[-1]
    found = doc_options(corpus, "no such article", chosen=[last[0]])
    assert found == [{"label": last[1], "value": last[0]}]


def test_an_actor_search_ignores_case_and_finds_names_inside_the_label():
    corpus = big()
    name = corpus.actor_counts()[-1][0]
    found = actor_options(corpus, name.split()[-1].upper())
    assert name in [o["value"] for o in found]


def test_a_page_opened_after_an_upload_shows_the_new_counts_and_actor():
    from dashboard.store.synthetic import seed_like_articles, seed_like_frame
    from dashboard.ui.app import create_app
    from extract.article import Article

    app = create_app(seed_like_frame(), seed_like_articles())
    client = app.server.test_client()
    assert b"Anna Kowalczyk" not in client.get("/_dash-layout").data
    app.server.config["DATELINE_CORPUS"].add_articles([Article(
        "new", "Foreign Minister Anna Kowalczyk of Poland resigned on 3 July 2024.",
        published=date(2024, 7, 4))])
    layout = client.get("/_dash-layout").data
    assert b"Anna Kowalczyk (1)" in layout and b">3<" not in layout
    assert b'"3"' in layout or b"3 articles" in layout or b'"children": "3"' in layout


def test_the_layout_of_a_large_corpus_stays_under_100_kb():
    from dashboard.ui.app import create_app

    app = create_app(synthetic_frame(5_000, seed=4, docs=2_000))
    assert len(app.server.test_client().get("/_dash-layout").data) < 100_000


def test_the_lists_kept_across_an_upload_match_the_ones_asked_of_the_new_store():
    from dashboard.store.synthetic import seed_like_articles, seed_like_frame
    from extract.article import Article

    corpus = Corpus(seed_like_frame(), seed_like_articles())
    corpus.summary(), corpus.source_options(), corpus.precisions()  # remembered
    corpus.add_articles([Article(
        "new", "Foreign Minister Anna Kowalczyk of Poland resigned on 3 July 2024. "
        "Mark Rutte said on Friday he would meet her.", title="A", published=date(2024, 7, 4))])
    store = corpus.store
    assert corpus.actor_counts() == store.actor_counts()
    assert corpus.source_options() == store.source_options()
    assert corpus.precisions() == store.precisions()
    assert corpus.doc_ids() == store.doc_ids() | set(corpus.articles)
    kept = corpus.summary()
    corpus._memo = {}  # asked afresh
    assert kept == corpus.summary() and kept.articles == 3
