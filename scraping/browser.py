"""Starts and stops the headless Chromium that reads WorkFossa.

Every browser gets a fresh profile in a temporary directory, so no cookie,
cache or saved password of one run reaches another; ``close_browser`` quits
it and removes that directory, whatever state the browser is in.
"""

import logging
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager

from django.conf import settings
from selenium import webdriver
from selenium.common.exceptions import (
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service

from scraping.errors import BrowserFailure

logger = logging.getLogger(__name__)


class _DropCommandBodies(logging.Filter):
    # Selenium logs every command with its arguments at DEBUG: the typed
    # password and the cookies among them. Whatever the logging settings,
    # those lines never leave the process.
    def filter(self, record):
        return record.levelno > logging.DEBUG


logging.getLogger("selenium.webdriver.remote.remote_connection").addFilter(
    _DropCommandBodies()
)

INSTALL_HINT = "Install them with `apt-get install chromium chromium-driver`"

CHROMIUM_ARGUMENTS = (
    "--headless=new",
    # Containers and service users have no user namespaces for the sandbox.
    "--no-sandbox",
    "--disable-gpu",
    # /dev/shm is tiny in containers; Chromium crashes on big pages there.
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--blink-settings=imagesEnabled=false",
    "--window-size=1280,1024",
    "--password-store=basic",
)

CHROMIUM_PREFERENCES = {
    "profile.managed_default_content_settings.images": 2,
    # No "save password?" bubble, and the password never lands in the profile.
    "credentials_enable_service": False,
    "profile.password_manager_enabled": False,
}


# What Chromium says when a script or an element lookup lands between two
# documents: the old page is gone and the new one has no context yet.
_BETWEEN_DOCUMENTS = (
    "does not belong to the document",
    "Cannot find context with specified id",
    "Execution context was destroyed",
    "document unloaded",
    "no such execution context",
)


def between_documents(error: WebDriverException) -> bool:
    """Whether ``error`` only means that a navigation is going on.

    Such an error is "not yet" to a wait; any other (a crashed browser, a
    closed window) is a real failure.
    """
    if isinstance(error, StaleElementReferenceException):
        return True
    return any(marker in (error.msg or "") for marker in _BETWEEN_DOCUMENTS)


def open_browser(*, page_timeout=None, script_timeout=None):
    """Start a headless Chromium and return its WebDriver.

    Page loads and scripts time out after ``page_timeout`` and
    ``script_timeout`` seconds (default: SCRAPE_PAGE_TIMEOUT). The driver
    carries its profile directory as ``profile_dir``; hand it to
    ``close_browser`` when done. Raises BrowserFailure when Chromium or
    chromedriver is missing or does not start.
    """
    binary = settings.CHROMIUM_BINARY
    driver_path = settings.CHROMEDRIVER_PATH
    for what, path in (("Chromium", binary), ("chromedriver", driver_path)):
        if not os.access(path, os.X_OK):
            raise _start_failure(
                f"{what} was not found at {path}. {INSTALL_HINT}, or set "
                "CHROMIUM_BINARY and CHROMEDRIVER_PATH."
            )

    profile_dir = tempfile.mkdtemp(prefix="fossa-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.add_experimental_option("prefs", CHROMIUM_PREFERENCES)
    # The work list fills its rows in after the load event anyway, and the
    # scraper waits for them explicitly; "normal" keeps the page's own
    # scripts reliably attached before the scraper looks at it.
    options.page_load_strategy = "normal"
    service = Service(executable_path=driver_path, log_output=subprocess.DEVNULL)

    try:
        driver = webdriver.Chrome(service=service, options=options)
    except WebDriverException as exc:
        shutil.rmtree(profile_dir, ignore_errors=True)
        raise _start_failure(
            f"Chromium did not start ({_first_line(exc.msg)}). "
            f"{INSTALL_HINT}, in matching versions."
        ) from None
    except OSError as exc:
        shutil.rmtree(profile_dir, ignore_errors=True)
        raise _start_failure(
            f"chromedriver did not start ({exc.strerror}). {INSTALL_HINT}."
        ) from None

    driver.profile_dir = profile_dir
    page_timeout = page_timeout or settings.SCRAPE_PAGE_TIMEOUT
    driver.set_page_load_timeout(page_timeout)
    driver.set_script_timeout(script_timeout or page_timeout)
    logger.debug("browser started, profile %s", profile_dir)
    return driver


def close_browser(driver) -> None:
    """Quit the browser and remove its profile; never raises."""
    try:
        driver.quit()
    except Exception:
        # A hung or crashed browser: make sure its driver process is gone.
        logger.warning("browser did not quit cleanly; stopping its driver")
        try:
            driver.service.stop()
        except Exception:
            logger.exception("could not stop chromedriver")
    profile_dir = getattr(driver, "profile_dir", None)
    if profile_dir:
        shutil.rmtree(profile_dir, ignore_errors=True)


@contextmanager
def browser_session(**timeouts):
    """A started browser that is always closed on leaving the block."""
    driver = open_browser(**timeouts)
    try:
        yield driver
    finally:
        close_browser(driver)


def _start_failure(problem: str) -> BrowserFailure:
    # Whoever reads this (an operator, mostly) can fix it, so say how.
    return BrowserFailure(
        f"The browser that reads WorkFossa could not start: {problem}",
        detail=problem,
    )


def _first_line(text) -> str:
    # Selenium messages can be long and carry page details; one line is enough.
    return (text or "unknown error").strip().splitlines()[0][:200]
