"""The system Chromium: where it is, where its driver is, and the flags it runs headless with.

Why one module: the image export (through kaleido), the browser tests and the screenshot script
(through selenium) all start the same browser. Searching for it, or choosing its flags, in three
places let a test pass with a browser the export would never find. Nothing is ever downloaded:
the browser is the system's (``apt-get install chromium``), or the path in ``DATELINE_CHROMIUM``
(``BROWSER_PATH`` is kaleido's name for it); the driver is ``chromium-driver``'s, or the path in
``DATELINE_CHROMEDRIVER``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from extract.errors import ChromiumNotFoundError

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome")
TYPICAL_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
DRIVER_PATHS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
INSTALL_HINT = "install it (apt-get install chromium) or set DATELINE_CHROMIUM to its path"

# No window, no sandbox (containers have no user namespaces), no GPU, /tmp instead of /dev/shm.
HEADLESS_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")
# Nothing phones home or makes a sound, whoever starts the browser.
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-sync",
    "--mute-audio",
    "--no-first-run",
    "--no-pings",
)


def find_chromium() -> str:
    """Path of the system Chromium: ``DATELINE_CHROMIUM``, ``BROWSER_PATH``, then ``PATH``."""
    for variable in ("DATELINE_CHROMIUM", "BROWSER_PATH"):
        value = os.environ.get(variable)
        if value:
            if _is_executable(value):
                return value
            raise ChromiumNotFoundError(
                f"{variable}={value!r} is not an executable Chromium; {INSTALL_HINT}."
            )
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found and _is_executable(found):
            return found
    for candidate in TYPICAL_PATHS:
        if _is_executable(candidate):
            return candidate
    raise ChromiumNotFoundError(f"No Chromium found to export images; {INSTALL_HINT}.")


def find_chromedriver() -> str | None:
    """Path of the chromedriver matching the system Chromium (``DATELINE_CHROMEDRIVER``, then
    ``PATH``, then Debian's places), or None: only selenium needs it, never the export."""
    value = os.environ.get("DATELINE_CHROMEDRIVER")
    if value:
        return value if _is_executable(value) else None
    found = shutil.which("chromedriver")
    if found:
        return found
    return next((p for p in DRIVER_PATHS if _is_executable(p)), None)


def selenium_flags(width: int = 1440, height: int = 1000, *extra: str) -> list[str]:
    """Command-line flags for a headless, quiet Chromium window of ``width`` x ``height``."""
    return [*HEADLESS_FLAGS, *QUIET_FLAGS, f"--window-size={width},{height}", *extra]


def _is_executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)
