"""Zooming a corpus shaped like Reuters in headless Chromium: detail that follows the zoom, a
count axis refitted to the bars in view, a table that lists the visible window, and a way back
from a window with no events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from test_browser import console_errors, css, wait

from dashboard.ui import ids

pytestmark = pytest.mark.browser


def chart_text(driver: Any) -> str:
    """The chart's text, read in one step (plotly redraws it while a test polls)."""
    script = f"var g = document.getElementById('{ids.GRAPH}'); return g ? g.textContent : '';"
    return str(driver.execute_script(script))


def tick_labels(driver: Any) -> list[str]:
    return list(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('#timeline .xtick text'))"
            ".map(function (t) {return t.textContent.trim();}).filter(Boolean);"
        )
    )


def figure(driver: Any) -> dict[str, Any]:
    """The figure plotly is drawing now: its traces' x and y, and the axis ranges."""
    return driver.execute_script(
        "var g = document.querySelector('#timeline .js-plotly-plot');"
        "if (!g || !g.data || !g.layout || !g.layout.xaxis) {return {data: [], x: ['', '']};}"
        "return {data: g.data.map(function (t) {return {type: t.type, name: t.name,"
        " x: Array.from(t.x || []), y: Array.from(t.y || [])};}),"
        " x: g.layout.xaxis.range, y: g.layout.yaxis.range};"
    )


def bar_tops(fig: dict[str, Any]) -> dict[str, float]:
    """Stacked height of the count bars per bin start (first 10 characters: the day)."""
    tops: dict[str, float] = {}
    for trace in fig["data"]:
        if trace["type"] == "bar":
            for x, y in zip(trace["x"], trace["y"], strict=True):
                tops[str(x)[:10]] = tops.get(str(x)[:10], 0) + float(y)
    return tops


@pytest.fixture(scope="module")
def reuters_url(serve: Callable[..., str]) -> str:
    from dashboard.store.synthetic import reuters_like_frame

    # A busy March 1987 with one much busier day, a year of coarse dates, outliers far away.
    return serve(reuters_like_frame(8_000, busiest=3_000))


def test_a_week_zoom_shows_each_day_and_the_axis_fits_its_bars(
    browser: Any, reuters_url: str
) -> None:
    browser.get(reuters_url)
    wait(browser, lambda d: "counts per" in chart_text(d))
    first = figure(browser)
    assert first["x"][0] >= "1986" and first["x"][1] <= "1989"  # the dense dates, no outliers
    tallest = max(bar_tops(first).values())
    assert tallest <= first["y"][1] <= 1.5 * tallest
    browser.get(reuters_url + "?x=1987-03-02~1987-03-08")
    wait(browser, lambda d: str(figure(d)["x"][0]).startswith("1987-03-02"))
    wait(browser, lambda d: "counts per day" in chart_text(d))
    week = figure(browser)
    tops = {d: n for d, n in bar_tops(week).items() if "1987-03-02" <= d < "1987-03-08"}
    assert len(tops) >= 5
    assert max(tops.values()) <= week["y"][1] <= 1.5 * max(tops.values())  # not 31 March's
    labels = tick_labels(browser)
    assert len(labels) >= 5 and len(labels) == len(set(labels))
    assert console_errors(browser) == []


def test_a_one_day_zoom_labels_that_days_events_and_the_table_lists_them(
    browser: Any, reuters_url: str
) -> None:
    browser.get(reuters_url + "?x=1987-03-09~1987-03-10")
    wait(browser, lambda d: css(d, "#timeline .textpoint text"))
    labels = browser.execute_script(
        "return Array.from(document.querySelectorAll('#timeline .textpoint text'))"
        ".map(function (t) {return t.textContent.trim();}).filter(Boolean);"
    )
    assert len(labels) > 100
    ticks = tick_labels(browser)
    assert ticks and len(ticks) == len(set(ticks))
    wait(browser, lambda d: "in view" in d.find_element("id", ids.MATCH_COUNT).text)
    rows = wait(browser, lambda d: css(d, f"#{ids.TABLE} .ag-center-cols-container .ag-row"))
    assert all("9 March 1987" in row.text for row in rows[:10])
    assert console_errors(browser) == []


def test_an_empty_window_says_so_and_show_all_zooms_back_out(
    browser: Any, reuters_url: str
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(reuters_url + "?x=2150-01-01~2150-02-01")
    wait(browser, lambda d: "No events between" in chart_text(d))
    assert css(browser, "#timeline .rangeslider-container")  # the axis is still there
    css(browser, "#timeline .updatemenu-button")[0].click()
    wait(browser, lambda d: "x=" not in d.current_url and "counts per" in chart_text(d))
    browser.get(reuters_url + "?x=2150-01-01~2150-02-01")
    wait(browser, lambda d: "No events between" in chart_text(d))
    ActionChains(browser).double_click(css(browser, "#timeline .nsewdrag")[0]).perform()
    wait(browser, lambda d: "x=" not in d.current_url and "counts per" in chart_text(d))
    assert console_errors(browser) == []


def test_an_empty_zoom_does_not_carry_into_by_actor(browser: Any, reuters_url: str) -> None:
    browser.get(reuters_url + "?x=2150-01-01~2150-02-01")
    wait(browser, lambda d: "No events between" in chart_text(d))
    by_actor = next(e for e in css(browser, f"#{ids.GROUP_BY} label") if "actor" in e.text)
    by_actor.click()
    wait(browser, lambda d: "group=actor" in d.current_url and "x=" not in d.current_url)
    wait(browser, lambda d: "No events between" not in chart_text(d))
    assert console_errors(browser) == []
