"""The ways a sync can fail, each with the message a technician reads.

Every failure the scraper or the sync raises is a ``ScrapeFailure`` whose
``kind`` is recorded on the run. Messages never hold a password, a cookie or
a token: they are shown on pages, in emails and in the admin.
"""

from scraping.models import FailureKind


class ScrapeFailure(Exception):
    kind = FailureKind.INTERNAL_ERROR
    default_message = "The sync stopped on an unexpected error."

    def __init__(self, message: str | None = None, *, detail: str = ""):
        self.message = message or self.default_message
        # For operators (logs, the admin): what exactly went wrong.
        self.detail = detail
        super().__init__(self.message)


class LoginRejected(ScrapeFailure):
    kind = FailureKind.LOGIN_REJECTED
    default_message = (
        "WorkFossa refused the email or password. Syncs are paused until you "
        "save your current WorkFossa password."
    )


class LoginThrottled(ScrapeFailure):
    kind = FailureKind.LOGIN_THROTTLED
    default_message = (
        "WorkFossa has locked this login for a while after too many failed "
        "attempts. Syncs are paused; they resume after the wait."
    )

    def __init__(self, message=None, *, retry_after_seconds=None, detail=""):
        super().__init__(message, detail=detail)
        self.retry_after_seconds = retry_after_seconds


class ActionNeeded(ScrapeFailure):
    kind = FailureKind.ACTION_NEEDED
    default_message = (
        "WorkFossa needs something only you can do before it lets the sync "
        "log in (two-step verification, or a disabled account). Syncs are "
        "paused until then."
    )


class SiteUnavailable(ScrapeFailure):
    kind = FailureKind.SITE_UNAVAILABLE
    default_message = (
        "WorkFossa could not be reached or answered with an error. The sync "
        "will try again."
    )


class TimedOut(ScrapeFailure):
    kind = FailureKind.TIMED_OUT
    default_message = "WorkFossa took too long to answer. The sync will try again."


class PageNotAsExpected(ScrapeFailure):
    kind = FailureKind.PAGE_NOT_AS_EXPECTED
    default_message = (
        "A WorkFossa page did not look as expected (the site may have changed). "
        "Nothing was changed here; the operator has been told."
    )


class IncompleteList(ScrapeFailure):
    kind = FailureKind.INCOMPLETE_LIST
    default_message = (
        "The work list could not be read completely, so nothing was removed or "
        "changed. The sync will try again."
    )


class BrowserFailure(ScrapeFailure):
    kind = FailureKind.BROWSER_FAILURE
    default_message = "The browser that reads WorkFossa failed. The sync will retry."


class DatabaseFailure(ScrapeFailure):
    kind = FailureKind.DATABASE_ERROR
    default_message = "Saving the work orders failed; nothing was changed."
