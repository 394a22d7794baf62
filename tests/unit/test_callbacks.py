"""Callbacks called directly, no browser: controls in, figure/table/panel/URL out."""

from __future__ import annotations

import json
from datetime import date

import pytest
from dash import html, no_update

from dashboard.store.corpus import Corpus
from dashboard.store.filters import FilterState
from dashboard.store.synthetic import seed_like_articles, seed_like_frame
from dashboard.ui import ids
from dashboard.ui.app import create_app
from dashboard.ui.callbacks import _guarded
from dashboard.ui.handlers import (
    clicked_event,
    controls_from_query,
    export_outputs,
    filter_state,
    panel_outputs,
    range_from_relayout,
    selection_patch,
    table_rows,
    upload_outputs,
    view_outputs,
    view_state,
)
from extract.errors import NoEventsError


@pytest.fixture
def corpus() -> Corpus:
    return Corpus(seed_like_frame(), seed_like_articles())


def test_an_actor_filter_updates_chart_table_count_and_url_together(corpus: Corpus) -> None:
    state = filter_state(["Viktor Orban"], None, None, None, None, None, "")
    view = view_state(corpus, "lanes", False, None, None)
    figure, rows, count, query, _words = view_outputs(corpus, state, view)
    assert [r["label"] for r in rows] == ["Rutte seals a deal with Orban", "Rutte writes to Orban"]
    drawn = [t for trace in figure["data"] if "labels" in trace["name"] for t in trace["text"]]
    assert len(drawn) == 2
    assert count == "2 of 20 events"
    assert query == "?actor=Viktor+Orban"


def test_the_table_describes_dates_and_sorts_by_start(corpus: Corpus) -> None:
    rows = table_rows(corpus.frame)
    assert rows[0]["when"] == "1949" and rows[0]["start"] == "1949-01-01"
    week = next(r for r in rows if r["precision"] == "week")
    assert week["when"] == "week of 17 June 2024"
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


def test_bad_dates_typed_in_the_filters_are_ignored(corpus: Corpus) -> None:
    state = filter_state(None, None, "not a date", "2024-13-45", None, None, None)
    assert state == FilterState()


def test_zoom_and_bookmarked_range_go_into_the_url(corpus: Corpus) -> None:
    view = view_state(corpus, "actor", True, ["2024-06-01", "2024-07-01"], None)
    *_, query, _words = view_outputs(corpus, FilterState(), view)
    assert query == "?group=actor&x=2024-06-01~2024-07-01"
    assert controls_from_query(query)[-2:] == ("actor", ["2024-06-01", "2024-07-01"])


def test_a_bookmarked_url_sets_every_control() -> None:
    controls = controls_from_query(
        "?actor=NATO&doc=000&from=2024-01-01&precision=day&modality=expected&q=summit"
    )
    assert controls == (
        ["NATO"],
        ["000"],
        "2024-01-01",
        None,
        ["day"],
        ["expected"],
        "summit",
        "lanes",
        None,
    )


@pytest.mark.parametrize(
    ("relayout", "expected"),
    [
        (
            {"xaxis.range[0]": "2024-06-01 04:48:00", "xaxis.range[1]": "2024-07-02"},
            ["2024-06-01", "2024-07-02"],
        ),
        ({"xaxis.range": ["2023-06-21", "2024-06-30"]}, ["2023-06-21", "2024-06-30"]),
        ({"xaxis.autorange": True}, None),
        ({"autosize": True}, no_update),
        (None, no_update),
    ],
)
def test_zoom_pan_and_double_click_become_a_view_range(relayout, expected) -> None:  # type: ignore[no-untyped-def]
    assert range_from_relayout(relayout) == expected


def test_a_click_on_a_mark_selects_its_event() -> None:
    click = {"points": [{"curveNumber": 2, "customdata": ["001:12"], "x": "2024-06-20"}]}
    assert clicked_event(click) == "001:12"
    assert clicked_event({"points": [{"x": "2024-06-01", "y": 4}]}) is None


def test_the_panel_for_a_selected_event_shows_its_article(corpus: Corpus) -> None:
    event_id = corpus.frame.loc[corpus.frame["label"] == "Rutte visits Istanbul", "event_id"]
    panel = html.Div(panel_outputs(corpus, str(event_id.iloc[0])))
    assert "Rutte clinches the race to lead NATO" in json.dumps(panel.to_plotly_json(), default=str)
    assert "Click an event" in str(panel_outputs(corpus, "no-such-event"))


def test_selecting_patches_only_the_ring(corpus: Corpus) -> None:
    event_id = str(corpus.frame["event_id"].iloc[5])
    view = view_state(corpus, "lanes", False, None, event_id)
    patch = selection_patch(corpus, FilterState(), view).to_plotly_json()
    (operation,) = patch["operations"]
    assert operation["location"] == ["data", 0]
    assert operation["params"]["value"]["x"] == ["2024-04-16"]


def test_pasting_an_article_adds_its_events_to_the_timeline(corpus: Corpus) -> None:
    before = len(corpus.frame)
    status, changed = upload_outputs(
        corpus,
        None,
        None,
        "NATO leaders will meet in Brussels on 3 July 2024. The alliance was founded in 1949.",
        "Brussels meeting",
        "2024-06-20",
    )
    assert changed and corpus.version == 1
    assert len(corpus.frame) > before
    assert "pasted" in set(corpus.articles)
    assert "Added 1 article" in str(status)


def test_an_upload_with_nothing_usable_says_why_and_changes_nothing(corpus: Corpus) -> None:
    status, changed = upload_outputs(corpus, ["a.exe"], ["data:x;base64,AAAA"], "", None, None)
    assert not changed and corpus.version == 0
    assert "cannot be read" in str(status)
    status, changed = upload_outputs(corpus, None, None, "text", None, "20/06/2024")
    assert not changed and "2024-06-20" in str(status)


def test_data_exports_hold_the_filtered_events(corpus: Corpus) -> None:
    view = view_state(corpus, "lanes", False, None, None)
    state = FilterState(actors=("Turkey",))
    csv = export_outputs(corpus, "csv", state, view)
    assert csv["filename"] == "dateline-events.csv"
    assert csv["content"].count("\n") == 2 and "Istanbul" in csv["content"]
    events = json.loads(export_outputs(corpus, "json", state, view)["content"])
    assert [e["label"] for e in events] == ["Rutte visits Istanbul"]
    story = json.loads(export_outputs(corpus, "timelinejs", state, view)["content"])
    assert len(story["events"]) == 1


def test_a_failing_callback_shows_a_sentence_not_a_traceback() -> None:
    @_guarded(2, "export")
    def refused() -> tuple[int, int]:
        raise NoEventsError("No event matches these filters.\nTraceback ...")

    *outputs, alert = refused()
    assert outputs == [no_update, no_update]
    assert alert.children == "Could not export: No event matches these filters."


def test_a_bug_in_a_callback_is_a_sentence_too_and_its_details_stay_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    @_guarded(1, "draw the timeline")
    def broken() -> tuple[int]:
        raise KeyError("date_start")

    _, alert = broken()
    assert alert.children == (
        "Could not draw the timeline: something went wrong on the server; its log has the details."
    )
    assert "KeyError: 'date_start'" in caplog.text


def test_the_app_wires_every_control_to_the_chart() -> None:
    app = create_app(seed_like_frame(), seed_like_articles())
    outputs = " ".join(app.callback_map)
    for target in (
        ids.GRAPH,
        ids.TABLE,
        ids.PANEL_BODY,
        ids.DOWNLOAD,
        ids.URL_OUT,
        ids.UPLOAD_STATUS,
    ):
        assert target in outputs
    inputs = {
        i["id"]
        for cb in app.callback_map.values()
        for i in cb["inputs"]
        if isinstance(i["id"], str)
    }
    assert {ids.ACTORS, ids.DOCS, ids.DATE_FROM, ids.SEARCH, ids.GRAPH, ids.TABLE} <= inputs


def test_an_app_from_a_saved_events_file_needs_no_texts() -> None:
    app = create_app(seed_like_frame())
    corpus = app.server.config["DATELINE_CORPUS"]
    assert not corpus.has_texts
    assert corpus.published == date(2024, 6, 20)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_serve_reads_a_saved_events_file_without_texts(tmp_path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    from dashboard.store.open import load
    from extract.serialize import write

    path = tmp_path / f"events{suffix}"
    write(seed_like_frame(), path)
    frame, articles = load([path])
    assert articles == []
    assert list(frame["event_id"]) == list(seed_like_frame()["event_id"])
    assert frame["actors"].iloc[0] == ["Klaus Iohannis", "Mark Rutte", "NATO"]


def test_a_click_on_a_count_bar_zooms_into_its_bin_and_selects_nothing() -> None:
    from dashboard.chart.figure import ViewState, figure_dict
    from dashboard.store.synthetic import synthetic_frame
    from dashboard.ui.handlers import clicked_bin

    figure = figure_dict(synthetic_frame(20_000), ViewState())
    bars = [t for t in figure["data"] if t["type"] == "bar"]
    custom = bars[0]["customdata"][0]
    click = {"points": [{"x": custom[1], "customdata": custom}]}
    assert clicked_event(click) is None
    start, end = clicked_bin(click)
    assert start == custom[1] and end > start
    assert clicked_bin({"points": [{"customdata": ["001:12"]}]}) is no_update
