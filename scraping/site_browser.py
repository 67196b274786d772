"""One browser of a scrape run, and how it loads and waits for pages.

Everything the readers do goes through ``SiteBrowser.visit``: it paces and
counts the page load, turns error pages into failures (after one polite
retry of a server error or rate limit), and notices a lost session, after
which the session is recovered and the page is read again from the start.
"""

import time
from urllib.parse import urlsplit

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.support.ui import WebDriverWait

from scraping import browser_login, parsing
from scraping.account_session import RETRY_PAUSE_SECONDS
from scraping.browser import between_documents, close_browser, open_browser
from scraping.errors import (
    BrowserFailure,
    PageNotAsExpected,
    SiteUnavailable,
    TimedOut,
)
from scraping.login_outcome import error_page_failure

# A loaded page that still lacks what is waited for after this long lacks it
# for good (changed markup); the parser then says what is missing.
SETTLE_SECONDS = 1.5

COOKIE_FIELDS = ("name", "value", "domain", "path", "secure", "httpOnly")

# Answers worth one more try after a pause; maintenance is not.
RETRYABLE_TITLES = ("Server Error", "Too Many Requests")

# The page's state in one round trip. ``arguments[0]`` maps names to CSS
# selectors whose matches are counted, visible or not: content can sit in a
# collapsed group. The loader and the dialog count only while visible.
PAGE_STATE_SCRIPT = """
const visible = (el) => !el.hidden && el.getClientRects().length > 0
  && getComputedStyle(el).visibility !== "hidden";
const shown = (selector) =>
  Array.from(document.querySelectorAll(selector)).filter(visible).length;
const counts = {};
const texts = {};
for (const [name, selector] of Object.entries(arguments[0] || {})) {
  const found = document.querySelectorAll(selector);
  counts[name] = found.length;
  texts[name] = found.length ? found[0].textContent.slice(0, 200) : null;
}
return {
  ready: document.readyState === "complete",
  path: location.pathname,
  title: document.title,
  login: document.querySelector("form#login-form") !== null,
  loading: shown("div.loader-line") > 0,
  dialog: shown('div.modal[role="dialog"]') > 0,
  load_error: shown(".load-error") > 0,
  counts: counts,
  texts: texts,
};
"""

DISMISS_DIALOG_SCRIPT = """
for (const modal of document.querySelectorAll('div.modal[role="dialog"]')) {
  for (const button of modal.querySelectorAll("button")) {
    if (button.textContent.trim() === "Cancel") { button.click(); break; }
  }
}
"""

# Blank what a saved page or screenshot must not show.
BLANK_SECRETS_SCRIPT = """
document.querySelectorAll('input[type="password"], input[name="_token"]')
  .forEach((input) => { input.value = ""; input.setAttribute("value", ""); });
document.querySelectorAll('meta[name="csrf-token"]')
  .forEach((meta) => meta.setAttribute("content", ""));
"""


class SessionLost(Exception):
    """The browser was sent to the login page from an /app page."""


class RetryablePage(Exception):
    """The page answered an error worth one more try after a pause."""

    def __init__(self, failure):
        super().__init__(failure.detail)
        self.failure = failure


class SiteBrowser:
    """A browser that reads pages for one ``AccountSession``.

    Not thread-safe: each thread of a run drives its own SiteBrowser.
    """

    def __init__(self, session, *, wait_timeout, name="browser"):
        self.session = session
        self.wait_timeout = wait_timeout
        self.name = name
        self.generation = 0
        self.driver = open_browser()

    @property
    def log(self):
        return self.session.log

    def close(self) -> None:
        close_browser(self.driver)

    def log_in(self) -> None:
        """Submit the login form; see ``browser_login.log_in``."""
        try:
            browser_login.log_in(self)
        except RetryablePage as problem:
            # A login is never retried within the run: the run fails and the
            # next one tries again.
            raise problem.failure from None
        self.generation = self.session.logged_in(self.driver.get_cookies())

    def resume(self, cookies) -> bool:
        """Whether the saved ``cookies`` still hold a session; the browser
        keeps them (and shows the dashboard) when they do."""
        self.use_cookies(cookies, 0)
        try:
            self.load(f"{self.session.base_url}/app/dashboard", "the dashboard")
        except SessionLost:
            return False
        except RetryablePage as problem:
            raise problem.failure from None

        if not self.page_state()["path"].startswith("/app"):
            return False
        self.generation = self.session.logged_in(self.driver.get_cookies())
        return True

    def use_cookies(self, cookies, generation) -> None:
        """Replace the browser's cookies with ``cookies`` (Selenium cookie
        dicts) of the session of login ``generation``.

        Set through the DevTools protocol, which needs no page of the site
        open first, so taking over a session costs no page load.
        """
        try:
            self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
            for cookie in cookies:
                params = {key: cookie[key] for key in COOKIE_FIELDS if key in cookie}
                if "expiry" in cookie:
                    params["expires"] = cookie["expiry"]
                self.driver.execute_cdp_cmd("Network.setCookie", params)
        except WebDriverException as exc:
            raise BrowserFailure(
                detail=f"setting the session cookies failed: {type(exc).__name__}"
            ) from None
        self.generation = generation

    def visit(self, url, what, read):
        """Load ``url`` and return ``read()``, which reads the loaded page.

        ``read`` may raise SessionLost or RetryablePage (``wait_for`` does);
        the page is then loaded again after the session is recovered, or once
        more after a pause. Raises ScrapeFailure subclasses only.
        """
        retried = False
        while True:
            try:
                self.load(url, what)
                return read()
            except SessionLost:
                self.session.recover(self, self.generation)
            except RetryablePage as problem:
                if retried or not self.session.may_retry():
                    raise problem.failure from None
                retried = True
                self.log.info("%s: %s; trying once more", what, problem.failure.detail)
                time.sleep(RETRY_PAUSE_SECONDS)

    def load(self, url, what) -> None:
        """Navigate to ``url`` and check what arrived.

        Raises SessionLost when an /app page sent the browser to login,
        RetryablePage for a server error or rate limit, and the failure of
        any other error page.
        """
        self.navigate(lambda: self.driver.get(url), what)
        state = self.page_state()
        self.check_state(state, what, app_page=urlsplit(url).path.startswith("/app"))

    def navigate(self, go, what) -> None:
        """Run ``go`` (a page load), paced and counted, with its failures named."""
        self.session.pacer.wait()
        self.session.page_loaded()
        try:
            go()
        except TimeoutException:
            raise TimedOut(
                detail=f"{what} did not load within the page time-out"
            ) from None
        except WebDriverException as exc:
            raise _navigation_failure(exc, what) from None

    def page_state(self, selectors=None, *, while_loading=False) -> dict | None:
        """The page's state (see PAGE_STATE_SCRIPT). With ``while_loading``,
        None while the browser is between two documents, for a wait to read
        as "not yet"; raises BrowserFailure for that otherwise."""
        try:
            return self.driver.execute_script(PAGE_STATE_SCRIPT, selectors or {})
        except TimeoutException:
            raise TimedOut(detail="the page did not answer a script") from None
        except WebDriverException as exc:
            if while_loading and between_documents(exc):
                return None
            raise BrowserFailure(
                detail=f"reading the page failed: {type(exc).__name__}"
            ) from None

    def check_state(self, state, what, *, app_page=True) -> None:
        """Raise for a login page (on an /app page), an error page or a
        failed internal load; return otherwise."""
        if app_page and (state["login"] or state["path"].rstrip("/") == "/login"):
            raise SessionLost(what)

        failure = error_page_failure(state["title"], what)
        if failure is not None:
            if state["title"] in RETRYABLE_TITLES:
                raise RetryablePage(failure)
            raise failure

        if state["load_error"]:
            # The page's own script could not fetch its content; the page
            # itself came, so a reload has a fair chance.
            raise RetryablePage(
                SiteUnavailable(detail=f"{what}: the page could not load its content")
            )

    def wait_for(self, done, what, *, selectors=None, dismiss_dialogs=False):
        """Wait until ``done(state)`` is true for the page state; return it.

        Checks the page on every poll (``check_state``) and, with
        ``dismiss_dialogs``, cancels a blocking dialog whenever one is open.
        A page that has finished loading (no loader, no dialog) but stays
        not done for SETTLE_SECONDS is returned as it is, so that the parser
        reports what is missing instead of the wait timing out. Raises
        TimedOut when the page is still loading after the wait time-out.
        """
        settled_since = None

        def poll(_driver):
            nonlocal settled_since
            state = self.page_state(selectors, while_loading=True)
            if state is None:
                settled_since = None
                return False
            self.check_state(state, what)
            if state["dialog"] and dismiss_dialogs:
                self.dismiss_dialog()
                return False
            if done(state):
                return state
            if not state["ready"] or state["loading"] or state["dialog"]:
                settled_since = None
                return False
            settled_since = settled_since or time.monotonic()
            return state if time.monotonic() - settled_since > SETTLE_SECONDS else False

        try:
            return WebDriverWait(
                self.driver, self.wait_timeout, poll_frequency=0.05
            ).until(poll)
        except TimeoutException:
            raise TimedOut(
                detail=f"{what}: not ready within {self.wait_timeout} s"
            ) from None

    def click(self, element, what, *, dismiss_dialogs=True) -> None:
        """Click ``element`` as a user would; a dialog in the way is
        cancelled first (it may open at any moment while a page loads)."""
        for _attempt in range(3):
            try:
                element.click()
                return
            except ElementClickInterceptedException:
                if not dismiss_dialogs:
                    break
                self.dismiss_dialog()
            except WebDriverException as exc:
                raise BrowserFailure(
                    detail=f"clicking {what} failed: {type(exc).__name__}"
                ) from None
        raise PageNotAsExpected(detail=f"something kept covering {what}")

    def parse(self, parser, *args, what):
        """``parser(page source, *args)``, its complaint turned into the
        run's PageNotAsExpected."""
        try:
            return parser(self.page_source(), *args)
        except parsing.PageNotAsExpected as exc:
            raise PageNotAsExpected(detail=f"{what}: {exc}") from None

    def dismiss_dialog(self) -> None:
        self.log.info("dismissing a dialog")
        self.driver.execute_script(DISMISS_DIALOG_SCRIPT)

    def page_source(self) -> str:
        try:
            return self.driver.page_source
        except WebDriverException as exc:
            raise BrowserFailure(
                detail=f"reading the page failed: {type(exc).__name__}"
            ) from None

    def capture(self) -> tuple[bytes | None, str | None]:
        """A PNG screenshot and the HTML of the current page, with password
        fields and tokens blanked first; (None, None) if the browser is gone."""
        try:
            self.driver.execute_script(BLANK_SECRETS_SCRIPT)
            return self.driver.get_screenshot_as_png(), self.driver.page_source
        except WebDriverException:
            self.log.warning("could not capture the page for the failure report")
            return None, None


def _navigation_failure(exc, what):
    message = exc.msg or ""
    if "net::ERR_" in message:
        code = message[message.index("net::ERR_") :].split()[0]
        return SiteUnavailable(detail=f"{what} could not be loaded ({code})")
    return BrowserFailure(detail=f"loading {what} failed: {type(exc).__name__}")
