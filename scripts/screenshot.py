"""Screenshot the dashboard on the bundled seeds in headless Chromium (the README's image).

Why a script: the README picture must show the real app, and regenerating it after a design
change should be one command:

    .venv/bin/python scripts/screenshot.py                      # docs/screenshot.png
    .venv/bin/python scripts/screenshot.py --dark --select -o /tmp/dark.png

Needs Debian's chromium and chromium-driver, and selenium 4.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def browser(width: int, height: int):  # type: ignore[no-untyped-def]
    """A headless Debian Chromium driven by selenium 4 (no driver download)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from dashboard.export.chromium import find_chromedriver, find_chromium, selenium_flags

    driver = find_chromedriver()
    if driver is None:
        raise click.ClickException("No chromedriver found; apt-get install chromium-driver.")
    options = webdriver.ChromeOptions()
    options.binary_location = find_chromium()
    for flag in selenium_flags(width, height, "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(driver))


def wait_for(driver, css: str, timeout: float = 20.0):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css))
    )


@click.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=ROOT / "docs" / "screenshot.png",
    show_default=True,
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--width", default=1440, show_default=True)
@click.option("--height", default=1000, show_default=True)
@click.option("--dark", is_flag=True, help="Dark theme.")
@click.option("--select/--no-select", default=True, help="Open one event in the source panel.")
@click.option("--query", default="", help="URL query, e.g. '?actor=Mark+Rutte&group=actor'.")
@click.option("--full-page", is_flag=True, help="Grow the window to the page height.")
@click.option(
    "--view",
    type=click.Choice(["all", "year", "month"]),
    default="year",
    show_default=True,
    help="Quick view to click before the screenshot.",
)
def main(
    paths: tuple[Path, ...],
    output: Path,
    width: int,
    height: int,
    dark: bool,
    select: bool,
    query: str,
    full_page: bool,
    view: str,
) -> None:
    from dashboard.store.open import load
    from dashboard.ui.app import create_app, running

    frame, articles = load(list(paths))
    app = create_app(frame, articles)
    driver = browser(width, height)
    try:
        with running(app) as url:
            driver.get(url + query)
            wait_for(driver, "#timeline .main-svg")
            if dark:
                driver.find_element("css selector", "#theme-switch").click()
            time.sleep(1.5)
            if view != "all":
                driver.find_element("id", f"quick-{view}").click()
                time.sleep(2.0)
            if select:
                _select_event(driver)
            if full_page:
                total = driver.execute_script("return document.body.scrollHeight")
                driver.set_window_size(width, max(height, total))
                time.sleep(0.8)
            output.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(output))
    finally:
        driver.quit()
    click.echo(f"wrote {output}")


def _select_event(driver, needle: str = "withdrew") -> None:  # type: ignore[no-untyped-def]
    """Click the first mark whose hover text mentions ``needle`` (the withdrawal both seeds
    report, shown as one merged mark)."""
    click_mark(driver, needle)
    wait_for(driver, "#event-sentence")
    time.sleep(1.0)
    from selenium.webdriver.common.action_chains import ActionChains

    header = driver.find_element("css selector", ".brand")
    ActionChains(driver).move_to_element(header).perform()  # let the hover label go
    time.sleep(0.4)


def click_mark(driver, needle: str) -> bool:  # type: ignore[no-untyped-def]
    """Hover the chart's point marks one by one; click the one whose hover label has ``needle``."""
    from selenium.webdriver.common.action_chains import ActionChains

    for point in driver.find_elements("css selector", "#timeline .scatterlayer .points path"):
        ActionChains(driver).move_to_element(point).perform()
        time.sleep(0.15)
        hover = driver.find_elements("css selector", "#timeline .hoverlayer .hovertext")
        if any(needle in h.text for h in hover):
            ActionChains(driver).click().perform()
            return True
    return False


if __name__ == "__main__":
    main()
