"""Checks an email and password against WorkFossa over plain HTTP.

The credential form and the ``set_credentials`` command use this to tell a
technician at once whether WorkFossa accepts a password, without starting a
browser. It submits the password exactly once and reports the same outcome
kinds as the browser login.
"""

import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings

from scraping.errors import PageNotAsExpected, ScrapeFailure, SiteUnavailable, TimedOut
from scraping.login_outcome import (
    TWO_FACTOR_PATH,
    error_page_failure,
    login_alert_failure,
    two_factor_failure,
)
from scraping.models import FailureKind
from scraping.parsing import is_login_page, login_error_text, page_title

logger = logging.getLogger(__name__)

ACCEPTED_MESSAGE = "WorkFossa accepted this email and password."
CHECK_MESSAGES = {
    FailureKind.LOGIN_REJECTED: "WorkFossa refused this email or password.",
    FailureKind.LOGIN_THROTTLED: (
        "WorkFossa has locked this login for a while after too many failed "
        "attempts. Wait before trying again."
    ),
    FailureKind.SITE_UNAVAILABLE: (
        "WorkFossa could not be reached or answered with an error, so the "
        "password could not be checked. It was saved; the next sync will "
        "try it."
    ),
    FailureKind.TIMED_OUT: (
        "WorkFossa took too long to answer, so the password could not be "
        "checked. It was saved; the next sync will try it."
    ),
    FailureKind.PAGE_NOT_AS_EXPECTED: (
        "The WorkFossa login page did not look as expected, so the password "
        "could not be checked."
    ),
}
_MAX_PAGE_BYTES = 2_000_000


@dataclass(frozen=True)
class LoginCheck:
    """The outcome of one login attempt.

    ``ok`` is True when WorkFossa accepted the login; otherwise ``kind`` says
    why not, and ``retry_after_seconds`` is set for a throttled login.
    ``message`` is worded for the technician and holds no secret.
    """

    ok: bool
    kind: FailureKind | None
    message: str
    retry_after_seconds: int | None = None
    seconds: float = 0.0


def check_login(email, password, *, base_url=None, timeout=None) -> LoginCheck:
    """Log in to WorkFossa once over HTTP and say how it went.

    ``base_url`` defaults to WORKFOSSA_BASE_URL and ``timeout`` (seconds for
    the whole check, all of its requests together) to LOGIN_CHECK_TIMEOUT.
    Never raises for anything the site or the network does: each becomes a
    ``kind``.
    """
    base_url = (base_url or settings.WORKFOSSA_BASE_URL).rstrip("/")
    timeout = timeout or settings.LOGIN_CHECK_TIMEOUT
    started = time.monotonic()
    try:
        _log_in(base_url, email, password, started + timeout)
    except ScrapeFailure as failure:
        seconds = time.monotonic() - started
        logger.info(
            "login check: %s after %.1f s (%s)", failure.kind, seconds, failure.detail
        )
        return LoginCheck(
            ok=False,
            kind=FailureKind(failure.kind),
            message=CHECK_MESSAGES.get(failure.kind, failure.message),
            retry_after_seconds=getattr(failure, "retry_after_seconds", None),
            seconds=seconds,
        )

    seconds = time.monotonic() - started
    logger.info("login check: accepted after %.1f s", seconds)
    return LoginCheck(ok=True, kind=None, message=ACCEPTED_MESSAGE, seconds=seconds)


def _log_in(base_url, email, password, deadline) -> None:
    """Return when the login is accepted; raise a ScrapeFailure otherwise."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirects()
    )
    login_url = f"{base_url}/login"
    status, _, html = _fetch(opener, login_url, deadline)
    _raise_for_error_page(status, html, "the login page")
    token = _login_form_token(html)
    if token is None:
        raise PageNotAsExpected(detail="the login page has no login form with _token")

    form = urlencode({"_token": token, "email": email, "password": password})
    status, location, html = _fetch(opener, login_url, deadline, data=form.encode())

    if status in (301, 302, 303):
        path = urlsplit(urljoin(login_url, location or "")).path
        if path.startswith("/app"):
            return
        if path.startswith(TWO_FACTOR_PATH):
            raise two_factor_failure()
        if path.rstrip("/") in ("", "/login"):
            # Some sites answer a refused login with a redirect to the form.
            status, _, html = _fetch(opener, f"{base_url}/login", deadline)
        else:
            raise PageNotAsExpected(detail=f"login redirected to {path!r}")

    if is_login_page(html) and status in (200, 422, 429):
        raise login_alert_failure(login_error_text(html))
    _raise_for_error_page(status, html, "the login")
    raise PageNotAsExpected(detail=f"the login answered {status} with an unknown page")


def _raise_for_error_page(status, html, what) -> None:
    failure = error_page_failure(page_title(html), what)
    if failure is None and status >= 500:
        failure = SiteUnavailable(detail=f"{what} answered {status}")
    if failure is None and status >= 400 and not is_login_page(html):
        failure = PageNotAsExpected(detail=f"{what} answered {status}")
    if failure is not None:
        raise failure


def _fetch(opener, url, deadline, data=None) -> tuple[int, str | None, str]:
    """(status, Location header, body) of one request; errors are answers too.

    Raises TimedOut once ``deadline`` (a ``time.monotonic()`` value) passes.
    """
    timeout = deadline - time.monotonic()
    if timeout <= 0:
        raise TimedOut(detail="no time left for the next request")
    request = urllib.request.Request(url, data=data, headers={"Accept": "text/html"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers.get("Location"), _body(response)
    except urllib.error.HTTPError as answer:
        with answer:
            return answer.code, answer.headers.get("Location"), _body(answer)
    except TimeoutError:
        raise TimedOut(detail=f"no answer within {timeout:.1f} s") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise TimedOut(detail=f"no answer within {timeout:.1f} s") from None
        raise SiteUnavailable(detail=f"could not connect: {exc.reason}") from None
    except (ConnectionError, OSError) as exc:
        raise SiteUnavailable(detail=f"connection failed: {exc}") from None


def _body(response) -> str:
    charset = response.headers.get_content_charset() or "utf-8"
    return response.read(_MAX_PAGE_BYTES).decode(charset, errors="replace")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # The redirect target itself is the outcome of a login, so it is read,
    # not followed.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _login_form_token(html: str) -> str | None:
    finder = _TokenFinder()
    finder.feed(html)
    finder.close()
    return finder.token


class _TokenFinder(HTMLParser):
    """Finds the ``_token`` input of ``form#login-form``."""

    def __init__(self):
        super().__init__()
        self.token = None
        self._in_login_form = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._in_login_form = attributes.get("id") == "login-form"
        elif tag == "input" and self._in_login_form and self.token is None:
            if attributes.get("name") == "_token":
                self.token = attributes.get("value") or None

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_login_form = False
