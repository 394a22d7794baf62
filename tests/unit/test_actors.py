"""Actors: canonical people, countries and organisations, never sentence openers or months."""

from __future__ import annotations

import pytest
from seed_timexes import DOC_000, DOC_001, seed_text

from extract.events.actors import (
    DocumentActors,
    canonical_batch_actors,
    find_actors,
    refers_back,
)

SEED_ACTORS = {
    "Mark Rutte", "Klaus Iohannis", "Jens Stoltenberg", "Viktor Orban", "Donald Trump",
    "Joe Biden", "Camille Grand", "Vladimir Putin", "NATO", "European Union",
    "European Council on Foreign Relations", "Dutch News", "Malaysia Airlines", "Netherlands",
    "Romania", "Hungary", "Turkey", "Ukraine", "Russia", "United States", "United Kingdom",
    "France", "Germany", "Norway", "Soviet Union",
}  # fmt: skip


def test_the_seeds_name_exactly_the_expected_actors() -> None:
    found = set(find_actors(seed_text(DOC_000))) | set(find_actors(seed_text(DOC_001)))
    assert found == SEED_ACTORS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people: titles are not names, surnames take the full name of the same text
        ("Mark Rutte won. Later Rutte spoke.", ["Mark Rutte"]),
        ("Mark Rutte won. Mr Rutte spoke. Mr. Rutte left.", ["Mark Rutte"]),
        ("Outgoing Dutch Prime Minister Mark Rutte won.", ["Netherlands", "Mark Rutte"]),
        ("Romanian President Klaus Iohannis withdrew.", ["Romania", "Klaus Iohannis"]),
        ("It angered Russian President Vladimir V Putin.", ["Russia", "Vladimir Putin"]),
        ("Putin spoke, said Vladimir Putin.", ["Vladimir Putin"]),
        ("He met Hungary’s Viktor Orban.", ["Hungary", "Viktor Orban"]),
        ("Jens Stoltenberg’s term ends. Like Stoltenberg, he stays.", ["Jens Stoltenberg"]),
        ("“Yes,” Mr. Grand said.", ["Grand"]),
        # countries: names, aliases, demonyms, capitals only where they act
        ("Rutte overcame Turkish reluctance.", ["Turkey"]),
        ("Support came from the United States and Britain.", ["United States", "United Kingdom"]),
        ("The U.S. and the US agreed.", ["United States"]),
        ("It weakens Washington’s role.", ["United States"]),
        ("They met at a summit in Washington.", []),
        ("Kremlin forces advanced; Moscow-backed fighters shot.", ["Russia"]),
        ("He lives in The Hague.", []),
        ("The Netherlands is a founding member.", ["Netherlands"]),
        # organisations: acronyms, possessives, suffixes
        ("NATO’s chief met EU leaders.", ["NATO", "European Union"]),
        (
            "Hungary is a member of NATO and the European Union.",
            ["Hungary", "NATO", "European Union"],
        ),
        (
            "He works at the European Council on Foreign Relations.",
            ["European Council on Foreign Relations"],
        ),
        ("A profile in the English-language Dutch News.", ["Dutch News"]),
        ("Flight MH17 of Malaysia Airlines fell.", ["Malaysia Airlines"]),
        ("The Federal Reserve and the Fed differ.", ["Federal Reserve"]),
        ("General Motors Corp said so.", ["General Motors Corp"]),
        (
            "said Bill Sullivan of Dean Witter Reynolds Inc.",
            ["Bill Sullivan", "Dean Witter Reynolds Inc"],
        ),
        ("The Ohio-based Glidden Inc said.", ["Glidden Inc"]),
        # not actors
        ("The veteran politician arrived on Thursday in April.", []),
        ("Nicknamed ‘Teflon Mark’, he survived the Cold War and World War II.", []),
        ("He flew F-16 jets, likes U2 and LGBT rights in Eastern Europe.", []),
        ("In 2021, he spoke in the Oval Office.", []),
    ],
)
def test_actors_of_a_text(text: str, expected: list[str]) -> None:
    assert find_actors(text) == expected


def test_mentions_carry_their_kind_and_offsets() -> None:
    text = "Romanian President Klaus Iohannis met NATO."
    mentions = DocumentActors(text).mentions
    assert [(text[m.start : m.end], m.name, m.kind) for m in mentions] == [
        ("Romanian", "Romania", "country"),
        ("Klaus Iohannis", "Klaus Iohannis", "person"),
        ("NATO", "NATO", "organisation"),
    ]


def test_actors_between_offsets_are_those_of_one_sentence() -> None:
    text = "Mark Rutte won. Iohannis of Romania lost. Klaus Iohannis left."
    doc = DocumentActors(text)
    second = text.index("Iohannis of")
    assert doc.names_between(second, text.index(" Klaus")) == ["Klaus Iohannis", "Romania"]


def test_a_surname_shared_by_two_people_stays_unresolved() -> None:
    text = "Joe Biden and Jill Biden came. Biden spoke."
    assert find_actors(text) == ["Joe Biden", "Jill Biden"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["Grand", "NATO"], ["Camille Grand"]], [["Camille Grand", "NATO"], ["Camille Grand"]]),
        ([["Jordan"], ["Michael Jordan"]], [["Jordan"], ["Michael Jordan"]]),  # a country
        ([["Biden"], ["Joe Biden"], ["Jill Biden"]], [["Biden"], ["Joe Biden"], ["Jill Biden"]]),
        ([["Grand"], ["Camille Grand", "Grand"]], [["Camille Grand"], ["Camille Grand"]]),
    ],
)
def test_lone_surnames_take_the_one_full_name_the_batch_knows(
    rows: list[list[str]], expected: list[list[str]]
) -> None:
    assert canonical_batch_actors(rows) == expected


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        ("He will become the fourth Dutchman.", "He"),
        ("The veteran politician, 57, is expected to be appointed.", "The veteran politician"),
        ("The Dutchman said so.", "The Dutchman"),
        ("The 57-year-old will take over.", "The 57-year-old"),
        ("The conservative cyclist supported Ukraine.", "The conservative cyclist"),
        ("The Netherlands is a founding member.", None),
        ("The prospect of the volatile former president returning rattled allies.", None),
        ("Hewlett said so.", None),
    ],
)
def test_a_sentence_opening_with_a_pronoun_or_a_description_refers_back(
    sentence: str, reference: str | None
) -> None:
    assert refers_back(sentence) == reference


def _sentences(text: str) -> list[tuple[int, int]]:
    from extract.language.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


def test_a_description_means_the_person_the_article_is_about_not_the_last_one_named() -> None:
    text = (
        "Mark Rutte clinched the race after the only rival, Klaus Iohannis, withdrew. "
        "The veteran politician should take over in October. He will be the fourth Dutchman. "
        "Rutte met Jens Stoltenberg."
    )
    doc, spans = DocumentActors(text), _sentences(text)
    assert doc.main_person == "Mark Rutte"
    assert doc.person_meant(spans, 1) == "Mark Rutte"  # not Iohannis, named last
    assert doc.person_meant(spans, 2) == "Mark Rutte"  # "He" after the description


def test_he_means_the_person_the_previous_sentence_opened_with() -> None:
    text = "Mark Rutte spoke. Mark Rutte left. Jens Stoltenberg stayed on. He said so."
    doc, spans = DocumentActors(text), _sentences(text)
    assert doc.person_meant(spans, 3) == "Jens Stoltenberg"


def test_it_means_the_organisation_named_last() -> None:
    doc = DocumentActors("Ford Motor Co raised prices. It said demand was strong.")
    assert doc.last_organisation_before(30) == "Ford Motor Co"
