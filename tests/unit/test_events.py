"""Events: every dated mention that anchors a happening becomes one row of the schema."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from corpora import REUTERS, reuters_articles
from hypothesis import given, settings
from hypothesis import strategies as st
from operations import work
from seed_timexes import DOC_000, DOC_001, PUBLISHED, seed_articles, seed_event, seed_tagger

from extract import schema
from extract.article import Article
from extract.events.rows import MAX_SENTENCE, anchors_happening, article_events, extract_events
from extract.timex.tagger import Timex


def test_the_seed_frame_follows_the_schema(seed_frame: pd.DataFrame) -> None:
    schema.validate(seed_frame)
    assert len(seed_frame) == 33
    assert set(seed_frame["doc_id"]) == {DOC_000, DOC_001}


def test_durations_and_vague_references_are_not_events(seed_frame: pd.DataFrame) -> None:
    assert not set(seed_frame["timex"]) & {
        "the coming days", "almost 14 years", "four-year", "currently", "more than two years",
        "now", "three years",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("doc_id", "before", "timex", "start", "end", "precision", "label", "modality", "actors"),
    [
        (DOC_000, "withdrew on ", "Thursday", "2024-06-20", "2024-06-20", "day",
         "Klaus Iohannis withdrew", "happened",
         ["Netherlands", "Mark Rutte", "NATO", "Romania", "Klaus Iohannis"]),
        (DOC_000, "ends on ", "October 1", "2024-10-01", "2024-10-01", "day",
         "Mark Rutte should take over when Jens Stoltenberg’s term ends", "expected",
         ["Mark Rutte", "NATO", "Jens Stoltenberg"]),
        (DOC_000, "Istanbul in ", "April", "2024-04-01", "2024-04-30", "month",
         "Rutte overcame Turkish reluctance with a visit to Istanbul", "happened",
         ["Mark Rutte", "Turkey", "Hungary", "Viktor Orban", "European Union"]),
        (DOC_000, "summit ", "this week", "2024-06-17", "2024-06-23", "week",
         "Rutte sealed a deal with Hungary’s Viktor Orban at a European Union summit", "happened",
         ["Mark Rutte", "Turkey", "Hungary", "Viktor Orban", "European Union"]),
        (DOC_000, "Washington ", "next month", "2024-07-01", "2024-07-31", "month",
         "NATO summit in Washington", "expected", ["Klaus Iohannis", "Mark Rutte", "NATO"]),
        (DOC_000, "the ", "2014", "2014-01-01", "2014-12-31", "year",
         "downing of Malaysia Airlines flight MH17", "happened",
         ["Netherlands", "Malaysia Airlines", "Ukraine", "Russia"]),
        (DOC_001, "NATO on ", "Thursday", "2024-06-20", "2024-06-20", "day",
         "Klaus Iohannis withdrew his candidacy to lead NATO", "happened",
         ["Romania", "Klaus Iohannis", "NATO", "Mark Rutte"]),
        (DOC_001, "as ", "next week", "2024-06-24", "2024-06-30", "week",
         "Rutte could be formally elected to a four-year term", "hypothetical",
         ["NATO", "Mark Rutte"]),
        (DOC_001, "expires in ", "October", "2024-10-01", "2024-10-31", "month",
         "One diplomat said Jens Stoltenberg should stay until his mandate expires", "expected",
         ["NATO", "Jens Stoltenberg"]),
        (DOC_001, "announced ", "last July", "2023-07-01", "2023-07-31", "month",
         "Rutte announced he would not seek re-election in the Netherlands", "happened",
         ["Mark Rutte", "Netherlands"]),
        (DOC_001, "radio in ", "October", "2023-10-01", "2023-10-31", "month",
         "Rutte told Dutch radio he found the job as NATO’s civilian head very interesting",
         "happened",
         ["Mark Rutte", "Netherlands", "NATO", "United States"]),
        (DOC_001, "a ", "2015", "2015-01-01", "2015-12-31", "year",
         "English-language Dutch News published a profile", "happened",
         ["Mark Rutte", "Dutch News"]),
    ],
)  # fmt: skip
def test_seed_events(
    seed_frame: pd.DataFrame, doc_id: str, before: str, timex: str, start: str, end: str,
    precision: str, label: str, modality: str, actors: list[str],
) -> None:  # fmt: skip
    row = seed_event(seed_frame, doc_id, before, timex)
    assert row["timex"] == timex
    assert (str(row["date_start"].date()), str(row["date_end"].date())) == (start, end)
    assert row["precision"] == precision
    assert row["label"] == label
    assert row["modality"] == modality
    assert row["actors"] == actors


def test_offsets_point_back_into_the_article(seed_frame: pd.DataFrame) -> None:
    texts = {a.doc_id: a.text for a in seed_articles()}
    for row in seed_frame.itertuples():
        text = texts[row.doc_id]
        assert text[row.timex_start : row.timex_end] == row.timex
        assert text[row.sentence_start : row.sentence_start + len(row.sentence)] == row.sentence
        assert row.sentence_start <= row.timex_start < row.sentence_start + len(row.sentence)
        assert row.event_id == f"{row.doc_id}:{row.timex_start}"


def test_the_article_fields_are_copied_to_every_row(seed_frame: pd.DataFrame) -> None:
    assert set(seed_frame["published"].dt.date) == {PUBLISHED}
    assert set(seed_frame["published_from"]) == {"given"}
    assert set(seed_frame["source"]) == {"seed 000", "seed 001"}


def test_both_seeds_withdrawal_mentions_share_a_cluster(seed_frame: pd.DataFrame) -> None:
    first = seed_event(seed_frame, DOC_000, "withdrew on ", "Thursday")
    second = seed_event(seed_frame, DOC_001, "NATO on ", "Thursday")
    assert first["cluster_id"] == second["cluster_id"]
    assert not first["conflict"] and not second["conflict"]


def test_the_washington_summit_is_one_cluster_across_the_seeds(seed_frame: pd.DataFrame) -> None:
    next_month = seed_event(seed_frame, DOC_000, "Washington ", "next month")
    july = seed_event(seed_frame, DOC_001, "Washington in ", "July")
    assert next_month["cluster_id"] == july["cluster_id"]


def test_article_events_gives_unclustered_rows_in_text_order() -> None:
    rows = article_events(seed_articles()[0], seed_tagger)
    assert [r["cluster_id"] for r in rows] == [r["event_id"] for r in rows]
    assert [r["timex_start"] for r in rows] == sorted(r["timex_start"] for r in rows)
    assert set(rows[0]) == set(schema.COLUMNS)


@pytest.mark.parametrize(
    ("type_", "value", "anchors"),
    [
        ("DATE", "2024-06-20", True), ("TIME", "2024-06-20T15:00", True),
        ("DATE", "2024-W25", True), ("DATE", "1949", True), ("DATE", "PRESENT_REF", False),
        ("DATE", "FUTURE_REF", False), ("DATE", "XXXX-10", False), ("DURATION", "P4Y", False),
        ("SET", "XXXX-WXX-2", False), ("DATE", "-0044", False),
    ],
)  # fmt: skip
def test_which_expressions_anchor_a_happening(type_: str, value: str, anchors: bool) -> None:
    assert anchors_happening(Timex(0, 1, "x", type_, value)) is anchors


def test_an_article_without_dates_or_publication_date_gives_no_rows() -> None:
    article = Article("empty", "Nothing dated happens here.")
    assert article_events(article, lambda text, published: []) == []
    schema.validate(extract_events([article], tagger=lambda text, published: []))


def test_a_date_outside_any_sentence_text_is_still_placed() -> None:
    text = "HEADLINE 1987\n\nShares rose in March 1987."
    tagger = lambda t, p: [Timex(9, 13, "1987", "DATE", "1987")]  # noqa: E731
    rows = article_events(Article("h", text, published=date(1987, 3, 2)), tagger)
    assert [r["sentence"] for r in rows] == ["HEADLINE 1987"]


def test_with_the_real_tagger_both_withdrawals_share_a_cluster() -> None:
    frame = extract_events(seed_articles())
    schema.validate(frame)
    ids = frame.set_index("event_id")["cluster_id"]
    text_000, text_001 = (a.text for a in seed_articles())
    first = f"{DOC_000}:{text_000.index('withdrew on Thursday') + len('withdrew on ')}"
    second = f"{DOC_001}:{text_001.index('NATO on Thursday') + len('NATO on ')}"
    assert ids[first] == ids[second]


def _run_on(repeats: int) -> tuple[Article, list[Timex]]:
    """A table pasted as one "sentence": no full stop, two dates every 62 characters."""
    import re

    text = "Sales rose to 5,000 in 1987, Mr Smith said, vs 4,000 in 1986 " * repeats
    found = [
        Timex(m.start(), m.end(), m.group(), "DATE", m.group())
        for m in re.finditer(r"19\d\d", text)
    ]
    return Article("table", text), found


def test_a_run_on_sentence_is_cut_around_each_date() -> None:
    article, found = _run_on(100)
    text = article.text
    rows = article_events(article, lambda t, p: found)
    assert len(rows) == 200
    for row in rows:
        assert len(row["sentence"]) <= MAX_SENTENCE
        assert text[row["sentence_start"] :].startswith(row["sentence"])
        assert row["sentence_start"] <= row["timex_start"] < row["sentence_start"] + MAX_SENTENCE


def test_each_further_stretch_of_a_run_on_sentence_costs_the_same_work() -> None:
    # Each date's label, actors and modality once looked at the whole run-on sentence: work grew
    # with dates x sentence length (minutes for a long table). Cut to MAX_SENTENCE around each
    # date it is linear: the 3rd stretch of 20 table lines costs what the 2nd did.
    costs = []
    for repeats in (20, 40, 60):
        article, found = _run_on(repeats)
        budget = 4 * costs[-1] if costs else None  # a quadratic regression stops here, quickly
        rows, cost = work(article_events, article, lambda t, p, found=found: found, limit=budget)
        assert len(rows) == 2 * repeats
        costs.append(cost)
    second, third = costs[1] - costs[0], costs[2] - costs[1]
    assert third <= 1.1 * second, f"the 3rd stretch cost {third / second:.2f}x the 2nd"


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="Ab Mr. Rutte,;:“”’'-\n0123 NATO Iohannis withdrew said", max_size=120),
    st.lists(st.tuples(st.integers(0, 120), st.integers(1, 12)), max_size=4),
)
def test_any_text_with_any_dated_spans_gives_a_valid_frame(
    text: str, spans: list[tuple[int, int]]
) -> None:
    def tagger(t: str, published: date | None) -> list[Timex]:
        found, end = [], 0
        for start, width in sorted(spans):
            start = max(start, end)
            stop = min(len(t), start + width)
            if start < stop:
                found.append(Timex(start, stop, t[start:stop], "DATE", "2024-06-20"))
                end = stop
        return found

    frame = extract_events([Article("x", text, published=PUBLISHED)], tagger=tagger)
    schema.validate(frame)
    for row in frame.itertuples():
        assert text[row.sentence_start : row.sentence_start + len(row.sentence)] == row.sentence


def _years(text: str, published: date | None) -> list[Timex]:
    """A trivial tagger: every 19xx, so that speed measures event extraction alone."""
    import re

    return [Timex(m.start(), m.end(), m.group(), "DATE", m.group())
            for m in re.finditer(r"\b19[5-9]\d\b", text)]  # fmt: skip


@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpora")
def test_event_extraction_work_grows_linearly_with_the_length_of_reuters_text() -> None:
    # Speed itself is benchmarks/extract_speed.py's; here: nothing per date rescans the article
    # (sentence lookup, actors, the last person named), which would make long articles crawl.
    stories = [article.text for article in reuters_articles(200)]
    half = Article("half", "\n\n".join(stories[:100]), published=date(1987, 3, 1))
    whole = Article("whole", "\n\n".join(stories), published=date(1987, 3, 1))
    rows, once = work(article_events, half, _years)
    assert rows
    _, twice = work(article_events, whole, _years, limit=4 * once)
    growth = len(whole.text) / len(half.text)
    assert twice <= 1.2 * growth * once, f"{twice / once:.2f}x the work for {growth:.2f}x the text"
