"""What a page seen after (or instead of) a login says, in failure terms.

Shared by the browser login and the plain HTTP login check, so both name the
same outcome the same way. Selenium cannot see status codes, so error pages
are told apart by their title, as the site contract describes.
"""

import re

from scraping.errors import (
    ActionNeeded,
    LoginRejected,
    LoginThrottled,
    PageNotAsExpected,
    ScrapeFailure,
    SiteUnavailable,
)

WRONG_CREDENTIALS = "These credentials do not match our records."
_THROTTLED = re.compile(r"Too many login attempts.*?(\d+)\s+seconds?", re.I | re.S)
_DISABLED = re.compile(r"\baccount has been disabled\b", re.I)

TWO_FACTOR_PATH = "/two-factor-challenge"

# Titles of the site's error pages. Server errors, maintenance and a rate
# limit say "try later"; an expired form or a missing page means the scraper
# is not where the contract says it should be.
UNAVAILABLE_TITLES = ("Server Error", "Service Unavailable", "Too Many Requests")
UNEXPECTED_TITLES = ("Page Expired", "Not Found")


def error_page_failure(title: str | None, what: str) -> ScrapeFailure | None:
    """The failure an error page of this title stands for, or None.

    ``what`` names the page that was asked for, for the operator's detail.
    """
    title = (title or "").strip()
    if title in UNAVAILABLE_TITLES:
        return SiteUnavailable(detail=f"{what} answered {title!r}")
    if title in UNEXPECTED_TITLES:
        return PageNotAsExpected(detail=f"{what} answered {title!r}")
    return None


def login_alert_failure(alert: str | None) -> ScrapeFailure:
    """The failure a login form shown again with this alert stands for."""
    text = " ".join((alert or "").split())
    if text == WRONG_CREDENTIALS:
        return LoginRejected(detail="WorkFossa: wrong email or password")

    throttled = _THROTTLED.search(text)
    if throttled:
        seconds = int(throttled[1])
        return LoginThrottled(
            retry_after_seconds=seconds,
            detail=f"WorkFossa: too many login attempts, retry in {seconds} s",
        )

    if _DISABLED.search(text):
        return ActionNeeded(
            "WorkFossa says this account has been disabled. Syncs are paused "
            "until your WorkFossa administrator enables it again.",
            detail="WorkFossa: account disabled",
        )

    if not text:
        return PageNotAsExpected(detail="login form shown again without an alert")
    return PageNotAsExpected(detail=f"login form shown with an unknown alert {text!r}")


def two_factor_failure() -> ActionNeeded:
    return ActionNeeded(
        "WorkFossa asks for a two-step verification code, which a scheduled "
        "sync cannot give. Turn two-step verification off for this account "
        "in WorkFossa (or use an account without it); syncs are paused until "
        "then.",
        detail="WorkFossa: two-step verification required",
    )
