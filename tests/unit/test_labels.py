"""Labels: a few words saying what happened, cut from the sentence, without the date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.events.actors import DocumentActors
from extract.events.labels import (
    MAX_CHARS,
    MAX_WORDS,
    label,
    name_pronoun,
    organisation_subject,
    referred_happening,
)


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
        "The veteran politician should take over when Jens Stoltenberg’s term ends",
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
        "Rutte sealed a deal with Hungary’s Viktor Orban at a European Union summit",
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
        "Stoltenberg said Mark Rutte is a very strong candidate",
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
        "Rutte’s criticism of Hungary was seen as almost costing him the top job",
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
        "Rutte said he would respect that agreement in a letter to Orban",
    ),
    (
        "“I also noticed that some remarks I made in 2021 have caused dissatisfaction in "
        "Hungary,” Rutte wrote in the June 18 letter.",
        "June 18",
        "Rutte wrote in the letter: some remarks have caused dissatisfaction in Hungary",
    ),
    (
        "On Thursday, Iohannis backed Rutte and announced that Romania would send one of its "
        "Patriot air defense systems to Ukraine.",
        "Thursday",
        "Iohannis backed Rutte",
    ),
    (
        "Rutte announced last July that he would not seek re-election in the Netherlands after "
        "his government was divided.",
        "last July",
        "Rutte announced he would not seek re-election in the Netherlands",
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
        "English-language Dutch News published a profile",
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
        # the last name alone where the whole name would cut what was said
        ("He told Dutch radio he found the job as NATO’s civilian head very interesting",
         "Mark Rutte",
         "Rutte told Dutch radio he found the job as NATO’s civilian head very interesting"),
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


# Reuters sentences (published 1987) and sentences of our own, one per labelling rule.
OTHER_LABELS = [
    # Reuters
    ("Harris said it bought 36,700 Builders Transport common shares on Feb 10.", "Feb 10",
     "Harris said it bought 36,700 Builders Transport common shares"),
    ("Stora announced last September it would acquire Papyrus at a price of 5.8 billion "
     "crowns.", "last September",
     "Stora announced it would acquire Papyrus at a price of 5.8 billion crowns"),
    ("Poindexter resigned the same day, the Washington Post said.", "the same day",
     "Poindexter resigned"),
    # a verbless opening sets the scene at the end
    ("In a statement on Friday, Iohannis said he would step aside.", "Friday",
     "Iohannis said he would step aside in a statement"),
    # a title after the year
    ("His favourite book is 1984’s “Neuromancer,” he said.", "1984",
     "His favourite book: Neuromancer"),
    # "I" in a quote is its speaker
    ("“Some remarks I made in 2019 were wrong,” Mark Rutte said.", "2019",
     "Mark Rutte made some remarks"),
    # reported speech keeps who said it
    ("One analyst, who asked not to be named, said the bank would cut rates in March.",
     "March", "One analyst said the bank would cut rates"),
    # an "-ing" clause takes the main clause's subject, in the past
    ("Before finally sealing a deal at a summit in Brussels this week, Mark Rutte had met "
     "Orban.", "this week", "Mark Rutte sealed a deal at a summit in Brussels"),
    # what happens "when" happens then too
    ("Rutte will take over when Stoltenberg's mandate expires in October.", "October",
     "Rutte will take over when Stoltenberg's mandate expires"),
    # cut where a phrase ends, never inside one
    ("Mark Rutte on Thursday secured the final support he needs to become NATO’s next "
     "secretary general.", "Thursday", "Mark Rutte secured the final support he needs"),
    # a reporting verb keeps what was said: the quote the sentence opens with, "I think" left out
    ("“I believe the alliance will stay united,” Iohannis said in Bucharest on Monday.", "Monday",
     "Iohannis said in Bucharest: the alliance will stay united"),
    # ... what follows "that" after whom it was told to, up to the next clause
    ("Iohannis told reporters on Friday that Romania would send a Patriot system to Ukraine, "
     "and then he left.", "Friday",
     "Iohannis told reporters Romania would send a Patriot system to Ukraine"),
    # ... a quote after the verb
    ("Iohannis said on Friday: “Romania will back Rutte at the summit.”", "Friday",
     "Iohannis said Romania will back Rutte at the summit"),
    # ... the verb's own phrase goes first when both do not fit (and "Mark" is no verb)
    ("“I think the Romanian candidate was a very good choice,” Mark Rutte said during a "
     "visit to Bucharest on Monday.", "Monday",
     "Mark Rutte said the Romanian candidate was a very good choice"),
    # ... and a relative clause inside what was said before the verb's own phrase
    ("“The promises I made during the campaign as a young candidate for the presidency have "
     "all been kept,” Klaus Iohannis wrote in the letter on Monday.", "Monday",
     "Klaus Iohannis wrote in the letter: the promises have all been kept"),
    # ... after "that": an aside goes, the sentence's other dates stay, whom it was told to
    # is cut back to a noun phrase, and a reporting verb leads over an event noun
    ("The paper said yesterday that John Poindexter, who resigned last November, was ready to "
     "break his silence.", "yesterday",
     "paper said John Poindexter was ready to break his silence"),
    ("Klaus Iohannis said on Friday that the 1987 harvest would rise.", "Friday",
     "Klaus Iohannis said the 1987 harvest would rise"),
    ("Klaus Iohannis told a press conference in Bucharest today that Romania has no set target "
     "for its exports.", "today",
     "Klaus Iohannis told a press conference Romania has no set target for its exports"),
    ("Klaus Iohannis had told analysts last July that the company was considering buying back "
     "shares.", "last July",
     "Klaus Iohannis had told analysts the company was considering buying back shares"),
    # ... a quote's leading "While ...," clause gives way to its main clause
    ("“While such approaches may have some appeal, they are impractical,” Klaus Iohannis told a "
     "committee this week.", "this week", "Klaus Iohannis told a committee they are impractical"),
    # ... "told" without room for whom it was told to becomes "said"
    ("Klaus Iohannis told the Securities and Exchange Commission on Monday that he controls "
     "13.6 pct of the company.", "Monday",
     "Klaus Iohannis said he controls 13.6 pct of the company"),
    # ... words in the speaker's own first person stay as said, after a colon
    ("“I am cautiously optimistic,” Klaus Iohannis said on Monday.", "Monday",
     "Klaus Iohannis said: I am cautiously optimistic"),
    # a reporting verb that says what was said, or whose object is no addressee, stays as it is
    ("Iohannis announced a merger on Monday that surprised analysts.", "Monday",
     "Iohannis announced a merger"),
    # a noun phrase that names no one: the verb's object keeps its subject and verb ...
    ("Iohannis attended the March meeting in Brussels.", "March",
     "Iohannis attended the meeting in Brussels"),
    # ... one that only says when the verb happened takes its subject as owner
    ("NATO allies agreed to act before the June summit in Vilnius.", "June",
     "NATO allies’ summit in Vilnius"),
    ("NATO allies backing Rutte’s candidacy aimed to block further support ahead of the July "
     "meeting in Washington.", "July", "NATO allies’ meeting in Washington"),
    # ... a piece in a named outlet was published by it
    ("He is a fan of jazz, according to a 2019 interview in the Financial Times.", "2019",
     "Financial Times published an interview"),
    # ... but not a people named by an adjective ("the Japanese")
    ("The Japanese agreed to act before the June summit in Vilnius.", "June", "summit in Vilnius"),
    # ... and a noun that is the subject itself stays a noun phrase
    ("Among the formative events of his tenure was the 2014 downing of flight MH17.", "2014",
     "downing of flight MH17"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "date", "expected"), OTHER_LABELS)
def test_reuters_and_other_sentences_get_labels_that_tell_the_happening(
    sentence: str, date: str, expected: str
) -> None:
    assert _label(sentence, date) == expected


def test_the_preposition_of_another_date_leaves_with_it() -> None:
    sentence = "Vegetable oil imports fell to 227,500 tonnes in 1986 from 286,300 in 1985."
    start, other = sentence.index("1986"), sentence.index("1985")
    got = label(sentence, (start, start + 4), (), [(other, other + 4)])
    assert got == "Vegetable oil imports fell to 227,500 tonnes from 286,300"


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("The veteran politician should take over", "The veteran politician",
         "Mark Rutte should take over"),
        ("veteran politician should take over", "The veteran politician",
         "Mark Rutte should take over"),
        ("his favorite film: Hair", None, "Mark Rutte’s favorite film: Hair"),
        ("The committee met", "The veteran politician", "The committee met"),
    ],
)  # fmt: skip
def test_a_label_opening_with_a_reference_takes_the_name_of_the_person_meant(
    text: str, reference: str | None, expected: str
) -> None:
    assert name_pronoun(text, "Mark Rutte", reference) == expected


def test_this_could_happen_tells_what_the_previous_sentence_said_would_happen() -> None:
    previous = "It is all but certain that Rutte, 57, will be formally elected to a four-year term."
    assert referred_happening("This could happen as early", previous) == (
        "Rutte could be formally elected to a four-year term"
    )
    assert referred_happening("This is new", previous) == "This is new"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("It said", "It"), ("The company expects", "The company"), ("It was seen as one", None),
     ("Italy said", None)],
)  # fmt: skip
def test_it_and_the_company_stand_for_an_organisation_only_before_a_verb(
    text: str, expected: str | None
) -> None:
    assert organisation_subject(text) == expected
