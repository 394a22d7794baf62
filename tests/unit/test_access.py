"""Accessibility without a browser: the chart in words, the page's language, labelled controls,
landmarks and headings, shared event links, and the chart's colours against WCAG 2.2 AA."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from dashboard.chart.figure import Plan, ViewState, plan_marks
from dashboard.chart.summary import chart_summary, densest_bin, describe_plan, describe_view
from dashboard.chart.traces import PALETTES, TimeBins
from dashboard.store.filters import FilterState
from dashboard.store.open import as_store
from dashboard.store.synthetic import seed_like_frame
from dashboard.ui import ids
from dashboard.ui.access import event_from_query, with_language


def bins(*rows: tuple[str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "start": pd.to_datetime([r[0] for r in rows]),
            "modality": [r[1] for r in rows],
            "count": [r[2] for r in rows],
        }
    )


def test_the_summary_names_the_span_the_count_and_the_busiest_period() -> None:
    counts = bins(
        ("2024-05-01", "happened", 2),
        ("2024-06-01", "happened", 4),
        ("2024-06-01", "expected", 3),
        ("2024-07-01", "happened", 5),
    )
    text = chart_summary(14, date(2024, 5, 3), date(2024, 7, 9), counts, "M")
    assert text == (
        "The chart shows 14 dated events from May 2024 to July 2024. "
        "The busiest month is June 2024, with 7 events."
    )


def test_the_busiest_period_sums_modalities_and_the_earliest_wins_a_tie() -> None:
    counts = bins(
        ("2020-01-01", "happened", 3),
        ("2021-01-01", "expected", 1),
        ("2021-01-01", "happened", 2),
    )
    assert densest_bin(counts) == (date(2020, 1, 1), 3)
    assert densest_bin(bins()) is None


def test_a_summary_of_years_and_of_a_single_day_reads_naturally() -> None:
    years = chart_summary(
        33, date(1949, 4, 4), date(2024, 7, 10), bins(("2024-01-01", "happened", 20)), "Y"
    )
    assert years.startswith("The chart shows 33 dated events from 1949 to 2024.")
    assert "The busiest year is 2024, with 20 events." in years
    one = chart_summary(1, date(2024, 6, 20), date(2024, 6, 20), bins(), "D")
    assert one == "The chart shows 1 dated event on 20 June 2024."


def test_a_week_bin_is_named_as_its_week() -> None:
    text = chart_summary(
        9, date(2024, 6, 1), date(2024, 8, 30), bins(("2024-06-17", "happened", 5)), "W"
    )
    assert "The busiest week is week of 17 June 2024, with 5 events." in text


def test_no_events_is_said_in_words() -> None:
    assert "no events" in chart_summary(0, None, None, bins(), "D")


def test_the_summary_counts_the_marks_drawn_in_the_zoom() -> None:
    frame = seed_like_frame()
    store = as_store(frame)
    marks = plan_marks(frame, ViewState())
    everything = describe_view(store, FilterState(), ViewState())
    reports = sum(map(len, marks.marks["members"]))
    assert reports > len(marks.marks)  # some marks hold several reports: both are said
    assert everything.startswith(
        f"The chart shows {reports} dated events as {len(marks.marks)} marks"
    )
    assert "The busiest month is" in everything  # a month, even over decades
    window = (date(2024, 6, 1), date(2024, 7, 31))
    zoomed = describe_view(store, FilterState(), ViewState(x_range=window))
    drawn = plan_marks(frame, ViewState(x_range=window)).marks
    inside = drawn[(drawn["date_end"] >= "2024-06-01") & (drawn["date_start"] <= "2024-07-31")]
    assert len(inside) < len(drawn) or len(inside) < len(marks.marks)
    assert zoomed.startswith(f"The chart shows {sum(map(len, inside['members']))} dated events")
    assert f" as {len(inside)} marks from June 2024" in zoomed
    assert "no events" in describe_view(store, FilterState(text="zzzzqqq"), ViewState())


def test_the_summary_of_count_bars_keeps_to_the_range_on_screen() -> None:
    counts = bins(
        ("2024-01-01", "happened", 50),  # kept beyond the left edge for panning
        ("2024-02-01", "happened", 7),
        ("2024-03-01", "happened", 9),
        ("2024-03-01", "expected", 2),
    )
    plan = Plan("counts", seed_like_frame().iloc[:0], bins=TimeBins("M", counts))
    text = describe_plan(plan, (date(2024, 2, 10), date(2024, 3, 20)))
    assert text == (
        "The chart shows 18 dated events from February 2024 to March 2024. "
        "The busiest month is March 2024, with 11 events."
    )


def test_the_page_declares_its_language_once() -> None:
    page = with_language("<!DOCTYPE html>\n<html>\n<head></head></html>")
    assert '<html lang="en">' in page
    assert with_language(page) == page


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("?actor=Mark+Rutte&event=e-12", "e-12"),
        ("?event=", None),
        ("", None),
        (None, None),
        ("?event=a&event=b", "b"),
    ],
)
def test_a_shared_link_names_the_event_to_open(search: str | None, expected: str | None) -> None:
    assert event_from_query(search) == expected


# --- the page's structure, rendered as data --------------------------------------------------


def _walk(component: Any) -> list[Any]:
    out = [component]
    children = getattr(component, "children", None)
    if isinstance(children, list | tuple):
        for child in children:
            out.extend(_walk(child))
    elif children is not None and hasattr(children, "to_plotly_json"):
        out.extend(_walk(children))
    return out


@pytest.fixture(scope="module")
def page() -> list[Any]:
    from dashboard.store.corpus import Corpus
    from dashboard.ui.layout import build_layout

    corpus = Corpus(seed_like_frame(), {})
    return _walk(build_layout(corpus, {"all": None, "year": None, "month": None}, {}))


def test_the_page_has_one_h1_one_main_and_headings_in_order(page: list[Any]) -> None:
    names = [type(c).__name__ for c in page]
    assert names.count("H1") == 1
    assert names.count("Main") == 1
    levels = [int(n[1]) for n in names if len(n) == 2 and n[0] == "H" and n[1].isdigit()]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


def test_every_text_filter_has_a_label_tied_to_it(page: list[Any]) -> None:
    targets = {getattr(c, "htmlFor", None) for c in page if type(c).__name__ == "Label"}
    for control in (ids.ACTORS, ids.DOCS, ids.SEARCH, ids.DATE_FROM, ids.DATE_TO):
        assert control in targets, control


def test_the_chart_is_one_named_tab_stop_described_by_its_summary(page: list[Any]) -> None:
    wrapper = next(c for c in page if getattr(c, "id", None) == ids.CHART_FOCUS)
    attributes = wrapper.to_plotly_json()["props"]
    assert attributes["tabIndex"] == 0
    assert attributes["aria-label"]
    assert ids.CHART_SUMMARY in attributes["aria-describedby"]
    live = next(c for c in page if getattr(c, "id", None) == ids.ANNOUNCE)
    assert live.to_plotly_json()["props"]["aria-live"] == "polite"


# --- colour ------------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2.2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_measured_as_wcag_defines_it() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_chart_text_and_marks_meet_wcag_aa_in_both_themes(theme: str) -> None:
    palette = PALETTES[theme]
    assert contrast(palette.text, palette.paper) >= 4.5  # labels, ticks, legend
    assert contrast(palette.muted, palette.paper) >= 4.5  # notes, the "published" label
    for modality, colour in palette.modality.items():  # marks: non-text contrast 3:1
        assert contrast(colour, palette.paper) >= 3.0, modality
    assert contrast(palette.conflict, palette.paper) >= 3.0
    assert contrast(palette.selected, palette.paper) >= 3.0


def test_on_a_phone_the_legend_flows_in_one_order_above_the_dates() -> None:
    from dashboard.chart.figure import ViewState, figure_dict

    frame = seed_like_frame()
    wide = figure_dict(frame, ViewState(width_px=900))["layout"]
    narrow = figure_dict(frame, ViewState(width_px=320))["layout"]
    assert narrow["legend"]["traceorder"] == "normal"
    assert "traceorder" not in wide["legend"]
    assert narrow["margin"]["t"] > wide["margin"]["t"]
