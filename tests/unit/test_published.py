"""Publication-date inference: clues, scoring, batch borrowing, and never a silent guess."""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from operations import Counted

from extract.article import Article
from extract.dating import published, same_story
from extract.dating.clues import Clue, clues, tense_at
from extract.dating.posterior import posterior
from extract.dating.published import Facts, collect, decide, infer_published, with_published
from extract.dating.scoring import coarse, contradicts, infer_day
from extract.errors import InputError
from extract.timex.tagger import Timex

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_000 = "000_ae0033b23e868a57"
SEED_001 = "001_337b95fca48f7d8d"
SHARED = ROOT.parent / "shared" / "corpora"


def seed(stem: str) -> Article:
    return Article(doc_id=stem, text=(SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))


def timex(text: str, said: str, value: str, kind: str = "DATE") -> Timex:
    start = text.index(said)
    return Timex(start, start + len(said), said, kind, value)


# --- tense ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "said", "tense"),
    [
        ("Iohannis withdrew his candidacy on Thursday.", "Thursday", "past"),
        ("Stoltenberg said during a visit to Washington on Tuesday.", "Tuesday", "past"),
        ("He told Dutch radio in October that he liked the job.", "October", "past"),
        ("Stoltenberg should stay until his mandate expires in October.", "October", "future"),
        ("The term ends on October 1.", "October 1", "future"),
        ("The ministers will meet on Monday.", "Monday", "future"),
        ("It may finally be resolved in a hearing the week of March 6.", "March 6", "future"),
        ("Rutte announced last July that he would not run.", "last July", "past"),
        ("Talks resume next Tuesday.", "next Tuesday", "future"),
        ("On Thursday, Iohannis backed Rutte.", "Thursday", "past"),
        ("Shares closed at 29 dollars on Friday", "Friday", "past"),
    ],
)
def test_the_tense_around_a_date_is_read_from_nearby_words(sentence, said, tense):
    start = sentence.index(said)
    assert tense_at(sentence, start, start + len(said)) == tense


# --- clues ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said", "value", "expected"),
    [
        ("on Tuesday", "Tuesday", "XXXX-WXX-2", ("weekday", 0, 0, 0, 2)),
        ("the June 18 letter", "June 18", "XXXX-06-18", ("month_day", 0, 6, 18, 0)),
        (
            "He left on Friday, Oct. 23.",
            "Friday, Oct. 23",
            "XXXX-10-23",
            ("month_day", 0, 10, 23, 5),
        ),
        ("in 2021", "2021", "2021", ("year", 2021, 0, 0, 0)),
        ("support since 2022", "2022", "2022", ("since", 2022, 0, 0, 0)),
        ("in April 2024", "April 2024", "2024-04", ("year_month", 2024, 4, 0, 0)),
        ("in April", "April", "XXXX-04", ("month", 0, 4, 0, 0)),
        ("on 3 May 2021", "3 May 2021", "2021-05-03", ("day", 2021, 5, 3, 0)),
        (
            "at 3 p.m. on June 20",
            "3 p.m. on June 20",
            "XXXX-06-20T15:00",
            ("month_day", 0, 6, 20, 0),
        ),
    ],
)
def test_each_date_value_becomes_a_clue_of_its_kind(text, said, value, expected):
    (clue,) = clues(text, [timex(text, said, value)])
    assert (clue.kind, clue.year, clue.month, clue.day, clue.weekday) == expected


@pytest.mark.parametrize(
    ("text", "said", "value", "kind"),
    [
        ("last year", "last year", "XXXX", "DATE"),
        ("now", "now", "PRESENT_REF", "DATE"),
        ("for two years", "two years", "P2Y", "DURATION"),
        ("every Tuesday", "every Tuesday", "XXXX-WXX-2", "SET"),
        ("the following day", "the following day", "2024-06-21", "DATE"),
        ("February 30", "February 30", "XXXX-02-30", "DATE"),
        ("the 1990s", "the 1990s", "199", "DATE"),
    ],
)
def test_expressions_that_say_nothing_about_publication_give_no_clue(text, said, value, kind):
    assert clues(text, [timex(text, said, value, kind)]) == []


def test_a_weekday_and_a_date_are_linked_by_a_rare_word_near_both():
    text = "In a letter to Orban on Tuesday, he wrote. Court rulings. Later, the June 18 letter."
    found = clues(
        text, [timex(text, "Tuesday", "XXXX-WXX-2"), timex(text, "June 18", "XXXX-06-18")]
    )
    assert found[0].context & found[1].context == {"letter"}


# --- scoring -------------------------------------------------------------------------------


def clue(kind: str, tense: str = "past", *, context: str = "", **parts: int) -> Clue:
    return Clue(kind, kind, tense, context=frozenset(context.split()), **parts)


SEED_001_CLUES = [
    clue("since", year=2022),
    clue("weekday", weekday=4, context="secured support"),
    clue("weekday", weekday=2, context="letter orban"),
    clue("year", year=2021),
    clue("month_day", month=6, day=18, context="letter wrote"),
    clue("month", "future", month=7),
    clue("month", month=10),
]


def test_a_linked_weekday_and_month_day_and_since_fix_the_day():
    inference = infer_day(SEED_001_CLUES)
    assert inference is not None
    assert (inference.day, inference.sure) == (date(2024, 6, 20), True)
    assert "18 June is a Tuesday in 2013, 2019, 2024" in inference.evidence[0]
    assert "not before 2022" in inference.evidence[1]


def test_without_since_the_earliest_agreeing_year_after_the_latest_year_wins():
    found = [c for c in SEED_001_CLUES if c.kind != "since"]
    assert infer_day(found).day == date(2024, 6, 20)  # type: ignore[union-attr]


def test_an_unlinked_weekday_and_month_day_prove_nothing():
    found = [replace(c, context=frozenset()) for c in SEED_001_CLUES]
    inference = infer_day(found)
    assert inference is None or not inference.sure


@pytest.mark.parametrize(
    "found",
    [
        [],
        [clue("weekday", weekday=4)],
        [clue("month_day", month=6, day=18), clue("weekday", weekday=2)],
        [clue("month", month=4), clue("weekday", weekday=4)],
        [clue("year", year=2022), clue("weekday", weekday=4)],
    ],
)
def test_without_a_year_and_a_day_there_is_no_date(found):
    assert infer_day(found) is None


def test_a_dated_day_told_in_the_past_dates_the_article_shortly_after():
    found = [clue("day", year=1987, month=2, day=22), clue("weekday", weekday=4)]
    inference = infer_day(found)
    assert inference is not None
    assert date(1987, 2, 22) <= inference.day <= date(1987, 3, 1)
    assert inference.day.isoweekday() == 4


def test_a_weekday_written_with_a_date_must_agree_with_the_year():
    found = [clue("month_day", month=10, day=23, weekday=5), clue("year", year=1987)]
    inference = infer_day(found)
    assert inference is not None and inference.day.year == 1987  # 23 Oct 1987 was a Friday


def test_a_year_told_in_the_past_rules_out_earlier_days():
    assert contradicts(date(2023, 6, 1), [clue("year", year=2024)])
    assert not contradicts(date(2023, 6, 1), [clue("year", "future", year=2024)])
    assert contradicts(date(2021, 6, 1), [clue("since", year=2022)])


# --- lone articles: sentences -> inferred date or None ---------------------------------------

SEED_LIKE = (
    "Rutte wrote to Orban in a letter on Tuesday. Support has grown since 2022. "
    "In the June 18 letter, he promised. Iohannis withdrew on Thursday."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SEED_LIKE, date(2024, 6, 20)),
        (
            "The central bank said on Monday, June 1, 1987, that it cut rates. "
            "It had raised them on May 28, 1987.",
            date(1987, 6, 2),
        ),
        # a year but no day that is sure: undated rather than a guessed day
        ("The company said 1986 profit rose 12 pct. It reported the results on Tuesday.", None),
        ("The company said on Tuesday, March 3, that 1986 profit rose.", None),
        ("Talks broke down on March 3, 1987, and resumed on Friday.", None),
        ("The bonds mature on March 1, 1997.", None),
        ("Since 2022 the war has continued. Talks were held on Monday.", None),
        # no year at all: weekdays and month-days repeat for ever
        ("Shares closed higher on Friday.", None),
        ("Iohannis withdrew on Thursday, June 20, the ministry said.", None),
        ("Arrivals for the week ended February 22 were 155,221 bags.", None),
        ("", None),
    ],
)
def test_a_lone_article_is_dated_only_when_its_text_pins_the_day(text, expected):
    (article,) = infer_published([Article("x", text)])
    assert article.published == expected
    assert article.published_from == ("unknown" if expected is None else "inferred")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Shares closed higher on Friday.", "no year named in the text: not dated"),
        (
            "The company said on Tuesday, March 3, that 1986 profit rose.",
            "likeliest years: 1987 (9",
        ),
        (
            "Since 2022 the war has continued. Talks were held on Monday.",
            "written in 2022 or later",
        ),
        ("The company said 1986 profit rose 12 pct.", "likeliest years: 1987 ("),
    ],
)
def test_an_undated_article_says_what_its_text_does_establish(text, note):
    (article,) = infer_published([Article("x", text)])
    assert article.published is None
    assert any(note in item for item in article.evidence), article.evidence


def test_the_posterior_needs_a_year_and_sums_to_one():
    assert posterior([clue("month_day", month=6, day=18), clue("weekday", weekday=2)]) is None
    spread = posterior(SEED_001_CLUES)
    assert spread is not None
    assert abs(spread.prob.sum() - 1) < 1e-9
    day, within_week = spread.best()
    assert day == date(2024, 6, 20)
    assert within_week < 0.8  # the latest year told, 2021, leaves the year open
    years = spread.years()
    assert min(years) == 2022  # "since 2022": no earlier candidates
    assert years[2024] > 0.15


def test_a_weekday_written_with_a_date_picks_the_years_where_it_agrees():
    spread = posterior([clue("month_day", month=3, day=3, weekday=2), clue("year", year=1986)])
    years = spread.years()  # type: ignore[union-attr]
    assert max(years, key=years.__getitem__) == 1987  # 3 March was a Tuesday in 1987
    assert years[1987] > 0.7


def test_a_year_ago_comparison_points_to_the_next_year():
    spread = posterior([clue("month", month=2), clue("year_month", year=1986, month=2)])
    years = spread.years()  # type: ignore[union-attr]
    assert max(years, key=years.__getitem__) == 1987


def test_coarse_evidence_names_the_floor_and_the_likely_years():
    assert coarse([clue("weekday", weekday=4)]) == ("no year named in the text: not dated",)
    notes = coarse([clue("since", year=2022), clue("weekday", weekday=4)])
    assert notes[0] == "'since 2022': written in 2022 or later"


# --- batch: borrowing needs names and a day in common ----------------------------------------


def test_same_names_without_a_common_day_borrow_no_date_but_say_so():
    dated = Article(
        "d",
        "Comissaria Smith said Bahia cocoa arrivals rose. Smith expects rain in Bahia.",
        published=date(1987, 2, 26),
        published_from="given",
    )
    undated = Article("u", "Comissaria Smith said Bahia cocoa sales fell in Bahia, Smith said.")
    first, _ = infer_published([undated, dated])
    assert first.published is None
    assert any("names shared with d" in note for note in first.evidence)


def test_same_names_and_a_common_month_day_borrow_the_date():
    dated = Article(
        "d",
        "Comissaria Smith said Bahia cocoa arrivals for the week ended February 22 rose.",
        published=date(1987, 2, 26),
        published_from="given",
    )
    undated = Article("u", "Comissaria Smith said Bahia arrivals to February 22 fell.")
    first, _ = infer_published([undated, dated])
    assert first.published is not None
    assert abs((first.published - date(1987, 2, 26)).days) <= 7
    assert "both name February 22" in first.evidence


# --- the seeds -----------------------------------------------------------------------------


def test_seed_001_alone_is_dated_thursday_20_june_2024():
    (article,) = infer_published([seed(SEED_001)])
    assert (article.published, article.published_from) == (date(2024, 6, 20), "inferred")
    evidence = " | ".join(article.evidence)
    assert "18 June is a Tuesday in 2013, 2019, 2024" in evidence
    assert "not before 2022" in evidence
    assert "'Thursday' (past): 2024-06-20" in evidence


def test_seed_000_borrows_the_date_of_seed_001_and_snaps_to_its_own_thursday():
    first, second = infer_published([seed(SEED_000), seed(SEED_001)])
    assert (first.published, first.published_from) == (date(2024, 6, 20), "inferred")
    assert first.evidence[0].startswith(f"same story as {SEED_001}")
    assert "Rutte" in first.evidence[0]
    assert "'Thursday' (past): 2024-06-20" in first.evidence
    assert second.published == date(2024, 6, 20)


def test_seed_000_alone_stays_undated_rather_than_guessed_but_says_why():
    (article,) = infer_published([seed(SEED_000)])
    assert (article.published, article.published_from) == (None, "unknown")
    (note,) = article.evidence
    assert note.startswith("likeliest years: 2023 (") and "2024 (" in note


def test_a_given_date_anchors_related_undated_articles():
    dated = replace(seed(SEED_001), published=date(2024, 6, 20), published_from="given")
    first, second = infer_published([seed(SEED_000), dated])
    assert first.published == date(2024, 6, 20)
    assert second == dated


def test_unrelated_articles_borrow_nothing():
    dated = Article("d", "The Bank of Japan raised rates on Tuesday.", published=date(1990, 1, 2))
    (undated, _) = infer_published([seed(SEED_000), dated])
    assert undated.published is None


def test_dated_articles_come_back_unchanged():
    articles = [
        Article("a", "Text on Tuesday.", published=date(2024, 1, 2), published_from="given"),
        Article(
            "b", "Since 2022, on Tuesday.", published=date(2023, 5, 6), published_from="metadata"
        ),
    ]
    assert infer_published(articles) == articles


_PIECES = ["a", "b", " ", ",", ".", "Rutte ", "on Tuesday ", "June 18 ", "since 2022 ", "1987 "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=4))
def test_inference_never_raises_and_never_dates_without_evidence(texts):
    articles = [Article(f"a{i}", text) for i, text in enumerate(texts)]
    result = infer_published(articles)
    assert [a.doc_id for a in result] == [a.doc_id for a in articles]
    for article in result:
        if article.published is None:
            assert article.published_from == "unknown"
        else:
            assert article.published_from == "inferred" and article.evidence


def test_a_30_mb_article_is_inferred_from_its_top_alone(monkeypatch):
    text = seed(SEED_001).text + "Filler without dates. " * 1_400_000
    tagged = Counted(monkeypatch, published, "tag")
    (article,) = infer_published([Article("big", text)])
    assert article.published == date(2024, 6, 20)
    assert tagged.calls == 1
    assert tagged.chars <= 50_000, "only the top of the story is tagged, whatever its length"


def _story(number: int, *, dated: bool) -> Article:
    """One of two reports of story ``number``: names of its own, and a day both name."""
    name = "".join(string.ascii_lowercase[int(d)] for d in f"{number:04d}")
    text = (
        f"Minister Ka{name} met envoy Lo{name} in Port{name} on February 22. "
        f"Ka{name} and Lo{name} signed the accord on February 22, officials said."
    )
    if dated:
        return Article(f"d{number}", text, published=date(1987, 2, 26), published_from="given")
    return Article(f"u{number}", text)


def _recording(made: list):  # noqa: ANN202  (type: ignore[type-arg])
    """A stand-in for ``NameIndex`` that keeps every index it makes in ``made``."""

    def make(vectors):  # noqa: ANN001, ANN202
        made.append(same_story.NameIndex(vectors))
        return made[-1]

    return make


def test_the_work_of_dating_a_batch_grows_linearly_with_its_articles(monkeypatch):
    """Borrowing must not compare every undated article with every dated one: with an index of
    names, the postings read grow with the batch, as do taggings and day scorings."""
    work = []
    for stories in (20, 40):
        with monkeypatch.context() as patch:
            tagged = Counted(patch, published, "tag")
            scored = Counted(patch, published, "score_day")
            indexes: list[same_story.NameIndex] = []
            patch.setattr(published, "NameIndex", _recording(indexes))
            batch = [_story(n, dated=d) for n in range(stories) for d in (False, True)]
            result = infer_published(batch)
        assert all(a.published for a in result), "every undated report borrows its story's date"
        work.append((tagged.calls, scored.calls, sum(i.visited for i in indexes)))
    (tags, scores, postings), (tags2, scores2, postings2) = work
    assert tags2 == 2 * tags and scores2 == 2 * scores
    assert 0 < postings2 <= 2 * postings


# --- collect, then decide: the same dates however the batch is streamed -----------------------


def test_collect_keeps_of_each_article_only_what_deciding_needs():
    dated = collect(Article("d", "Talks resumed on Tuesday.", published=date(2024, 1, 2)))
    assert dated == Facts("d", date(2024, 1, 2))
    sure = collect(seed(SEED_001))
    assert sure.sure and sure.clues and sure.names is None, "a sure date borrows nothing"
    needy = collect(seed(SEED_000))
    assert not needy.sure and needy.names and needy.names["Rutte"] > 1


def test_decide_reads_the_texts_again_only_when_an_article_must_borrow():
    def decided(batch):
        readings = []

        def reread():
            readings.append(1)
            return iter(batch)

        return decide([collect(a) for a in batch], reread), len(readings)

    dated = replace(seed(SEED_001), published=date(2024, 6, 20), published_from="given")
    assert decided([dated]) == ({}, 0)
    assert decided([seed(SEED_001)])[1] == 0  # sure of its own date
    assert decided([seed(SEED_000)])[1] == 0  # nobody to borrow from
    decisions, readings = decided([seed(SEED_000), dated])
    assert readings == 2  # the names of the batch, then the clues of the lender
    assert decisions[0].published == date(2024, 6, 20)


def test_decisions_are_the_same_whether_the_facts_come_from_one_list_or_many_chunks():
    batch = [seed(SEED_000), *(_story(n, dated=n % 2 == 0) for n in range(6)), seed(SEED_001)]
    whole = infer_published(batch)
    chunks = [batch[start : start + 3] for start in range(0, len(batch), 3)]
    facts = [fact for chunk in chunks for fact in map(collect, chunk)]
    decided = decide(iter(facts), lambda: iter(batch))
    assert list(with_published(batch, decided)) == whole
    assert whole[0].published == date(2024, 6, 20), "seed 000 borrows from the last article"


def test_an_input_that_changes_between_readings_is_an_input_error():
    batch = [seed(SEED_000), seed(SEED_001)]
    decided = decide(map(collect, batch), lambda: batch)
    with pytest.raises(InputError, match="changed while it was being read"):
        list(with_published([seed(SEED_001), seed(SEED_000)], decided))
    with pytest.raises(InputError, match="changed while it was being read"):
        decide(map(collect, batch), lambda: batch[:1])


# --- datelines -----------------------------------------------------------------------------

PASTE = "Tuesday, 1 October 2024\n\nThe minister will meet the king on Wednesday, officials said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PASTE, date(2024, 10, 1)),
        (
            "Tuesday, 1 October 2024 The minister will meet the king on Wednesday.",
            date(2024, 10, 1),
        ),
        ("LONDON, Oct 1, 2024 (Reuters) - The bank cut rates on Monday.", date(2024, 10, 1)),
        ("The Hague, 18 June 2024 -- Rutte wrote to Orban.", date(2024, 6, 18)),
        (
            "LONDON, Oct 1 (Reuters) - The bank, which cut rates in 2024, said on Monday it "
            "would wait, after the September 30 meeting.",
            date(2024, 10, 1),
        ),
    ],
)
def test_an_article_opening_with_a_dateline_is_published_that_day(
    text: str, expected: date
) -> None:
    (article,) = infer_published([Article(doc_id="a", text=text)])
    assert article.published == expected
    assert article.published_from == "inferred"
    assert "dateline" in article.evidence[0]


@pytest.mark.parametrize(
    "text",
    [
        "1 October 2024 was a Tuesday, and the minister resigned.",
        "The minister resigned on 1 October 2024.",
        "On Tuesday, 1 October 2024, the minister, who had long been expected to go, resigned.",
    ],
)
def test_a_date_that_is_not_a_dateline_is_only_a_clue(text: str) -> None:
    (article,) = infer_published([Article(doc_id="a", text=text)])
    assert not any("dateline" in note for note in article.evidence)


def test_a_pasted_dateline_dates_the_paste_and_its_relative_dates() -> None:
    from dashboard.ui.upload import read_paste
    from extract.pipeline import extract_articles

    frame, (article,) = extract_articles(read_paste(PASTE).articles)
    assert article.published == date(2024, 10, 1)
    assert frame["timex"].tolist() == ["Wednesday"]  # the dateline itself is no happening
    assert frame["date_start"].dt.date.tolist() == [date(2024, 10, 2)]


def test_a_date_atop_a_dated_article_that_is_not_its_day_stays_a_happening() -> None:
    from extract.pipeline import extract_articles

    text = "Sept 30\n    Shr seven cts vs five cts\n"
    article = Article(doc_id="r", text=text, published=date(1987, 10, 20), published_from="given")
    frame, _ = extract_articles([article])
    assert frame["timex"].tolist() == ["Sept 30"]
    today = Article(doc_id="t", text="Today's markets are calm.\n")
    assert not any("dateline" in n for n in infer_published([today])[0].evidence)
