"""What the browsers of one scrape run share: the login and its limits.

One run logs in once and may log in once more after losing its session;
every browser of the run uses that one session (its cookies are copied, the
password is not submitted again), and every page load of the run counts
against one politeness limit.
"""

import logging
import threading

from scraping.errors import SiteUnavailable
from scraping.pacing import Pacer

logger = logging.getLogger(__name__)

# A page that answered a server error or a rate limit is loaded once more
# after a pause; a site that keeps doing it fails the run instead of being
# hammered. Retry-After is a header, which a browser does not show, so the
# pause is this fixed, short wait.
RETRY_PAUSE_SECONDS = 2.0
MAX_RETRIES_PER_RUN = 5


class RunLogger(logging.LoggerAdapter):
    """Prefixes every line with ``run=<id>`` and passes the id as an extra."""

    def process(self, msg, kwargs):
        kwargs.setdefault("extra", {}).update(self.extra)
        return f"run={self.extra['run_id']} {msg}", kwargs


class AccountSession:
    """The login state of one run, shared by its browsers. Thread-safe.

    ``generation`` counts logins: a browser holding cookies of an older
    generation than the current one has been overtaken by a new login and
    takes the new cookies instead of logging in again.
    """

    def __init__(self, email, password, base_url, *, per_second, log):
        self.email = email
        self._password = password
        self.base_url = base_url
        self.pacer = Pacer(per_second)
        self.log = log
        self.generation = 0
        self.cookies: list[dict] = []
        # The failure with which WorkFossa refused the password, if it did;
        # the run never submits that password again.
        self.refusal = None
        self.relogins = 0
        self.retries = 0
        self.pages_loaded = 0
        self._lock = threading.RLock()

    def __repr__(self):
        return f"<AccountSession generation={self.generation}>"

    def password(self) -> str:
        """The password, for the one place that types it into the form."""
        if self.refusal is not None:
            raise self.refusal
        return self._password

    def page_loaded(self) -> None:
        with self._lock:
            self.pages_loaded += 1

    def may_retry(self) -> bool:
        """Whether one more page may be retried in this run (and count it)."""
        with self._lock:
            if self.retries >= MAX_RETRIES_PER_RUN:
                return False
            self.retries += 1
            return True

    def logged_in(self, cookies) -> int:
        """Record a new login and its cookies; return its generation."""
        with self._lock:
            self.generation += 1
            self.cookies = cookies
            return self.generation

    def recover(self, browser, held_generation: int) -> None:
        """Give ``browser`` a working session after it was sent to /login.

        Takes the cookies of a newer login when another browser already made
        one; otherwise logs in again in ``browser``, once per run. Raises
        SiteUnavailable when the session is lost a second time, and the
        login's failure when the new login fails.
        """
        with self._lock:
            if self.generation > held_generation:
                self.log.info("%s takes the session of the new login", browser.name)
                browser.use_cookies(self.cookies, self.generation)
                return

            if self.relogins >= 1:
                raise SiteUnavailable(
                    "WorkFossa ended the sync's session twice in one run. The "
                    "sync will try again.",
                    detail="session lost a second time",
                )

            self.relogins += 1
            self.log.warning("session lost; logging in again")
            browser.log_in()
