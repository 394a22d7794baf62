"""The real app in headless Chromium: seeds load, an actor filter works, a click shows the source,
exports download, and hostile article text is shown as text with nothing executed."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dashboard.ui import ids

pytestmark = pytest.mark.browser

TIMEOUT = 30


def wait(driver: Any, condition: Callable[[Any], Any], timeout: float = TIMEOUT) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def css(driver: Any, selector: str) -> list[Any]:
    return driver.find_elements("css selector", selector)


def open_app(driver: Any, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: css(d, "#timeline .scatterlayer .points path"))
    wait(driver, lambda d: css(d, f"#{ids.TABLE} .ag-row"))


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def dropdown_search(driver: Any, dropdown: str, text: str, *, open_it: bool = True) -> Any:
    """Open ``dropdown`` (unless open) and type ``text`` in its search box; returns the box."""
    if open_it:
        css(driver, f"#{dropdown}")[0].click()
    box = wait(
        driver,
        lambda d: [
            e
            for e in css(d, "input")
            if e.is_displayed()
            and e.get_attribute("type") in ("search", "text")
            and e.get_attribute("id") not in (ids.SEARCH, ids.PASTE_TITLE)
        ],
    )[0]
    box.send_keys(text)
    return box


def click_mark(driver: Any, needle: str) -> None:
    """Hover the chart's marks until one's hover label mentions ``needle``; click it."""
    from selenium.webdriver.common.action_chains import ActionChains

    for point in css(driver, "#timeline .scatterlayer .points path"):
        ActionChains(driver).move_to_element(point).perform()
        time.sleep(0.1)
        if any(needle in h.text for h in css(driver, "#timeline .hoverlayer .hovertext")):
            ActionChains(driver).click().perform()
            return
    raise AssertionError(f"no mark mentions {needle!r}")


def chart_labels(driver: Any) -> list[str]:
    return [t.text.strip() for t in css(driver, "#timeline .textpoint text")]


def test_the_seeds_show_every_event_with_a_label(browser: Any, seeds_url: str) -> None:
    from dashboard.chart.figure import ViewState, plan_marks
    from dashboard.store.open import load

    open_app(browser, seeds_url)
    frame, _ = load([])
    marks = plan_marks(frame, ViewState())
    assert len(chart_labels(browser)) == len(marks.marks)
    summary = browser.find_element("id", ids.SUMMARY).text
    assert "2 articles" in summary and f"{len(frame)} events" in summary
    assert console_errors(browser) == []


def test_an_actor_filter_narrows_chart_table_and_url(browser: Any, seeds_url: str) -> None:
    from selenium.webdriver.common.keys import Keys

    open_app(browser, seeds_url)
    before = len(chart_labels(browser))
    search = dropdown_search(browser, ids.ACTORS, "Orban")
    time.sleep(0.3)
    search.send_keys(Keys.ENTER)
    search.send_keys(Keys.ESCAPE)
    wait(browser, lambda d: "actor=Viktor+Orban" in d.current_url)
    wait(browser, lambda d: 0 < len(chart_labels(d)) < before)
    count = browser.find_element("id", ids.MATCH_COUNT).text
    assert count.startswith(f"{len(chart_labels(browser))} of") or "of" in count
    actors = [c.text for c in css(browser, f"#{ids.TABLE} .ag-row [col-id='actors']")]
    assert actors and all("Viktor Orban" in a for a in actors)
    assert console_errors(browser) == []


def test_a_bookmarked_url_opens_the_same_view(browser: Any, seeds_url: str) -> None:
    open_app(browser, seeds_url + "?actor=Jens+Stoltenberg&group=actor")
    wait(
        browser,
        lambda d: (
            "Jens Stoltenberg" in d.find_element("id", ids.MATCH_COUNT).text
            or "of" in d.find_element("id", ids.MATCH_COUNT).text
        ),
    )
    ticks = [t.text for t in css(browser, "#timeline .ytick text")]
    assert "Jens Stoltenberg" in ticks
    assert console_errors(browser) == []


def test_clicking_an_event_highlights_its_sentence_in_the_article(
    browser: Any, seeds_url: str
) -> None:
    open_app(browser, seeds_url)
    click_mark(browser, "withdrew")
    mark = wait(browser, lambda d: css(d, "#event-sentence"))[0]
    assert "withdr" in mark.text
    timex = mark.find_element("css selector", ".timex").text
    assert "Thursday" in timex
    panel = browser.find_element("id", ids.PANEL_BODY).text
    assert "also reported by" in panel.lower()
    assert console_errors(browser) == []


def test_a_table_row_selects_the_same_event(browser: Any, seeds_url: str) -> None:
    open_app(browser, seeds_url)
    row = css(browser, f"#{ids.TABLE} .ag-row [col-id='label']")[0]
    label = row.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    time.sleep(0.3)
    row.click()
    wait(browser, lambda d: css(d, "#event-sentence"))
    assert label.split()[0] in browser.find_element("id", ids.PANEL_BODY).text
    assert console_errors(browser) == []


def test_exporting_the_view_downloads_a_png(browser: Any, seeds_url: str, downloads: Path) -> None:
    from PIL import Image

    open_app(browser, seeds_url)
    browser.find_element("css selector", ".header-actions .dropdown-toggle").click()
    wait(browser, lambda d: d.find_element("id", ids.EXPORT_PNG).is_displayed())
    browser.find_element("id", ids.EXPORT_PNG).click()
    png = wait(browser, lambda d: [p for p in downloads.glob("*.png")], timeout=90)[0]
    time.sleep(0.5)
    with Image.open(png) as image:
        assert image.width >= 1000 and image.height >= 400
    assert console_errors(browser) == []


def test_hostile_article_text_is_shown_as_text_and_never_runs(
    browser: Any, serve: Callable[..., str]
) -> None:
    from extract.pipeline import extract_articles
    from extract.read.readers import read_text_article

    text = (
        "<script>window.__xss = 1; alert(1)</script> NATO leaders met in Brussels on "
        '3 July 2024. <img src=x onerror="window.__xss = 2"> Talks resume on 9 July 2024.'
    )
    article = read_text_article(
        text,
        doc_id="hostile",
        title="<b>Hostile</b>",
        published=__import__("datetime").date(2024, 7, 4),
    )
    frame, articles = extract_articles([article])
    assert not frame.empty
    url = serve(frame, articles)
    open_app(browser, url)
    click_mark(browser, "Brussels")
    wait(browser, lambda d: css(d, "#event-sentence"))
    panel = browser.find_element("id", ids.PANEL_BODY)
    assert "<script>window.__xss = 1; alert(1)</script>" in panel.text
    assert "<b>Hostile</b>" in panel.text
    assert panel.find_elements("css selector", "script, img, b") == []
    assert browser.execute_script("return window.__xss === undefined")
    assert css(browser, "img[src='x']") == []
    assert console_errors(browser) == []


def test_a_pasted_article_joins_the_timeline(browser: Any, serve: Callable[..., str]) -> None:
    from dashboard.store.synthetic import seed_like_articles, seed_like_frame

    url = serve(seed_like_frame(), seed_like_articles())
    open_app(browser, url)
    browser.find_element("id", ids.UPLOAD_OPEN).click()
    paste = wait(browser, lambda d: [e for e in css(d, f"#{ids.PASTE}") if e.is_displayed()])[0]
    paste.send_keys(
        "NATO defence ministers will meet in Brussels on 12 July 2024. "
        "<script>window.__xss = 3</script>"
    )
    browser.find_element("id", ids.PASTE_TITLE).send_keys("Ministers to meet")
    browser.execute_script(
        "var i = document.getElementById(arguments[0]);"
        "var set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        "set.call(i, '2024-06-20'); i.dispatchEvent(new Event('input', {bubbles: true}));"
        "i.dispatchEvent(new Event('change', {bubbles: true}));",
        ids.UPLOAD_DATE,
    )
    browser.find_element("id", ids.UPLOAD_ADD).click()
    status = wait(browser, lambda d: d.find_element("id", ids.UPLOAD_STATUS).text)
    assert status.startswith("Added 1 article")
    wait(browser, lambda d: "20 events" not in d.find_element("id", ids.SUMMARY).text)
    assert "3 articles" in browser.find_element("id", ids.SUMMARY).text
    assert browser.execute_script("return window.__xss === undefined")
    assert console_errors(browser) == []


def test_quick_views_zoom_and_a_double_click_resets(browser: Any, seeds_url: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_app(browser, seeds_url)
    everything = len(chart_labels(browser))
    browser.find_element("id", ids.QUICK_MONTH).click()
    wait(browser, lambda d: "x=2024-06-04~2024-07-06" in d.current_url)
    wait(browser, lambda d: 0 < len(chart_labels(d)) < everything)  # repacked for the month
    drag = css(browser, "#timeline .nsewdrag")[0]
    ActionChains(browser).double_click(drag).perform()
    wait(browser, lambda d: "x=" not in d.current_url)
    wait(browser, lambda d: len(chart_labels(d)) == everything)
    assert console_errors(browser) == []


def test_many_events_show_as_counts_and_a_bar_click_zooms_in(
    browser: Any, serve: Callable[..., str]
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    from dashboard.store.synthetic import synthetic_frame

    url = serve(synthetic_frame(20_000))
    browser.get(url)
    bars = wait(browser, lambda d: css(d, "#timeline .cartesianlayer .barlayer .point path"))
    assert "counts per" in browser.find_element("id", ids.GRAPH).text
    ActionChains(browser).move_to_element(bars[len(bars) // 2]).click().perform()
    wait(browser, lambda d: "x=" in d.current_url)
    wait(browser, lambda d: "counts per" not in d.find_element("id", ids.GRAPH).text)
    assert console_errors(browser) == []
