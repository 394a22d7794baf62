"""Filters: which events a reader sees, and the URL that brings the same view back."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.store.filters import (
    EventIndex,
    FilterState,
    actor_counts,
    apply_filters,
    from_query,
    source_options,
    to_query,
)
from dashboard.store.synthetic import seed_like_frame, synthetic_frame
from extract.schema import MODALITIES, PRECISIONS


@pytest.fixture(scope="module")
def index() -> EventIndex:
    return EventIndex.build(seed_like_frame())


def labels(frame: pd.DataFrame) -> set[str]:
    return set(frame["label"])


def test_no_filter_keeps_every_event(index: EventIndex) -> None:
    assert len(apply_filters(index, FilterState())) == len(index.frame)


def test_an_actor_filter_keeps_events_involving_any_chosen_actor(index: EventIndex) -> None:
    chosen = apply_filters(index, FilterState(actors=("Viktor Orban", "Turkey")))
    assert labels(chosen) == {
        "Rutte seals a deal with Orban",
        "Rutte writes to Orban",
        "Rutte visits Istanbul",
    }


def test_an_unknown_actor_matches_nothing(index: EventIndex) -> None:
    assert apply_filters(index, FilterState(actors=("Nobody",))).empty


def test_filters_combine(index: EventIndex) -> None:
    state = FilterState(actors=("Mark Rutte",), modalities=("expected",), docs=("000",))
    assert labels(apply_filters(index, state)) == {"NATO summit in Washington"}


def test_a_date_range_keeps_events_whose_range_overlaps_it(index: EventIndex) -> None:
    state = FilterState(date_from=date(2024, 8, 15), date_to=date(2024, 10, 1))
    # the season (June-August) overlaps; 1 October is included; November is not
    assert labels(apply_filters(index, state)) == {
        "Russian offensive in Ukraine",
        "Stoltenberg's term ends",
    }


def test_precision_filter(index: EventIndex) -> None:
    chosen = apply_filters(index, FilterState(precisions=("year",)))
    assert set(chosen["precision"]) == {"year"} and len(chosen) == 5


def test_search_needs_every_word_in_any_letter_case(index: EventIndex) -> None:
    chosen = apply_filters(index, FilterState(text="ORBAN letter"))
    assert labels(chosen) == {"Rutte writes to Orban"}


def test_search_looks_in_actors_and_sources_too(index: EventIndex) -> None:
    assert len(apply_filters(index, FilterState(text="seed 001"))) == 10
    assert labels(apply_filters(index, FilterState(text="romania"))) >= {"Romania backs Rutte"}


def test_search_text_is_literal_not_a_regex(index: EventIndex) -> None:
    assert apply_filters(index, FilterState(text="(.*")).empty


def test_actor_counts_put_the_most_frequent_first(index: EventIndex) -> None:
    counts = actor_counts(index.frame)
    assert counts[0] == ("Mark Rutte", 10)
    assert [n for _, n in counts] == sorted((n for _, n in counts), reverse=True)


def test_source_options_name_each_article_once() -> None:
    options = source_options(seed_like_frame())
    assert [doc for doc, _ in options] == ["000", "001"]
    assert options[0][1] == "Rutte clinches the race to lead NATO (seed 000)"


def test_the_url_round_trips_every_filter() -> None:
    state = FilterState(
        actors=("Mark Rutte", "NATO & allies"),
        docs=("000",),
        date_from=date(1949, 1, 1),
        date_to=date(2024, 6, 30),
        precisions=("day", "month"),
        modalities=("expected",),
        text="summit ?",
    )
    query = to_query(state, {"group": "actor"})
    assert query.startswith("?actor=Mark+Rutte")
    assert from_query(query) == (state, {"group": "actor"})


def test_a_mangled_url_opens_an_unfiltered_view_instead_of_failing() -> None:
    state, extra = from_query("?from=yesterday&precision=fortnight&modality=maybe&&=&x")
    assert state == FilterState()
    assert extra == {}


def test_an_empty_state_has_an_empty_query() -> None:
    assert to_query(FilterState()) == ""


@given(
    actors=st.lists(st.text(min_size=1, max_size=12).filter(str.strip), max_size=3, unique=True),
    precisions=st.lists(st.sampled_from(PRECISIONS), max_size=3, unique=True),
    modalities=st.lists(st.sampled_from(MODALITIES), max_size=2, unique=True),
    text=st.text(max_size=20).map(str.strip),
)
def test_any_state_survives_the_url(
    actors: list[str], precisions: list[str], modalities: list[str], text: str
) -> None:
    state = FilterState(
        actors=tuple(actors), precisions=tuple(precisions), modalities=tuple(modalities), text=text
    )
    assert from_query(to_query(state))[0] == state


def test_filtering_many_events_by_actor_uses_the_index() -> None:
    frame = synthetic_frame(20_000)
    index = EventIndex.build(frame)
    chosen = apply_filters(index, FilterState(actors=("NATO",)))
    expected = frame[[("NATO" in a) for a in frame["actors"]]]
    assert chosen["event_id"].tolist() == expected["event_id"].tolist()
