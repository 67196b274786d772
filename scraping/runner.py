"""Runs one sync of one user: the sequence the scheduler and commands share.

``sync_user`` logs in with the user's saved credential, reads the complete
work list and the equipment that is due, applies them with ``apply_scrape``
and records every step on a ``ScrapeRun``. It never raises for a failed
sync: the run's status, ``failure_kind`` and ``message`` say what happened.
"""

import datetime
import html
import logging
import traceback

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from accounts.crypto import UndecryptableSecret
from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.errors import (
    ActionNeeded,
    DatabaseFailure,
    LoginRejected,
    LoginThrottled,
    ScrapeFailure,
)
from scraping.models import FailureKind, RunStatus, ScrapeRun, Trigger
from scraping.reaper import reap_abandoned_runs
from scraping.run_log import RunRecorder, run_logging, send_sync_finished
from scraping.scraper import WorkFossaScraper
from scraping.session_store import drop_session, load_session, store_session
from scraping.sync import apply_scrape, sites_to_read

logger = logging.getLogger(__name__)

NO_CREDENTIAL_MESSAGE = "No WorkFossa login saved: add it on the credentials page."
ALREADY_RUNNING_MESSAGE = "Another sync of this account is running."
UNDECRYPTABLE_MESSAGE = (
    "The saved WorkFossa password can no longer be read (the encryption key "
    "it was saved with was removed). Save your WorkFossa password again on "
    "the credentials page."
)
MASS_REMOVAL_MESSAGE = (
    "WorkFossa no longer lists {count} of your {stored} work orders. Removing "
    "more than half at once looks like a fault, so they were kept; an "
    "operator can confirm the removal with `manage.py scrape "
    "--allow-mass-removal`."
)
STOPPED_MESSAGE = (
    "The sync took longer than its time limit of {minutes} minutes and was "
    "stopped; nothing was changed. The next sync tries again."
)
# WorkFossa's lockout lasts 15 minutes when it does not say how long.
DEFAULT_THROTTLE_SECONDS = 15 * 60
_LOGIN_STATUSES = {
    LoginRejected: CredentialStatus.REJECTED,
    LoginThrottled: CredentialStatus.THROTTLED,
    ActionNeeded: CredentialStatus.ACTION_NEEDED,
}


def sync_user(
    user,
    trigger=Trigger.COMMAND,
    *,
    run: ScrapeRun | None = None,
    allow_mass_removal: bool = False,
    progress=None,
) -> ScrapeRun:
    """Sync ``user``'s work orders from WorkFossa and return the finished run.

    ``run`` is a queued run to carry out (one is created otherwise). The run
    is skipped, without a login, when the user has no credential, when the
    credential is paused, or when another run of the user is running. A
    login that WorkFossa refuses, throttles or holds for an action sets the
    credential's status so that later runs are skipped; an accepted one
    marks it valid. Work orders change only when the whole run succeeds.
    ``progress(step, message)`` is called at each step. ``sync_finished`` is
    sent at the end of every run. Never raises for a failed sync; the
    ``SystemExit`` with which the task queue stops a sync at its time-out is
    raised again once the run is recorded as timed out.
    """
    if run is None:
        run = ScrapeRun.objects.create(user=user, trigger=trigger)
    elif run.status != RunStatus.QUEUED:
        logger.warning("run=%s is %s, not queued: not run again", run.pk, run.status)
        return run

    stopped = None
    with run_logging(run):
        recorder = RunRecorder(run, progress)
        reap_abandoned_runs(user)
        credential = WorkFossaCredential.objects.filter(user=user).first()
        reason = skip_reason(credential)
        if reason:
            recorder.finish(RunStatus.SKIPPED, reason)
        elif _take_running_slot(recorder):
            logger.info("sync of %s started (%s)", credential.email, run.trigger)
            stopped = _attempt(recorder, credential, allow_mass_removal)
        else:
            recorder.finish(RunStatus.SKIPPED, ALREADY_RUNNING_MESSAGE)
        _log_outcome(run)
        send_sync_finished(run)
    if stopped is not None:
        raise stopped
    return run


def skip_reason(credential: WorkFossaCredential | None) -> str:
    """Why a sync with this credential must not log in, or '' if it may."""
    if credential is None:
        return NO_CREDENTIAL_MESSAGE
    if not credential.is_paused:
        return ""

    if credential.status == CredentialStatus.REJECTED:
        return (
            "Syncs are paused because WorkFossa refused the saved password. "
            "Save your current WorkFossa password on the credentials page to "
            "resume them."
        )
    if credential.status == CredentialStatus.THROTTLED:
        until = timezone.localtime(credential.throttled_until)
        return (
            "Syncs are paused because WorkFossa locked this login after too "
            f"many failed attempts. They resume after {until:%b %d, %H:%M}, "
            "or when you save your login again on the credentials page."
        )
    return (
        "Syncs are paused because WorkFossa needs something only you can do "
        "(two-step verification, or a disabled account). Sort it out on "
        "WorkFossa, then save your login again on the credentials page."
    )


def _take_running_slot(recorder: RunRecorder) -> bool:
    try:
        with transaction.atomic():
            recorder.start()
    except IntegrityError:
        # scraperun_one_running_per_user: another worker holds the slot.
        recorder.run.status = RunStatus.QUEUED
        recorder.run.started_at = None
        return False
    return True


def _attempt(
    recorder: RunRecorder, credential, allow_mass_removal: bool
) -> SystemExit | None:
    """Carry out the run; returns the ``SystemExit`` that stopped it, if any."""
    run = recorder.run
    try:
        password = credential.password_for_login()
    except UndecryptableSecret:
        recorder.finish(
            RunStatus.FAILED, UNDECRYPTABLE_MESSAGE, FailureKind.INTERNAL_ERROR
        )
        return None

    try:
        scraper = WorkFossaScraper(
            credential.email,
            password,
            base_url=settings.WORKFOSSA_BASE_URL,
            on_step=recorder.step,
            site_browsers=settings.SCRAPE_SITE_BROWSERS,
            run_id=run.pk,
            cookies=load_session(credential),
        )
        with scraper:
            try:
                message = _scrape_and_apply(
                    recorder, scraper, credential, allow_mass_removal
                )
            except Exception as error:
                failure = _as_failure(error, password)
                _save_capture(run, scraper, password)
                raise failure from error
            finally:
                run.pages_loaded = scraper.pages_loaded
                run.save(update_fields=["pages_loaded"])
    except SystemExit as stop:
        # The task queue stops a sync past its time-out by raising SystemExit
        # inside it. The browsers are closed and the transaction rolled back
        # by now; without this the run would wait for the reaper as abandoned.
        minutes = round(settings.SYNC_TIMEOUT_SECONDS / 60)
        logger.warning("stopped at the task time-out")
        recorder.finish(
            RunStatus.FAILED,
            STOPPED_MESSAGE.format(minutes=minutes),
            FailureKind.TIMED_OUT,
        )
        return stop
    except Exception as error:
        failure = _as_failure(error, password)
        logger.warning(
            "failed (%s): %s %s",
            failure.kind,
            failure.message,
            _without(failure.detail, password),
        )
        recorder.finish(
            RunStatus.FAILED, _without(failure.message, password), failure.kind
        )
        return None

    recorder.finish(RunStatus.SUCCEEDED, message)
    return None


def _scrape_and_apply(recorder, scraper, credential, allow_mass_removal) -> str:
    """Log in, read and apply; returns the run's closing message."""
    run = recorder.run
    recorder.step("login", "Logging in to WorkFossa")
    try:
        scraper.login()
    except (LoginRejected, LoginThrottled, ActionNeeded) as failure:
        drop_session(credential)
        _record_refused_login(credential, failure)
        raise
    _record_accepted_login(credential)
    # Kept as soon as the login worked, so that a later step failing does
    # not cost the next sync a password submission.
    store_session(credential, scraper.session_cookies())

    recorder.step("work_list", "Reading the work list")
    orders = scraper.read_work_list()
    sites = sites_to_read(run.user, orders)
    recorder.step(
        "sites",
        f"Reading the equipment of {len(sites)} sites",
        orders_seen=len(orders),
    )
    equipment = scraper.read_equipment(sites) if sites else {}

    recorder.step("save", f"Saving {len(orders)} work orders")
    result = apply_scrape(
        run.user, orders, equipment, run=run, allow_mass_removal=allow_mass_removal
    )
    if result.removal_withheld:
        return MASS_REMOVAL_MESSAGE.format(
            count=len(result.withheld_removal_ids),
            stored=result.unchanged_count
            + len(result.updated_ids)
            + len(result.withheld_removal_ids),
        )
    return ""


def _as_failure(error: Exception, password: str) -> ScrapeFailure:
    """The failure to record for ``error``; logs the traceback of others.

    The traceback is logged as text with the password blanked out: an
    exception's message can quote a page or a form that holds it.
    """
    if isinstance(error, ScrapeFailure):
        return error

    trace = _without("".join(traceback.format_exception(error)), password)
    if isinstance(error, DatabaseError):
        logger.error("database error while saving:\n%s", trace)
        return DatabaseFailure(detail=type(error).__name__)
    logger.error("unexpected error:\n%s", trace)
    return ScrapeFailure(detail=type(error).__name__)


def _record_accepted_login(credential: WorkFossaCredential) -> None:
    credential.status = CredentialStatus.VALID
    credential.last_verified_at = timezone.now()
    credential.last_login_error = ""
    credential.throttled_until = None
    credential.save(
        update_fields=[
            "status",
            "last_verified_at",
            "last_login_error",
            "throttled_until",
            "updated_at",
        ]
    )


def _record_refused_login(credential: WorkFossaCredential, failure) -> None:
    credential.status = _LOGIN_STATUSES[type(failure)]
    credential.last_login_error = failure.message
    credential.throttled_until = None
    if isinstance(failure, LoginThrottled):
        seconds = failure.retry_after_seconds or DEFAULT_THROTTLE_SECONDS
        credential.throttled_until = timezone.now() + datetime.timedelta(
            seconds=seconds
        )
    credential.save(
        update_fields=[
            "status",
            "last_login_error",
            "throttled_until",
            "updated_at",
        ]
    )


def _save_capture(run: ScrapeRun, scraper, password: str) -> None:
    """Keep the failing page's screenshot and HTML on the run, if it has them."""
    try:
        png, page_html = scraper.capture()
    except Exception:
        logger.warning("could not capture the failing page", exc_info=True)
        return

    fields = []
    if png:
        run.screenshot.save(f"run-{run.pk}.png", ContentFile(png), save=False)
        fields.append("screenshot")
    if page_html:
        cleaned = _without(page_html, password)
        run.page_html.save(
            f"run-{run.pk}.html", ContentFile(cleaned.encode()), save=False
        )
        fields.append("page_html")
    if fields:
        run.save(update_fields=fields)


def _without(text: str, password: str) -> str:
    """``text`` with the password (plain or HTML-escaped) blanked out.

    The scraper clears the password field before a capture; this is the
    second line of defence for pages that echo what was typed.
    """
    if not password:
        return text
    for form in {password, html.escape(password), html.escape(password, False)}:
        text = text.replace(form, "[password hidden]")
    return text


def _log_outcome(run: ScrapeRun) -> None:
    logger.info(
        "%s in %.1f s: %d seen, %d created, %d updated, %d removed, "
        "%d sites, %d pages%s",
        run.status,
        run.duration_seconds or 0.0,
        run.orders_seen,
        run.orders_created,
        run.orders_updated,
        run.orders_removed,
        run.sites_read,
        run.pages_loaded,
        f" ({run.failure_kind})" if run.failure_kind else "",
    )
