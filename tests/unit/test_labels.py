"""Labels: a few words saying what happened, cut from the sentence, without the date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.events.actors import DocumentActors
from extract.events.labels import MAX_CHARS, MAX_WORDS, label, name_pronoun


def _label(sentence: str, date: str, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(date, start + 1)
    context = "Mark Rutte and Klaus Iohannis.\n\n"  # the article names them in full before
    doc = DocumentActors(context + sentence)
    actors = [(m.start - len(context), m.end - len(context)) for m in doc.mentions]
    actors = [span for span in actors if span[0] >= 0]
    return label(sentence, (start, start + len(date)), actors)


SEED_LABELS = [
    (
        "Outgoing Dutch Prime Minister Mark Rutte clinched the race to become NATO’s next chief "
        "at a crucial time for the alliance, after the only rival, Romanian President Klaus "
        "Iohannis, withdrew on Thursday.",
        "Thursday",
        "Klaus Iohannis withdrew",
    ),
    (
        "Romanian President Klaus Iohannis withdrew his candidacy to lead NATO on Thursday, making "
        "it all but certain that Rutte, 57, will be formally elected to a four-year term.",
        "Thursday",
        "Klaus Iohannis withdrew his candidacy to lead NATO",
    ),
    (
        "The veteran politician, 57, is expected to be formally appointed by NATO’s 32 nations in "
        "the coming days and should take over when current chief Jens Stoltenberg’s term ends on "
        "October 1.",
        "October 1",
        "Jens Stoltenberg’s term ends",
    ),
    (
        "He will become the fourth Dutchman to lead NATO since its founding in 1949.",
        "1949",
        "NATO’s founding",
    ),
    (
        "Rutte will arrive at a dangerous time for Western allies, as Russia’s war in Ukraine "
        "drags on and Donald Trump fights to regain the US presidency in November.",
        "November",
        "Donald Trump fights to regain the US presidency",
    ),
    (
        "Rutte overcame Turkish reluctance with a visit to Istanbul in April, before finally "
        "sealing a deal with Hungary’s Viktor Orban at a European Union summit this week.",
        "April",
        "Rutte overcame Turkish reluctance with a visit to Istanbul",
    ),
    (
        "Rutte overcame Turkish reluctance with a visit to Istanbul in April, before finally "
        "sealing a deal with Hungary’s Viktor Orban at a European Union summit this week.",
        "this week",
        "European Union summit",
    ),
    (
        "That left the latest sticking point as Iohannis, whose surprise candidacy had irritated "
        "allies, was confident of a smooth appointment for Rutte before a NATO summit in "
        "Washington next month.",
        "next month",
        "NATO summit in Washington",
    ),
    (
        "“I think Mark Rutte is a very strong candidate,” Stoltenberg said during a visit to "
        "Washington on Tuesday.",
        "Tuesday",
        "Stoltenberg said during a visit to Washington",
    ),
    (
        "The conservative cyclist supported Ukraine with his country’s full economic weight "
        "following the 2022 Russian invasion, leading efforts to deliver F-16 fighter jets.",
        "2022",
        "Russian invasion",
    ),
    (
        "Among the most formative events was the 2014 downing of Malaysia Airlines flight MH17 "
        "over Ukraine, with 196 Dutch among the 298 dead.",
        "2014",
        "downing of Malaysia Airlines flight MH17",
    ),
    (
        "Mark Rutte, the outgoing prime minister of the Netherlands who has provided more than $3 "
        "billion in military support to Ukraine since 2022, on Thursday secured the final support "
        "he needs.",
        "Thursday",
        "Mark Rutte secured the final support he needs",
    ),
    (
        "This could happen as early as next week, ahead of the high-level NATO summit in "
        "Washington in July.",
        "next week",
        "This could happen as early",
    ),
    (
        "This could happen as early as next week, ahead of the high-level NATO summit in "
        "Washington in July.",
        "July",
        "NATO summit in Washington",
    ),
    (
        "Rutte’s criticism of Hungary in 2021 was seen as almost costing him the top job at NATO.",
        "2021",
        "Rutte’s criticism of Hungary was seen as almost costing him",
    ),
    (
        "But Orban backed down last week as part of an agreement that Hungary would not provide "
        "support.",
        "last week",
        "Orban backed down as part of an agreement",
    ),
    (
        "In a letter to Orban on Tuesday, Rutte said he would respect that agreement.",
        "Tuesday",
        "Rutte said he would respect",
    ),
    (
        "“I also noticed that some remarks I made in 2021 have caused dissatisfaction in "
        "Hungary,” Rutte wrote in the June 18 letter.",
        "June 18",
        "Rutte wrote in the letter",
    ),
    (
        "On Thursday, Iohannis backed Rutte and announced that Romania would send one of its "
        "Patriot air defense systems to Ukraine.",
        "Thursday",
        "Iohannis backed Rutte and announced",
    ),
    (
        "Rutte announced last July that he would not seek re-election in the Netherlands after "
        "his government was divided.",
        "last July",
        "Rutte announced he would not seek re-election",
    ),
    (
        "He told Dutch radio in October that he found the job as NATO’s civilian head “very "
        "interesting” and by February he had secured support from the United States.",
        "February",
        "he had secured support from the United States",
    ),
    (
        "He is a fan of classical music and U2, and his favorite film is 1979’s “Hair,” according "
        "to a 2015 profile in the English-language Dutch News.",
        "2015",
        "profile in the English-language Dutch News",
    ),
]


@pytest.mark.parametrize(("sentence", "date", "expected"), SEED_LABELS)
def test_seed_mentions_get_short_labels(sentence: str, date: str, expected: str) -> None:
    assert _label(sentence, date) == expected


@pytest.mark.parametrize(("sentence", "date", "expected"), SEED_LABELS)
def test_labels_leave_out_the_date_and_stay_short(sentence: str, date: str, expected: str) -> None:
    got = _label(sentence, date)
    assert date not in got
    assert len(got) <= MAX_CHARS
    assert len(got.split()) <= MAX_WORDS


def test_the_other_dates_of_the_sentence_stay_out_of_the_label() -> None:
    sentence = "Yasuhiro Nakasone and President Reagan will meet Thursday and Friday."
    thursday = sentence.index("Thursday")
    friday = sentence.index("Friday")
    got = label(sentence, (thursday, thursday + 8), (), [(friday, friday + 6)])
    assert got == "Nakasone and President Reagan will meet"  # not "... will meet and Friday"


@pytest.mark.parametrize(
    ("sentence", "date", "other", "expected"),
    [
        (
            "In the July/September quarter, GNP rose 0.6 pct from the previous three months.",
            "July",
            "September",
            "GNP rose 0.6 pct from the previous three months",
        ),
        (
            "January-September figures released at the weekend showed Soviet oil output.",
            "January",
            "September",
            "figures released at the weekend showed Soviet oil output",
        ),
    ],
)
def test_a_date_range_written_as_one_word_still_gets_a_label(
    sentence: str, date: str, other: str, expected: str
) -> None:
    start, other_start = sentence.index(date), sentence.index(other)
    others = [(other_start, other_start + len(other))]
    assert label(sentence, (start, start + len(date)), (), others) == expected


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("He told Dutch radio", "Mark Rutte", "Mark Rutte told Dutch radio"),
        ("he had secured support", "Mark Rutte", "Mark Rutte had secured support"),
        ("She won", None, "She won"),
        ("Hewlett said", "Mark Rutte", "Hewlett said"),
        ("The committee met", "Mark Rutte", "The committee met"),
    ],
)
def test_a_leading_he_or_she_takes_the_name_of_the_person_meant(
    text: str, person: str | None, expected: str
) -> None:
    assert name_pronoun(text, person) == expected


@given(
    st.text(alphabet="abc ABC,.;:“”’'-0123", max_size=60),
    st.integers(0, 60),
    st.integers(1, 8),
)
def test_labelling_never_fails_and_respects_the_limits(text: str, start: int, width: int) -> None:
    start = min(start, len(text))
    got = label(text, (start, min(len(text), start + width)))
    assert len(got) <= MAX_CHARS
    assert len(got.split()) <= MAX_WORDS
