"""Injected markup never runs, in a real browser, and the page works under its CSP.

Why: journalists load scraped pages and files with any name. Markup in an article's text, its
title or an upload's file name must be shown as the characters it is, wherever it appears (the
source panel, the table, the filters, the chart's hover, the upload messages). Each payload
here would leave a trace if it ran: ``window.__pwned`` set, ``document.title`` changed, an
``<img src=x>`` or a ``javascript:`` link in the DOM. A listener installed before any page script
(through the DevTools protocol, which the CSP does not govern) records every CSP violation, so
"works under the CSP" is checked, not assumed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_browser import console_errors, css, open_app, wait

from dashboard.ui import ids

pytestmark = pytest.mark.browser

PWN_TITLE = '<img src=x onerror="window.__pwned=1">Summit <script>document.title="pwned"</script>'
PWN_TEXT = (
    "<script>window.__pwned = 2</script>Leaders met in Brussels on 3 July 2024 "
    '<a href="javascript:window.__pwned=3">read more</a>. '
    '<img src=x onerror="window.__pwned=4"> Talks resume on 9 July 2024.'
)
# file names a colleague's disk could hold (no "/" on Linux); each would run if rendered as HTML
PWN_FILES = {
    '<img src=x onerror="window.__pwned=5">.txt': "Ministers met on 2 July 2024.",
    "javascript:window.__pwned=6.md": "The vote was held on 4 July 2024.",
    "<svg onload=window.__pwned=7>.txt": "",  # empty: refused, and named in the message
}
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def watch_csp(driver: Any) -> None:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_CSP})


def assert_nothing_ran(driver: Any) -> None:
    assert driver.execute_script("return window.__pwned") is None
    assert driver.title == "Dateline"
    assert css(driver, "img[src='x']") == []
    links = [a.get_attribute("href") or "" for a in css(driver, "a")]
    assert not [h for h in links if h.strip().lower().startswith("javascript:")], links
    assert driver.execute_script("return window.__csp") == []
    assert console_errors(driver) == []


@pytest.fixture
def hostile_url(serve: Callable[..., str]) -> str:
    from extract.pipeline import extract_articles
    from extract.read.readers import read_text_article

    article = read_text_article(
        PWN_TEXT, doc_id="hostile", title=PWN_TITLE, source="<b>Wire</b>",
        published=date(2024, 7, 4),
    )
    frame, articles = extract_articles([article])
    assert len(frame) >= 2
    return serve(frame, articles)


def test_markup_in_an_articles_title_and_text_is_shown_as_text_everywhere(
    browser: Any, hostile_url: str
) -> None:
    watch_csp(browser)
    open_app(browser, hostile_url)
    row = css(browser, f"#{ids.TABLE} .ag-row [col-id='label']")[0]
    row.click()
    wait(browser, lambda d: css(d, "#event-sentence"))
    panel = browser.find_element("id", ids.PANEL_BODY)
    assert "<script>document.title=\"pwned\"</script>" in panel.text  # the title, as text
    assert 'onerror="window.__pwned=4"' in panel.text  # the text, as text
    assert "javascript:window.__pwned=3" in panel.text
    assert panel.find_elements("css selector", "script, img, a[href^='javascript']") == []
    css(browser, f"#{ids.DOCS}")[0].click()  # the source filter lists the title as text
    time.sleep(0.5)
    for point in css(browser, "#timeline .scatterlayer .points path")[:3]:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(browser).move_to_element(point).perform()
        time.sleep(0.2)
    assert_nothing_ran(browser)


def test_markup_in_upload_file_names_is_shown_as_text_and_never_runs(
    browser: Any, serve: Callable[..., str], tmp_path: Path
) -> None:
    from dashboard.store.synthetic import seed_like_articles, seed_like_frame

    files = []
    for name, text in PWN_FILES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    watch_csp(browser)
    open_app(browser, serve(seed_like_frame(), seed_like_articles()))
    browser.find_element("id", ids.UPLOAD_OPEN).click()
    picker = wait(browser, lambda d: css(d, f"#{ids.UPLOAD} input[type=file]"))[0]
    picker.send_keys("\n".join(files))
    chosen = wait(browser, lambda d: d.find_element("id", ids.UPLOAD_CHOSEN).text)
    assert 'onerror="window.__pwned=5"' in chosen
    browser.find_element("id", ids.UPLOAD_ADD).click()
    status = wait(browser, lambda d: d.find_element("id", ids.UPLOAD_STATUS).text)
    assert "Added 2 articles" in status
    assert "<svg onload=window.__pwned=7>.txt: skipped: the file is empty" in status
    wait(browser, lambda d: "4 articles" in d.find_element("id", ids.SUMMARY).text)
    assert_nothing_ran(browser)


def test_the_seeds_page_runs_under_its_csp_without_a_single_violation(
    browser: Any, seeds_url: str
) -> None:
    watch_csp(browser)
    open_app(browser, seeds_url)
    browser.find_element("id", ids.QUICK_MONTH).click()
    time.sleep(0.5)
    assert browser.execute_script("return window.__csp") == []
    assert console_errors(browser) == []
    # and the policy bites: markup that slipped into the DOM could not run an inline script
    browser.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__pwned = 9';"
        "document.body.appendChild(s);"
    )
    wait(browser, lambda d: d.execute_script("return window.__csp.length") > 0)
    assert browser.execute_script("return window.__pwned") is None
    assert "script-src" in browser.execute_script("return window.__csp[0]")
