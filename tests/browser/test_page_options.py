"""A page that opens the same whatever the corpus: a small layout built per request, dropdowns
searched on the server, and a page opened after an upload that shows it."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_browser import console_errors, css, dropdown_search, open_app, wait

from dashboard.ui import ids

pytestmark = pytest.mark.browser


def option_texts(driver: Any) -> list[str]:
    """The dropdown's options as shown (read in one go: they are redrawn as answers come)."""
    return driver.execute_script(
        "return [...document.querySelectorAll(\"[role='option']\")]"
        ".filter(e => e.offsetParent !== null).map(e => e.innerText.trim())"
    )


def paste(driver: Any, text: str, published: str) -> str:
    driver.find_element("id", ids.UPLOAD_OPEN).click()
    box = wait(driver, lambda d: [e for e in css(d, f"#{ids.PASTE}") if e.is_displayed()])[0]
    box.send_keys(text)
    driver.execute_script(
        "var i = document.getElementById(arguments[0]);"
        "var set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        "set.call(i, arguments[1]); i.dispatchEvent(new Event('input', {bubbles: true}));"
        "i.dispatchEvent(new Event('change', {bubbles: true}));",
        ids.UPLOAD_DATE,
        published,
    )
    driver.find_element("id", ids.UPLOAD_ADD).click()
    return wait(driver, lambda d: d.find_element("id", ids.UPLOAD_STATUS).text)


def test_a_new_actor_is_findable_on_a_page_opened_after_its_upload(
    browser: Any, serve: Callable[..., str]
) -> None:
    from selenium.webdriver.common.keys import Keys

    from dashboard.store.synthetic import seed_like_articles, seed_like_frame

    url = serve(seed_like_frame(), seed_like_articles())
    open_app(browser, url)
    status = paste(
        browser, "Foreign Minister Anna Kowalczyk of Poland resigned on 3 July 2024.", "2024-07-04"
    )
    assert status.startswith("Added 1 article")
    browser.get(url)  # a page opened after the upload: built now, not at start
    open_app(browser, url)
    assert "3 articles" in browser.find_element("id", ids.SUMMARY).text
    box = dropdown_search(browser, ids.ACTORS, "Kowal")
    wait(browser, lambda d: any(t.startswith("Anna Kowalczyk (") for t in option_texts(d)))
    box.send_keys(Keys.ENTER)
    box.send_keys(Keys.ESCAPE)
    wait(browser, lambda d: "actor=Anna+Kowalczyk" in d.current_url)
    rows = wait(browser, lambda d: css(d, f"#{ids.TABLE} .ag-row [col-id='actors']"))
    assert rows and all("Anna Kowalczyk" in r.text for r in rows)
    assert console_errors(browser) == []


def test_the_layout_of_a_large_store_stays_small(
    browser: Any, serve: Callable[..., str], large_set: tuple[Path, Any]
) -> None:
    from dashboard.store.open import open_events

    url = serve(open_events(large_set[0]))
    with urllib.request.urlopen(url + "_dash-layout", timeout=30) as response:
        layout = response.read()
    assert len(layout) < 100_000, f"the layout is {len(layout):,} bytes"
    browser.get(url)
    wait(browser, lambda d: css(d, "#timeline .cartesianlayer .barlayer .point path"))
    assert console_errors(browser) == []


def test_typing_in_the_article_dropdown_finds_articles_beyond_the_preloaded_ones(
    browser: Any, serve: Callable[..., str], large_set: tuple[Path, Any]
) -> None:
    from selenium.webdriver.common.keys import Keys

    from dashboard.store.open import open_events

    url = serve(open_events(large_set[0]))
    browser.get(url)
    wait(browser, lambda d: css(d, "#timeline .cartesianlayer .barlayer .point path"))
    css(browser, f"#{ids.DOCS}")[0].click()
    wait(browser, lambda d: option_texts(d))
    assert not any("doc000977" in t for t in option_texts(browser)), "not preloaded"
    box = dropdown_search(browser, ids.DOCS, "doc00097", open_it=False)
    wait(browser, lambda d: any("Article doc000977" in t for t in option_texts(d)))
    for _ in range(20):  # the server's matches, then Enter picks the highlighted one
        if option_texts(browser)[:1] == ["Article doc000970 (Source 70)"]:
            break
        time.sleep(0.1)
    box.send_keys(Keys.ENTER)
    box.send_keys(Keys.ESCAPE)
    wait(browser, lambda d: "doc=doc00097" in d.current_url)
    assert console_errors(browser) == []


def test_a_bookmarked_actor_beyond_the_preloaded_ones_stays_chosen(
    browser: Any, serve: Callable[..., str]
) -> None:
    from dashboard.store.synthetic import seed_like_articles, seed_like_frame
    from dashboard.ui.options import PRELOADED

    frame = seed_like_frame()
    rare = sorted({a for names in frame["actors"] for a in names})
    url = serve(frame, seed_like_articles())
    chosen = rare[-1]
    browser.get(url + "?actor=" + chosen.replace(" ", "+"))
    wait(browser, lambda d: chosen in d.find_element("id", ids.ACTORS).text)
    wait(browser, lambda d: f"actor={chosen.replace(' ', '+')}" in d.current_url)
    assert PRELOADED > 0 and console_errors(browser) == []
