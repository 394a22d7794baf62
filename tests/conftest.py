"""Browser fixtures: headless Debian Chromium driven by selenium 4, and the real app on a free port.

Browser tests skip, with the reason, when Chromium, its driver or selenium 4 is missing. Nothing
here is used by the fast tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def chromium() -> tuple[str, str]:
    """(browser, driver) paths, found as the product finds them (``dashboard.export.chromium``)."""
    from dashboard.export.chromium import find_chromedriver, find_chromium
    from extract.errors import ChromiumNotFoundError

    try:
        browser = find_chromium()
    except ChromiumNotFoundError as error:
        pytest.skip(str(error))
    driver = find_chromedriver()
    if driver is None:
        pytest.skip("no chromedriver found (apt-get install chromium-driver)")
    try:
        import selenium
    except ImportError:
        pytest.skip("selenium is not installed (pip install 'selenium>=4.20')")
    if int(selenium.__version__.split(".")[0]) < 4:
        pytest.skip(f"selenium {selenium.__version__} is too old; pip install 'selenium>=4.20'")
    return browser, driver


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(chromium: tuple[str, str], downloads: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from dashboard.export.chromium import selenium_flags

    options = webdriver.ChromeOptions()
    options.binary_location = chromium[0]
    for flag in selenium_flags(1440, 1000):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        },
    )
    driver = webdriver.Chrome(options=options, service=Service(chromium[1]))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., str]]:
    """Start an app (``create_app`` plus the production security headers) on a free port."""
    from contextlib import ExitStack

    from dashboard.serve import security
    from dashboard.ui.app import create_app, running

    with ExitStack() as stack:

        def start(frame: Any, articles: Any = None) -> str:
            app = create_app(frame, articles)
            security.install(app)
            return stack.enter_context(running(app))

        yield start


@pytest.fixture(scope="session")
def seeds_url(serve: Callable[..., str]) -> str:
    from dashboard.store.open import load

    frame, articles = load([])
    return serve(frame, articles)


@pytest.fixture(scope="module")
def seed_frame() -> Any:
    """The seed articles' events, dated by the hand-checked stand-in tagger (``seed_timexes``),
    so the event step is tested whatever the real tagger does."""
    from seed_timexes import seed_articles, seed_tagger

    from extract.events.rows import extract_events

    return extract_events(seed_articles(), tagger=seed_tagger)


@pytest.fixture(scope="module")
def events_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-like events saved as JSON: export tests need not wait for extraction."""
    from dashboard.store.synthetic import seed_like_frame
    from extract import serialize

    path = tmp_path_factory.mktemp("events") / "events.json"
    serialize.write(seed_like_frame(), path)
    return path


@pytest.fixture(scope="module")
def large_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """A saved Parquet set above ``LARGE_SET`` (opened with DuckDB), and its frame."""
    from dashboard.store.synthetic import synthetic_frame
    from extract.settings import LARGE_SET

    frame = synthetic_frame(LARGE_SET + 1_000, seed=5)
    path = tmp_path_factory.mktemp("large") / "events.parquet"
    frame.to_parquet(path, index=False)
    return path, frame
