"""Accessible and usable on every screen, in headless Chromium: axe-core finds nothing in either
theme, a tap on a mark shows its sentence on a phone and a tablet, the keyboard alone reaches
an event and opens its source, and a shared link opens the event it names.

axe-core is vendored in ``tests/browser/vendor`` (version 4.14.1 from the npm registry,
``npm pack axe-core``; Mozilla Public License 2.0, see ``AXE-LICENSE``): tests never fetch it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from test_browser import console_errors, css, open_app, wait

from dashboard.ui import ids

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def viewport(driver: Any, width: int, height: int) -> None:
    """Emulate a ``width`` x ``height`` screen (Chromium windows cannot be narrower than 500)."""
    driver.set_window_size(max(width, 500), height + 120)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700},
    )


def set_theme(driver: Any, dark: bool) -> None:
    switch = driver.find_element("id", ids.THEME)
    if switch.is_selected() != dark:
        driver.execute_script("arguments[0].click()", switch)
    mode = "dark" if dark else "light"
    wait(
        driver, lambda d: d.find_element("tag name", "html").get_attribute("data-bs-theme") == mode
    )
    wait(driver, lambda d: d.find_element("id", ids.CHART_SUMMARY).text)
    time.sleep(1.0)  # the figure redrawn in the theme's colours


def axe_violations(driver: Any) -> list[str]:
    """Every axe-core violation on the page, any impact, one line each."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(120)
    found = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done(r.violations.map(function (v) {"
        "    return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {"
        "      return n.target.join(' '); }).slice(0, 5).join(' | '); }));"
        "}, function (e) { done(['axe failed: ' + e]); });"
    )
    return list(found)


def hover_mark(driver: Any, needle: str) -> Any:
    """Bring the chart's mark whose hover label mentions ``needle`` under the pointer."""
    from selenium.webdriver.common.action_chains import ActionChains

    for point in css(driver, "#timeline .scatterlayer .points path"):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", point)
        try:
            ActionChains(driver).move_to_element(point).perform()
        except Exception:  # noqa: BLE001 - a point of the range slider, out of reach
            continue
        time.sleep(0.1)
        if any(needle in h.text for h in css(driver, "#timeline .hoverlayer .hovertext")):
            return ActionChains(driver)
    raise AssertionError(f"no mark mentions {needle!r}")


def sentence_in_view(driver: Any) -> bool:
    """The highlighted sentence is on screen and nothing covers its middle."""
    return bool(
        driver.execute_script(
            "var m = document.getElementById('event-sentence'); if (!m) { return false; }"
            "var r = m.getBoundingClientRect();"
            "if (r.height === 0 || r.top < 0 || r.top > window.innerHeight - 10) { return false; }"
            "var hit = document.elementFromPoint(r.left + 5, r.top + 5);"
            "return !!hit && (m === hit || m.contains(hit));"
        )
    )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_finds_no_violation_of_any_impact(browser: Any, seeds_url: str, dark: bool) -> None:
    """On the page as it opens, and with an event's source open (badges, highlight, buttons)."""
    open_app(browser, seeds_url)
    set_theme(browser, dark)
    assert axe_violations(browser) == []
    event_id = css(browser, f"#{ids.TABLE} .ag-row[row-index='3']")[0].get_attribute("row-id")
    open_app(browser, f"{seeds_url}?event={quote(event_id)}")
    wait(browser, lambda d: css(d, "#event-sentence"))
    set_theme(browser, dark)
    assert axe_violations(browser) == []
    assert console_errors(browser) == []


def test_every_filter_is_named_by_its_label(browser: Any, seeds_url: str) -> None:
    open_app(browser, seeds_url)
    names = {
        control: browser.find_element("id", control).accessible_name
        for control in (ids.ACTORS, ids.DOCS, ids.SEARCH, ids.DATE_FROM, ids.DATE_TO)
    }
    assert names[ids.ACTORS].startswith("Actors")  # not the placeholder, "Anyone"
    assert names[ids.DOCS].startswith("Source article")
    assert names[ids.SEARCH] == "Search"
    assert names[ids.DATE_FROM] and names[ids.DATE_TO]
    chart = browser.find_element("id", ids.CHART_FOCUS)
    assert chart.accessible_name == "Timeline of the events"
    assert "The chart shows" in browser.find_element("id", ids.CHART_SUMMARY).text


@pytest.mark.parametrize("size", [(390, 844), (1024, 768)], ids=["phone", "tablet"])
def test_a_tap_on_a_mark_brings_its_sentence_into_view(
    browser: Any, seeds_url: str, size: tuple[int, int]
) -> None:
    viewport(browser, *size)
    open_app(browser, seeds_url)
    hover_mark(browser, "withdrew").click().perform()
    wait(browser, lambda d: css(d, "#event-sentence"))
    wait(browser, sentence_in_view, timeout=10)
    assert "withdr" in browser.find_element("id", "event-sentence").text
    assert "event=" in browser.current_url
    close = browser.find_element("id", ids.PANEL_CLOSE)
    assert close.is_displayed()
    close.click()
    wait(browser, lambda d: "is-open" not in d.find_element("id", ids.PANEL).get_attribute("class"))
    hover_mark(browser, "withdrew").click().perform()  # the same event again: the drawer returns
    wait(browser, lambda d: "is-open" in d.find_element("id", ids.PANEL).get_attribute("class"))
    wait(browser, sentence_in_view, timeout=10)
    assert console_errors(browser) == []


def test_the_keyboard_alone_reaches_an_event_and_opens_its_source(
    browser: Any, seeds_url: str
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_app(browser, seeds_url)
    wait(browser, lambda d: d.find_element("id", ids.CHART_SUMMARY).text)
    for _ in range(60):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script("return document.activeElement.id") == ids.CHART_FOCUS:
            break
    else:
        raise AssertionError("Tab never reached the timeline")
    announced = browser.find_element("id", ids.ANNOUNCE)
    ActionChains(browser).send_keys(Keys.HOME).perform()
    wait(browser, lambda d: announced.get_attribute("textContent").startswith("1 of "))
    earliest = css(browser, f"#{ids.TABLE} .ag-row[row-index='0'] [col-id='label']")[0].text
    assert earliest.split()[0] in announced.get_attribute("textContent")
    seen = []
    for _ in range(3):
        ActionChains(browser).send_keys(Keys.ARROW_RIGHT).perform()
        time.sleep(0.2)
        seen.append(announced.get_attribute("textContent"))
    total = seen[0].split(":")[0].split(" of ")[1]
    assert [s.split(":")[0] for s in seen] == [f"{i} of {total}" for i in (2, 3, 4)]
    assert " 20" in seen[-1] or " 19" in seen[-1]  # a year: the date is announced
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait(browser, lambda d: css(d, "#event-sentence"))
    label = seen[-1].split(": ", 1)[1].split(".")[0]
    panel = browser.find_element("id", ids.PANEL_BODY).text
    assert label.split()[0] in panel
    assert console_errors(browser) == []


def test_a_shared_link_opens_the_source_of_its_event(browser: Any, seeds_url: str) -> None:
    open_app(browser, seeds_url)
    row = css(browser, f"#{ids.TABLE} .ag-row[row-index='2']")[0]
    event_id = row.get_attribute("row-id")
    label = row.find_element("css selector", "[col-id='label']").text
    open_app(browser, f"{seeds_url}?event={quote(event_id)}")
    wait(browser, lambda d: css(d, "#event-sentence"))
    assert label.split()[0] in browser.find_element("id", ids.PANEL_BODY).text
    assert console_errors(browser) == []


def test_on_a_phone_filters_fold_and_the_table_shows_date_and_event(
    browser: Any, seeds_url: str
) -> None:
    viewport(browser, 390, 844)
    open_app(browser, seeds_url)
    toggle = browser.find_element("id", ids.FILTERS_TOGGLE)
    assert toggle.is_displayed()
    assert not browser.find_element("id", ids.SEARCH).is_displayed()
    chart_top = browser.find_element("id", ids.GRAPH).rect["y"]
    assert chart_top < 844 / 2  # the timeline starts on the first screen
    toggle.click()
    wait(browser, lambda d: d.find_element("id", ids.SEARCH).is_displayed())
    assert toggle.get_attribute("aria-expanded") == "true"
    cells = wait(browser, lambda d: css(d, f"#{ids.TABLE} .ag-row [col-id='entry']"))
    first = cells[0].text.splitlines()
    assert len(first) >= 2 and first[1]  # the date, then the whole event
    assert not any(c.text.endswith("…") for c in cells)
    assert css(browser, f"#{ids.TABLE} .ag-header-cell[col-id='actors']") == []
    assert browser.find_element("id", ids.GRAPH).rect["height"] >= 400
    assert console_errors(browser) == []
