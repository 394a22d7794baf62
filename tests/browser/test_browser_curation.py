"""Curating through the real UI of a real ``dateline serve --data DIR``: hide, edit, merge and
undo, then a reload and a restart find the curations still there, and an export reflects them."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dash_client import start_server
from test_browser import TIMEOUT, console_errors, css

from dashboard.ui import ids
from extract.curation_log import CurationLog

pytestmark = pytest.mark.browser

LABEL = "MH17 shot down over eastern Ukraine"


def wait(driver: Any, condition: Callable[[Any], Any], timeout: float = TIMEOUT) -> Any:
    """Wait for ``condition``; an element re-rendered while it was read just means "again"."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def open_page(driver: Any, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: css(d, "#timeline .scatterlayer .points path"), timeout=60)
    wait(driver, lambda d: css(d, f"#{ids.TABLE} .ag-row"))
    time.sleep(0.5)


def rows_of(driver: Any, year: str) -> list[Any]:
    """The table's rows whose Date cell reads ``year``."""
    return [r for r in css(driver, f"#{ids.TABLE} .ag-center-cols-container .ag-row")
            if r.find_elements("css selector", "[col-id='start']")
            and r.find_element("css selector", "[col-id='start']").text.strip() == year]


def labels_of(driver: Any, year: str) -> list[str]:
    return [r.find_element("css selector", "[col-id='label']").text for r in rows_of(driver, year)]


def select_row(driver: Any, year: str, index: int = 0) -> None:
    row = rows_of(driver, year)[index]
    cell = row.find_element("css selector", "[col-id='label']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    time.sleep(0.2)
    cell.click()
    wait(driver, lambda d: not d.find_element("id", ids.CURATE_HIDE).get_attribute("disabled"))


def press(driver: Any, component_id: str) -> None:
    button = driver.find_element("id", component_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    time.sleep(0.2)
    button.click()


def set_value(driver: Any, component_id: str, value: str) -> None:
    """Type into a React-controlled input the way a user's typing reaches it."""
    element = driver.find_element("id", component_id)
    driver.execute_script(
        "const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        "set.call(arguments[0], arguments[1]);"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        element, value,
    )


def curated_view_holds(driver: Any) -> None:
    """The hide and the edit are in the page: no 1979 row, the 2014 row renamed, and counted."""
    wait(driver, lambda d: not rows_of(d, "1979"))
    wait(driver, lambda d: labels_of(d, "17 July 2014") == [LABEL])
    assert "curated" in driver.find_element("id", ids.SUMMARY).text


def test_hide_edit_merge_and_undo_last_through_reload_restart_and_export(
    browser: Any, tmp_path: Path, downloads: Path
) -> None:
    data = tmp_path / "data"
    with start_server("--data", str(data), "--workers", "4") as (_process, url):
        open_page(browser, url)
        assert rows_of(browser, "1979") and labels_of(browser, "2014")

        select_row(browser, "1979")  # hide, from the source panel
        press(browser, ids.CURATE_HIDE)
        wait(browser, lambda d: not rows_of(d, "1979"))
        wait(browser, lambda d: "1 curated" in d.find_element("id", ids.SUMMARY).text)

        select_row(browser, "2014")  # edit in place, from the source panel
        press(browser, ids.CURATE_EDIT)
        wait(browser, lambda d: d.find_element("id", ids.CURATE_LABEL).is_displayed())
        set_value(browser, ids.CURATE_LABEL, LABEL)
        set_value(browser, ids.CURATE_FROM, "2014-07-17")
        set_value(browser, ids.CURATE_TO, "2014-07-17")
        press(browser, ids.CURATE_SAVE)
        curated_view_holds(browser)

        before = labels_of(browser, "2021")  # merge two ticked rows, from the table
        assert len(set(before[:2])) == 2
        select_row(browser, "2021", 0)  # a click selects one row, a tick adds another
        box = rows_of(browser, "2021")[1].find_element("css selector", "input[type='checkbox']")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        time.sleep(0.3)
        press(browser, ids.CURATE_MERGE)
        wait(browser, lambda d: "Merged 2 events" in d.find_element("id", ids.CURATE_MESSAGE).text)
        merged = labels_of(browser, "2021")
        assert len(set(merged[:2])) == 1, "one happening now: one label"

        press(browser, ids.CURATE_TABLE_UNDO)  # undo the merge, from the table
        wait(browser, lambda d: labels_of(d, "2021") == before)

        press(browser, ids.SHOW_HIDDEN)
        wait(browser, lambda d: css(d, f"#{ids.TABLE} .row-hidden"))  # hidden, shown greyed
        assert rows_of(browser, "1979")
        assert console_errors(browser) == []

        open_page(browser, url)  # reload
        curated_view_holds(browser)

    ops = [r["op"] for r in CurationLog(data).read()]
    assert ops == ["hide", "edit", "merge", "undo"]

    with start_server("--data", str(data)) as (_process, url):  # restart
        open_page(browser, url)
        curated_view_holds(browser)
        browser.find_element("css selector", ".header-actions .dropdown-toggle").click()
        wait(browser, lambda d: d.find_element("id", ids.EXPORT_JSON).is_displayed())
        browser.find_element("id", ids.EXPORT_JSON).click()
        saved = wait(browser, lambda d: list(downloads.glob("*.json")), timeout=60)[0]
        time.sleep(0.5)
        events = json.loads(saved.read_text(encoding="utf-8"))
        assert not [e for e in events if e["date_start"].startswith("1979")]
        assert [e["label"] for e in events if e["date_start"] == "2014-07-17"] == [LABEL]
        assert console_errors(browser) == []
