"""What follows a sync or a credential change: pause, retry, resume, emails.

``on_sync_finished`` receives ``scraping.signals.sync_finished`` after every
run (connected in ``ScrapingConfig.ready``):

- a login failure (refused, throttled, action needed) pauses the user: the
  runner has set the credential's status, and the sync schedule goes; the
  user gets one email per pause (``pause_notified_at``);
- any other failure, and an abandoned run, gets a retry (``scraping.
  retries``); the failure that makes the streak reach
  ``SYNC_FAILURE_ALERT_AFTER`` sends one email to the user and the
  operators (``failure_alert_sent_at``);
- a success drops a waiting retry and, after an alert, sends one recovery
  email;
- a skipped run changes nothing, so a paused user's skipped slots send no
  email.

``credential_saved`` and ``credential_deleted`` are called by the receivers
in ``accounts.signals``: they keep the schedules in step and resume a
paused user, with a sync at once, when the credential stops being paused.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import PAUSING_STATUSES, CredentialStatus, WorkFossaCredential
from scraping import notifications
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.retries import cancel_retry, schedule_retry
from scraping.schedules import remove_user_schedules, sync_schedule_for
from scraping.streaks import failure_streak

logger = logging.getLogger(__name__)

# A change to one of these may add, move or remove the user's schedules.
SCHEDULE_FIELDS = ("status", "throttled_until", "sync_interval_minutes")


def on_sync_finished(sender, run: ScrapeRun, **kwargs) -> None:
    if run.status == RunStatus.SUCCEEDED:
        _after_success(run)
    elif run.status in (RunStatus.FAILED, RunStatus.ABANDONED):
        if run.is_login_failure:
            _after_login_failure(run)
        else:
            _after_failure(run)


def _claim(credential, field: str, value) -> bool:
    """Set ``field`` from its opposite state; True if this call changed it.

    The filtered update makes the once-only emails safe even if two workers
    finish runs of the same user at once.
    """
    if value is None:
        claimed = {f"{field}__isnull": False}
    else:
        claimed = {f"{field}__isnull": True}
    changed = WorkFossaCredential.objects.filter(pk=credential.pk, **claimed).update(
        **{field: value}
    )
    return changed == 1


def _after_login_failure(run: ScrapeRun) -> None:
    credential = WorkFossaCredential.objects.filter(user_id=run.user_id).first()
    if credential is None:
        return

    # The runner's save of the credential normally did this already.
    sync_schedule_for(run.user)
    if not credential.is_paused:
        # The user saved a new password while this run was logging in.
        return

    logger.info("run=%s login failed (%s): syncs paused", run.pk, run.failure_kind)
    if not _claim(credential, "pause_notified_at", timezone.now()):
        return

    if not notifications.send_pause_notice(credential, run):
        _claim(credential, "pause_notified_at", None)


def _after_failure(run: ScrapeRun) -> None:
    schedule_retry(run)
    streak = failure_streak(run.user_id)
    if len(streak) < settings.SYNC_FAILURE_ALERT_AFTER:
        return

    credential = WorkFossaCredential.objects.filter(user_id=run.user_id).first()
    if credential is None or not _claim(
        credential, "failure_alert_sent_at", timezone.now()
    ):
        return

    logger.warning(
        "run=%s user=%s has failed %s times in a row since %s",
        run.pk,
        run.user_id,
        len(streak),
        streak[0].queued_at.isoformat(),
    )
    if not notifications.send_failure_alert(credential, streak):
        _claim(credential, "failure_alert_sent_at", None)


def _after_success(run: ScrapeRun) -> None:
    cancel_retry(run.user_id)
    credential = WorkFossaCredential.objects.filter(user_id=run.user_id).first()
    if credential is None:
        return

    _claim(credential, "pause_notified_at", None)
    alerted_at = credential.failure_alert_sent_at
    if alerted_at is None or not _claim(credential, "failure_alert_sent_at", None):
        return

    streak = failure_streak(run.user_id, before=run)
    failing_since = streak[0].queued_at if streak else alerted_at
    logger.info("run=%s user=%s syncs recovered", run.pk, run.user_id)
    notifications.send_recovery_notice(credential, run, failing_since)


def _was_paused(previous: dict) -> bool:
    if previous["status"] == CredentialStatus.THROTTLED and previous["throttled_until"]:
        return previous["throttled_until"] > timezone.now()
    return previous["status"] in PAUSING_STATUSES


def credential_saved(credential: WorkFossaCredential, previous: dict | None) -> None:
    """React to a saved credential; ``previous`` holds its stored values
    (``SCHEDULE_FIELDS`` and ``password_changed_at``) before the save, or is
    None for a new one.

    Keeps the user's schedules in step. When a paused credential is no
    longer paused (a password was saved that passed the check, or saved
    unchecked), forgets the pause email and queues a sync once the
    transaction commits.
    """
    changed = previous is None or any(
        previous[field] != getattr(credential, field) for field in SCHEDULE_FIELDS
    )
    if changed:
        sync_schedule_for(credential.user)

    password_changed = (
        previous is None
        or previous["password_changed_at"] != credential.password_changed_at
    )
    resumed = (
        previous is not None and _was_paused(previous) and not credential.is_paused
    )
    if (password_changed or resumed) and credential.pause_notified_at:
        _claim(credential, "pause_notified_at", None)
        credential.pause_notified_at = None
    if not resumed:
        return

    logger.info("user=%s credential usable again: syncs resume", credential.user_id)
    user = credential.user

    def start_sync():
        from scraping.tasks import queue_sync

        queue_sync(user, Trigger.SCHEDULE)

    transaction.on_commit(start_sync)


def credential_deleted(user_id: int) -> None:
    """Drop every schedule of a user whose credential was deleted."""
    removed = remove_user_schedules(user_id)
    logger.info("user=%s credential deleted: %s schedules removed", user_id, removed)
