"""Event stores: the pandas store and the DuckDB-over-Parquet store answer every question alike,
a Parquet folder serves like a file, and the chart asks for counts or rows as the zoom needs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.chart.detail import plan_view
from dashboard.chart.figure import ViewState
from dashboard.store.duckdb_store import DuckStore
from dashboard.store.filters import FilterState
from dashboard.store.interface import EventStore
from dashboard.store.memory import FrameStore
from dashboard.store.open import open_events
from dashboard.store.synthetic import seed_like_frame, synthetic_frame
from extract.schema import MODALITIES, PRECISIONS
from extract.serialize import read
from extract.settings import LARGE_SET, WEBGL_LIMIT

ACTORS = ("Viktor Orban", "Mark Rutte", "NATO", "Ukraine", "Nobody at all")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    events = synthetic_frame(3_000, seed=7)
    events.loc[5, ["date_start", "date_end"]] = pd.NaT  # an undated row must behave alike too
    return events


@pytest.fixture(scope="module")
def stores(frame: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    path = tmp_path_factory.mktemp("store") / "events.parquet"
    frame.to_parquet(path, index=False, row_group_size=700)
    return FrameStore(frame), DuckStore([path])


STATES = [
    FilterState(),
    FilterState(actors=("Viktor Orban",)),
    FilterState(actors=("Viktor Orban", "NATO")),
    FilterState(actors=("Nobody at all",)),
    FilterState(docs=("doc000003", "doc000010")),
    FilterState(date_from=date(2010, 1, 1), date_to=date(2010, 12, 31)),
    FilterState(date_to=date(1991, 3, 1)),
    FilterState(precisions=("month", "year")),
    FilterState(modalities=("expected",)),
    FilterState(text="ORBAN talks"),
    FilterState(text="source 07"),
    FilterState(text="100%_"),
    FilterState(actors=("Mark Rutte",), precisions=("day",), date_from=date(2020, 1, 1)),
]


def same_answers(memory: EventStore, duck: EventStore, state: FilterState) -> None:
    assert memory.count(state) == duck.count(state)
    assert sorted(memory.rows(state)["event_id"]) == sorted(duck.rows(state)["event_id"])
    columns = ["event_id", "date_start", "label", "actors"]
    first = memory.rows(state, columns, limit=40)
    pd.testing.assert_frame_equal(
        first.reset_index(drop=True), duck.rows(state, columns, limit=40), check_dtype=False
    )
    window = (pd.Timestamp("2004-02-01"), pd.Timestamp("2004-05-01"))
    assert memory.extent(state, window) == duck.extent(state, window)
    assert memory.extent(state) == duck.extent(state)
    assert sorted(memory.rows(state, ["event_id"], window)["event_id"]) == sorted(
        duck.rows(state, ["event_id"], window)["event_id"]
    )
    for unit in "DWMY":
        pd.testing.assert_frame_equal(
            memory.time_bins(state, None, unit).reset_index(drop=True),
            duck.time_bins(state, None, unit),
            check_dtype=False,
        )
    for where in (None, window):  # what an exported image's subtitle and credit line name
        assert memory.actor_counts(state, where) == duck.actor_counts(state, where)
        pd.testing.assert_frame_equal(
            memory.sources(state, where), duck.sources(state, where), check_dtype=False
        )


@pytest.mark.parametrize("state", STATES, ids=repr)
def test_both_stores_give_the_same_answers_for_each_filter_state(
    stores: tuple[EventStore, EventStore], state: FilterState
) -> None:
    same_answers(*stores, state)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    actors=st.lists(st.sampled_from(ACTORS), max_size=2, unique=True),
    precisions=st.lists(st.sampled_from(PRECISIONS), max_size=2, unique=True),
    modalities=st.lists(st.sampled_from(MODALITIES), max_size=1),
    year=st.one_of(st.none(), st.integers(1989, 2026)),
    words=st.lists(
        st.sampled_from(["orban", "Talks", "warns", "on", "2004-", "doc0001"]), max_size=2
    ),
)
def test_any_combination_of_filters_matches_in_both_stores(
    stores: tuple[EventStore, EventStore],
    actors: list[str],
    precisions: list[str],
    modalities: list[str],
    year: int | None,
    words: list[str],
) -> None:
    state = FilterState(
        actors=tuple(actors),
        precisions=tuple(precisions),
        modalities=tuple(modalities),
        date_from=date(year, 1, 1) if year else None,
        date_to=date(year + 3, 6, 30) if year else None,
        text=" ".join(words),
    )
    same_answers(*stores, state)


def test_both_stores_describe_the_corpus_alike(stores: tuple[EventStore, EventStore]) -> None:
    memory, duck = stores
    assert len(memory) == len(duck) == 3_000
    assert memory.actor_counts() == duck.actor_counts()
    assert memory.source_options() == duck.source_options()
    assert memory.precisions() == duck.precisions()
    assert memory.doc_ids() == duck.doc_ids()
    assert memory.date_bounds() == duck.date_bounds()


def test_the_source_panel_fetches_one_row_by_id_from_either_store(
    stores: tuple[EventStore, EventStore], frame: pd.DataFrame
) -> None:
    memory, duck = stores
    event_id = str(frame["event_id"].iloc[42])
    assert memory.event(event_id) == duck.event(event_id)
    assert duck.event("no-such-event") is None
    event = duck.event(event_id)
    assert event is not None and event["actors"] == list(frame["actors"].iloc[42])


def test_a_parquet_folder_serves_like_the_file_it_was_split_from(tmp_path: Path) -> None:
    from dashboard.store.open import load
    from extract.run.dask_engine import write_dataset

    frame = seed_like_frame()
    write_dataset(frame, tmp_path / "events", rows_per_file=7)  # the Dask engine's layout
    events, articles = load([tmp_path / "events"], store="duckdb")
    assert isinstance(events, DuckStore) and len(events.files) == 3 and articles == []
    assert sorted(events.frame()["event_id"]) == sorted(frame["event_id"])
    read_back, _ = load([tmp_path / "events"])  # small: read into memory
    assert isinstance(read_back, pd.DataFrame) and len(read_back) == len(frame)


def test_a_folder_with_articles_in_it_is_extracted_not_opened_as_events(tmp_path: Path) -> None:
    from dashboard.store.open import _is_events_folder

    seed_like_frame().to_parquet(tmp_path / "events.parquet")
    assert _is_events_folder(tmp_path)
    (tmp_path / "story.txt").write_text("NATO met on 3 July 2024.", encoding="utf-8")
    assert not _is_events_folder(tmp_path)


class Recording:
    """A store that remembers how many rows each answer held."""

    def __init__(self, store: EventStore) -> None:
        self.store, self.sizes = store, []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.store, name)

        def record(*args: Any, **kwargs: Any) -> Any:
            answer = method(*args, **kwargs)
            if isinstance(answer, pd.DataFrame):
                self.sizes.append(len(answer))
            return answer

        return record


def test_zoomed_out_the_store_counts_per_bin_and_zoomed_in_sends_only_visible_rows(
    tmp_path: Path,
) -> None:
    frame = synthetic_frame(WEBGL_LIMIT + 5_000)
    frame.to_parquet(tmp_path / "big.parquet", index=False)
    store = Recording(DuckStore([tmp_path / "big.parquet"]))
    whole = plan_view(store, FilterState(), ViewState(width_px=780))  # type: ignore[arg-type]
    assert whole.mode == "counts" and whole.bins is not None
    assert whole.bins.total == len(frame) and max(store.sizes) == len(whole.bins.counts) < 500
    store.sizes.clear()
    week = ViewState(x_range=(date(2024, 6, 3), date(2024, 6, 10)), width_px=780)
    zoomed = plan_view(store, FilterState(), week)  # type: ignore[arg-type]
    assert zoomed.mode == "labels"
    starts = zoomed.marks["date_start"]
    assert starts.min() >= pd.Timestamp("2023-05-01") and max(store.sizes) < 400


def test_the_pandas_store_switches_level_of_detail_the_same_way() -> None:
    store = FrameStore(synthetic_frame(WEBGL_LIMIT + 5_000))
    assert plan_view(store, FilterState(), ViewState(width_px=780)).mode == "counts"
    week = ViewState(x_range=(date(2024, 6, 3), date(2024, 6, 10)), width_px=780)
    assert plan_view(store, FilterState(), week).mode == "labels"


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "events.parquet"
    synthetic_frame(LARGE_SET + 1_000).to_parquet(path, index=False)
    return path


def test_serve_opens_a_large_parquet_file_as_a_queried_store(large_file: Path) -> None:
    from dashboard.store.open import load
    from dashboard.ui.app import create_app
    from dashboard.ui.handlers import panel_outputs, view_outputs, view_state

    events, articles = load([large_file])
    assert isinstance(events, DuckStore) and not events.empty
    app = create_app(events, articles)
    corpus = app.server.config["DATELINE_CORPUS"]
    assert corpus.store is events
    view = view_state(corpus, "lanes", False, None, None)
    orban = FilterState(actors=("Viktor Orban",))
    figure, rows, count, query, _words = view_outputs(corpus, orban, view)
    assert count.startswith(f"{corpus.store.count(FilterState(actors=('Viktor Orban',))):,} of")
    assert rows and all("Viktor Orban" in r["actors"] for r in rows)
    assert query == "?actor=Viktor+Orban" and figure["data"]
    panel = str(panel_outputs(corpus, rows[0]["event_id"]))
    assert rows[0]["label"] in panel
    client = app.server.test_client()
    assert client.get("/_dash-layout").status_code == 200


def test_articles_added_to_a_parquet_backed_app_join_its_events(large_file: Path) -> None:
    from dashboard.store.corpus import Corpus
    from dashboard.ui.handlers import upload_outputs

    corpus = Corpus(open_events(large_file, store="duckdb"))
    before = len(corpus.store)
    _, changed = upload_outputs(
        corpus,
        None,
        None,
        "NATO leaders will meet in Brussels on 3 July 2024.",
        "Brussels",
        "2024-06-20",
    )
    assert changed and isinstance(corpus.store, DuckStore) and len(corpus.store) > before
    assert corpus.store.count(FilterState(docs=("pasted",))) == len(corpus.store) - before


def test_callbacks_in_many_threads_get_right_answers_while_selections_come_and_go(
    stores: tuple[EventStore, EventStore],
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    memory, duck = stores
    states = [FilterState(actors=(a,), text=w) for a in ACTORS[:4] for w in ("", "talks", "on")]
    expected = {state: (memory.count(state), memory.extent(state)) for state in states}

    def ask(i: int) -> bool:
        state = states[i % len(states)]
        return (duck.count(state), duck.extent(state)) == expected[state]

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert all(pool.map(ask, range(120)))


def test_a_parquet_folder_holds_the_same_events_read_into_memory_or_queried_in_place(
    tmp_path: Path,
) -> None:
    frame = synthetic_frame(300, seed=3)
    (tmp_path / "nested").mkdir()
    frame.iloc[:100].to_parquet(tmp_path / "part-00000.parquet", index=False)
    frame.iloc[100:].to_parquet(tmp_path / "nested" / "part-00001.parquet", index=False)
    frame.iloc[:50].to_parquet(tmp_path / ".part-00002.parquet.tmp.parquet", index=False)
    frame.iloc[:50].to_parquet(tmp_path / "_staging.parquet", index=False)
    in_memory = open_events(tmp_path, store="memory")
    in_place = open_events(tmp_path, store="duckdb")
    assert len(in_memory) == len(in_place) == 300
    assert sorted(in_memory["event_id"]) == sorted(frame["event_id"])


def test_a_parquet_saved_before_the_anchor_column_opens_in_both_stores(tmp_path: Path) -> None:
    frame = seed_like_frame()
    old = tmp_path / "old.parquet"
    frame.drop(columns=["anchor"]).to_parquet(old)
    duck, memory = DuckStore([old]), FrameStore(read(old))
    for store in (duck, memory):
        row = store.event(str(frame["event_id"].iloc[0]))
        assert row is not None and pd.isna(row["anchor"])
    assert duck.extent(FilterState()) == memory.extent(FilterState())
