"""The seeds read as a timeline: every label says who did what, every person is named, and each
happening told twice is one mark (issue 12)."""

from __future__ import annotations

import pandas as pd
import pytest
from seed_timexes import DOC_000, DOC_001, seed_event

from extract.events.labels import MAX_CHARS

# (article, text just before the date, the date, its label): every event of both seeds
SEED_LABELS = [
    (DOC_000, "withdrew on ", "Thursday", "Klaus Iohannis withdrew"),
    (DOC_000, "ends on ", "October 1",
     "Mark Rutte should take over when Jens Stoltenberg’s term ends"),
    (DOC_000, "founding in ", "1949", "NATO’s founding"),
    (DOC_000, "presidency in ", "November", "Donald Trump fights to regain the US presidency"),
    (DOC_000, "the post ", "last year",
     "Rutte reclaimed the post following the collapse of his coalition"),
    (DOC_000, "Istanbul in ", "April",
     "Rutte overcame Turkish reluctance with a visit to Istanbul"),
    (DOC_000, "summit ", "this week",
     "Rutte sealed a deal with Hungary’s Viktor Orban at a European Union summit"),
    (DOC_000, "Washington ", "next month", "NATO summit in Washington"),
    (DOC_000, "announced ", "Thursday",
     "Romania’s security council announced Iohannis had formally retired"),
    (DOC_000, "Washington on ", "Tuesday",
     "Stoltenberg said Mark Rutte is a very strong candidate"),
    (DOC_000, "\n\n", "This week",
     "NATO announced 23 of its 32 member countries had met the alliance’s goal"),
    (DOC_000, "the ", "2022", "Russian invasion"),
    (DOC_000, "the ", "2014", "downing of Malaysia Airlines flight MH17"),
    (DOC_001, "since ", "2022",
     "Mark Rutte has provided more than $3 billion in military support to Ukraine"),
    (DOC_001, "2022, on ", "Thursday", "Mark Rutte secured the final support he needs"),
    (DOC_001, "NATO on ", "Thursday", "Klaus Iohannis withdrew his candidacy to lead NATO"),
    (DOC_001, "as ", "next week",
     "Rutte could be formally elected to a four-year term"),
    (DOC_001, "Washington in ", "July", "NATO summit in Washington"),
    (DOC_001, "since ", "2010", "Rutte has led the Netherlands"),
    (DOC_001, "expires in ", "October",
     "One diplomat said Jens Stoltenberg should stay until his mandate expires"),
    (DOC_001, "Hungary in ", "2021",
     "Rutte’s criticism of Hungary was seen as almost costing him the top job"),
    (DOC_001, "In ", "2021", "Orban’s government restricted LGBT content in the media and schools"),
    (DOC_001, "down ", "last week", "Orban backed down as part of an agreement"),
    (DOC_001, "Orban on ", "Tuesday",
     "Rutte said he would respect that agreement in a letter to Orban"),
    (DOC_001, "made in ", "2021", "Rutte made some remarks as Prime Minister of the Netherlands"),
    (DOC_001, "the ", "June 18",
     "Rutte wrote in the letter: some remarks have caused dissatisfaction in Hungary"),
    (DOC_001, "the ", "July", "NATO allies’ meeting in Washington"),
    (DOC_001, "On ", "Thursday", "Iohannis backed Rutte"),
    (DOC_001, "announced ", "last July",
     "Rutte announced he would not seek re-election in the Netherlands"),
    (DOC_001, "radio in ", "October",
     "Rutte told Dutch radio he found the job as NATO’s civilian head very interesting"),
    (DOC_001, "by ", "February",
     "Mark Rutte had secured support from the United States and European powers"),
    (DOC_001, "is ", "1979", "Mark Rutte’s favorite film: Hair"),
    (DOC_001, "a ", "2015", "English-language Dutch News published a profile"),
]  # fmt: skip




def test_the_table_covers_every_seed_event(seed_frame: pd.DataFrame) -> None:
    assert len(SEED_LABELS) == len(seed_frame) == 33


@pytest.mark.parametrize(("doc_id", "before", "timex", "expected"), SEED_LABELS)
def test_every_seed_event_is_labelled_by_who_did_what(
    seed_frame: pd.DataFrame, doc_id: str, before: str, timex: str, expected: str
) -> None:
    assert seed_event(seed_frame, doc_id, before, timex)["label"] == expected


def test_no_seed_label_is_long_led_by_a_pronoun_or_left_dangling(seed_frame: pd.DataFrame) -> None:
    for text in seed_frame["label"]:
        assert 0 < len(text) <= MAX_CHARS
        first, last = text.split()[0], text.split()[-1]
        assert first.lower() not in {"he", "she", "his", "her", "this", "it", "i", "some"}, text
        assert last.lower() not in {"announced", "early", "respect", "become", "the", "of"}, text


def test_the_veteran_politician_who_takes_over_on_1_october_is_mark_rutte(
    seed_frame: pd.DataFrame,
) -> None:
    handover = seed_event(seed_frame, DOC_000, "ends on ", "October 1")
    assert handover["actors"][0] == "Mark Rutte"
    for before, timex in (("founding in ", "1949"), ("the ", "2022")):  # "He ...", "The cyclist"
        assert "Mark Rutte" in seed_event(seed_frame, DOC_000, before, timex)["actors"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((DOC_000, "ends on ", "October 1"), (DOC_001, "expires in ", "October")),
        ((DOC_001, "Orban on ", "Tuesday"), (DOC_001, "the ", "June 18")),
        ((DOC_000, "withdrew on ", "Thursday"), (DOC_001, "NATO on ", "Thursday")),
    ],
)
def test_a_happening_told_twice_is_one_mark(
    seed_frame: pd.DataFrame, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    one, other = seed_event(seed_frame, *first), seed_event(seed_frame, *second)
    assert one["cluster_id"] == other["cluster_id"]
    assert not one["conflict"] and not other["conflict"]


def test_the_handover_and_the_letter_are_two_reports_each_and_keep_their_sentences(
    seed_frame: pd.DataFrame,
) -> None:
    from dashboard.chart.marks import collapse_clusters

    marks = collapse_clusters(seed_frame).set_index("label")
    handover = marks.loc["Mark Rutte should take over when Jens Stoltenberg’s term ends"]
    letter = marks.loc["Rutte said he would respect that agreement in a letter to Orban"]
    assert handover["n_sources"] == 2 and len(handover["sources"]) == 2
    assert len(letter["members"]) == 2 and len(letter["sources"]) == 2
    assert {"Mark Rutte", "Jens Stoltenberg"} <= set(handover["actors"])
