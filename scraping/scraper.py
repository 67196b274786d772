"""Reads one technician's open work orders and their sites' dispensers.

``WorkFossaScraper`` owns the browsers of one run::

    with WorkFossaScraper(email, password, on_step=progress, run_id=run.pk) as s:
        s.login()
        orders = s.read_work_list()
        equipment = s.read_equipment({o.site_id: o.site_url for o in orders})

It raises only ScrapeFailure subclasses, and leaving the block always closes
every browser it started, after a failure or a time-out too.
"""

import contextvars
import logging
import queue
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager

from django.conf import settings
from selenium.common.exceptions import WebDriverException

from scraping.account_session import AccountSession, RunLogger
from scraping.equipment_reader import read_site_equipment
from scraping.errors import BrowserFailure, ScrapeFailure, SiteUnavailable
from scraping.records import ScrapedWorkOrder, SiteEquipment
from scraping.site_browser import RetryablePage, SessionLost, SiteBrowser
from scraping.work_list_reader import PAGE_SIZE, read_work_list

logger = logging.getLogger(__name__)


class WorkFossaScraper:
    """One scrape run against one WorkFossa account.

    ``on_step(step, message, **counts)`` is called, always from the thread
    that called the scraper, at the login ("login"), after each work list
    page ("work_list") and after each site ("equipment"); counts are
    ``pages_loaded``, ``orders_seen`` and ``sites_read`` so far.

    With ``site_browsers`` above 1, sites are read by that many browsers at
    once. The extra browsers take the cookies of the first one's login
    instead of logging in themselves, so the password is submitted once per
    run (twice only when the session was lost in between).

    ``cookies`` (Selenium cookie dicts of an earlier run's session, see
    ``session_cookies``) let ``login`` go on with that session and submit
    no password at all while WorkFossa still honours it.
    """

    def __init__(
        self,
        email,
        password,
        *,
        base_url=None,
        on_step=None,
        site_browsers=None,
        run_id=None,
        max_requests_per_second=None,
        wait_timeout=None,
        cookies=None,
    ):
        base_url = (base_url or settings.WORKFOSSA_BASE_URL).rstrip("/")
        self.log = RunLogger(logger, {"run_id": run_id or "-"})
        self.session = AccountSession(
            email,
            password,
            base_url,
            per_second=max_requests_per_second
            or settings.WORKFOSSA_MAX_REQUESTS_PER_SECOND,
            log=self.log,
        )
        self.on_step = on_step
        self.site_browsers = max(1, site_browsers or settings.SCRAPE_SITE_BROWSERS)
        self.wait_timeout = wait_timeout or settings.SCRAPE_WAIT_TIMEOUT
        self.orders_seen = 0
        self.sites_read = 0
        self._saved_cookies = cookies or None
        # Whether login() went on with the saved session instead of the form.
        self.reused_session = False
        self._browser = None
        self._extra_browsers: list[SiteBrowser] = []
        # The browser that met a failure, for the capture of its page.
        self._failed_browsers: list[SiteBrowser] = []

    def __repr__(self):
        return f"<WorkFossaScraper {self.session.base_url}>"

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    @property
    def pages_loaded(self) -> int:
        """Page loads and navigations this run started, in every browser."""
        return self.session.pages_loaded

    @property
    def browser(self) -> SiteBrowser:
        """The run's first browser, started on first use."""
        if self._browser is None:
            self._browser = self._open_browser("browser 1")
        return self._browser

    def close(self) -> None:
        """Close every browser of the run; never raises."""
        for browser in [self._browser, *self._extra_browsers]:
            if browser is not None:
                browser.close()
        self._browser = None
        self._extra_browsers = []
        self._failed_browsers = []

    def login(self) -> None:
        """Log in through the login form, or go on with the saved session.

        Raises LoginRejected, LoginThrottled, ActionNeeded, SiteUnavailable,
        TimedOut, PageNotAsExpected or BrowserFailure. A refused password is
        never submitted again by this scraper: a second call raises the same
        refusal.
        """
        self.reused_session = False
        with _scrape_failures_only("the login"):
            if self._saved_cookies and self.browser.resume(self._saved_cookies):
                self.reused_session = True
                self._step("login", "Went on with the saved WorkFossa session")
                return

            if self._saved_cookies:
                self.log.info("the saved session has ended; logging in")
            self._saved_cookies = None
            self.log.info("logging in to %s", self.session.base_url)
            self.browser.log_in()
        self._step("login", "Logged in to WorkFossa")

    def session_cookies(self) -> list[dict]:
        """The cookies of the run's current session (secrets: store them
        only encrypted, never log them); empty before a login."""
        return list(self.session.cookies)

    def read_work_list(self) -> list[ScrapedWorkOrder]:
        """Every open work order, complete, or a failure (see
        ``work_list_reader.read_work_list``)."""

        def on_page(number, page, read_so_far):
            self.orders_seen = read_so_far
            pages = -(-page.total // PAGE_SIZE)
            self._step(
                "work_list",
                f"Read page {number} of {max(pages, number)}: "
                f"{read_so_far} of {page.total} orders",
            )

        with _scrape_failures_only("the work list"):
            orders = read_work_list(self.browser, on_page)
        self.orders_seen = len(orders)
        self.log.info(
            "work list read: %d orders, %d pages loaded", len(orders), self.pages_loaded
        )
        return orders

    def read_equipment(self, sites: dict[str, str]) -> dict[str, SiteEquipment]:
        """The equipment of each site, by site id; ``sites`` maps site ids
        to location page URLs, each site given once.

        Raises the first failure any site met; the other sites are then
        left unread.
        """
        if not sites:
            return {}

        pending = queue.SimpleQueue()
        for site_id, url in sites.items():
            pending.put((site_id, url))
        with _scrape_failures_only("starting the site browsers"):
            browsers = [self.browser, *self._start_extra_browsers(len(sites))]
        stop = threading.Event()
        equipment = {}

        with ThreadPoolExecutor(len(browsers), thread_name_prefix="sites") as pool:
            results = queue.SimpleQueue()
            # Each reader runs in a copy of this thread's context, so that
            # its log lines carry the run's id even when a process runs
            # several syncs at once.
            workers = {
                pool.submit(
                    contextvars.copy_context().run,
                    _read_sites,
                    browser,
                    pending,
                    results,
                    stop,
                    self._failed_browsers,
                )
                for browser in browsers
            }
            try:
                while len(equipment) < len(sites):
                    self._collect(results, equipment, len(sites))
                    done, workers = wait(
                        workers, timeout=0.2, return_when=FIRST_COMPLETED
                    )
                    for worker in done:
                        with _scrape_failures_only("a site"):
                            worker.result()
                    if not workers:
                        self._collect(results, equipment, len(sites))
                        break
            finally:
                stop.set()
        if len(equipment) != len(sites):
            raise BrowserFailure(detail="the site readers stopped before the end")
        return equipment

    def capture(self) -> tuple[bytes | None, str | None]:
        """PNG screenshot and HTML of the page on which the run failed (the
        first browser's page when no site reader failed), for a failure
        report; password fields and tokens are blanked first. (None, None)
        once the browsers are closed."""
        browser = (self._failed_browsers or [self._browser])[0]
        if browser is None or self._browser is None:
            return None, None
        return browser.capture()

    def _collect(self, results, equipment, total) -> None:
        while not results.empty():
            site_id, site_equipment = results.get()
            equipment[site_id] = site_equipment
            self.sites_read = len(equipment)
            count = len(site_equipment.dispensers)
            self._step(
                "equipment",
                f"Read site {len(equipment)} of {total}: "
                f"{count} dispenser{'' if count == 1 else 's'}",
            )

    def _start_extra_browsers(self, site_count) -> list[SiteBrowser]:
        wanted = min(self.site_browsers, site_count) - 1 - len(self._extra_browsers)
        for number in range(wanted):
            name = f"browser {len(self._extra_browsers) + 2}"
            try:
                browser = self._open_browser(name)
            except BrowserFailure as failure:
                # Fewer browsers only make the run slower.
                self.log.warning("%s did not start (%s)", name, failure.detail)
                break
            self._extra_browsers.append(browser)
            browser.use_cookies(self.session.cookies, self.session.generation)
            self.log.info("%s started (%d of %d)", name, number + 2, wanted + 1)
        return list(self._extra_browsers)

    def _open_browser(self, name) -> SiteBrowser:
        return SiteBrowser(self.session, wait_timeout=self.wait_timeout, name=name)

    def _step(self, step, message) -> None:
        # The caller records (and logs) each step; this is for debugging alone.
        self.log.debug("%s: %s", step, message)
        if self.on_step:
            self.on_step(
                step,
                message,
                pages_loaded=self.pages_loaded,
                orders_seen=self.orders_seen,
                sites_read=self.sites_read,
            )


@contextmanager
def _scrape_failures_only(what):
    """Let only ScrapeFailure out: what else a browser raises is named as a
    browser failure, without its message (which can quote the page)."""
    try:
        yield
    except ScrapeFailure:
        raise
    except SessionLost:
        raise SiteUnavailable(detail=f"{what}: sent to the login page") from None
    except RetryablePage as problem:
        raise problem.failure from None
    except WebDriverException as exc:
        raise BrowserFailure(detail=f"{what}: {type(exc).__name__}") from None


def _read_sites(browser, pending, results, stop, failed_browsers) -> None:
    """Read sites off ``pending`` into ``results`` until none is left or
    ``stop`` is set; raises the first failure, after adding ``browser`` to
    ``failed_browsers``."""
    while not stop.is_set():
        try:
            site_id, url = pending.get_nowait()
        except queue.Empty:
            return
        try:
            results.put((site_id, read_site_equipment(browser, site_id, url)))
        except ScrapeFailure:
            stop.set()
            failed_browsers.append(browser)
            raise
        except Exception as exc:
            stop.set()
            failed_browsers.append(browser)
            # Only the type: a browser's error text can quote the page.
            raise BrowserFailure(
                detail=f"{browser.name} failed on site {site_id}: {type(exc).__name__}"
            ) from None
