"""The functions django-q2 runs, and ``queue_sync`` that hands it a sync.

Every sync is run by ``scraping.runner.sync_user`` in a worker; these
functions decide whether and as what to start it. None of them raises for a
sync's failure: the outcome is on the run.

No sync is run twice by the queue. ``max_attempts`` is 1, and a task that a
dead worker left unacknowledged, which the queue hands out again after its
retry period, finds its run no longer queued (``run_queued_sync``) or its
slot too old (``scheduled_sync``, ``retry_sync``) and does nothing.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_q.tasks import async_task

from accounts.models import WorkFossaCredential
from scraping import reaper, retention
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.runner import sync_user
from scraping.schedules import (
    in_active_hours,
    remove_user_schedules,
    sync_schedule_for,
)

logger = logging.getLogger(__name__)


def _stale_queued_age() -> datetime.timedelta:
    # Twice the time-out: a queued run this old was lost by the queue (it
    # was purged, or the cluster was replaced), not merely waiting its turn.
    return datetime.timedelta(seconds=2 * settings.SYNC_TIMEOUT_SECONDS)


def queue_sync(user, trigger=Trigger.USER) -> ScrapeRun:
    """Ask for a sync of ``user``'s account and return its run.

    If a run of this user is already queued or running, returns that run
    and starts nothing. A user without a usable credential (none, or
    paused) gets a skipped run with the reason at once, recorded by the
    runner without a browser or a login. Otherwise creates a queued run and
    hands it to django-q2 (``run_queued_sync``); its ``task_id`` is set.
    """
    credential = WorkFossaCredential.objects.filter(user=user).first()
    if credential is None or credential.is_paused:
        return sync_user(user, trigger)

    with transaction.atomic():
        # Locking the user row serializes two "Sync now" clicks, so that
        # only one of them creates a run.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        current = (
            ScrapeRun.objects.filter(
                user=user, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
            )
            .order_by("-queued_at")
            .first()
        )
        if current and _lost_in_queue(current):
            current = None
        if current is not None:
            return current

        run = ScrapeRun.objects.create(user=user, trigger=trigger)

    run.task_id = async_task(
        "scraping.tasks.run_queued_sync",
        run.pk,
        task_name=f"sync-run-{run.pk}",
        group=f"sync-user-{user.pk}",
        timeout=settings.SYNC_TIMEOUT_SECONDS,
    )
    run.save(update_fields=["task_id"])
    logger.info("run=%s queued (%s) as task %s", run.pk, trigger, run.task_id)
    return run


def _lost_in_queue(run: ScrapeRun) -> bool:
    if run.status != RunStatus.QUEUED:
        return False
    if timezone.now() - run.queued_at < _stale_queued_age():
        return False

    marked = ScrapeRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.SKIPPED,
        finished_at=timezone.now(),
        message="This sync never started: the task queue did not run it.",
    )
    if marked:
        logger.warning("run=%s never started; given up", run.pk)
    return True


def run_queued_sync(run_id: int) -> str:
    """Run the queued run ``run_id``; returns the run's final status.

    Does nothing (returns "not queued") for a run that is no longer queued:
    the same task delivered a second time, or a run given up on.
    """
    run = ScrapeRun.objects.select_related("user").filter(pk=run_id).first()
    if run is None or run.status != RunStatus.QUEUED:
        logger.warning("run=%s is not queued any more; task ignored", run_id)
        return "not queued"

    return sync_user(run.user, run.trigger, run=run).status


def _slot_too_old(slot: str | None) -> bool:
    if not slot:
        return False
    age = timezone.now() - datetime.datetime.fromisoformat(slot)
    return age > datetime.timedelta(minutes=settings.SYNC_SLOT_GRACE_MINUTES)


def _scheduled_run(user_id: int, trigger: str, slot: str | None) -> str:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        remove_user_schedules(user_id)
        return "no such user"

    credential = WorkFossaCredential.objects.filter(user=user).first()
    if credential is None:
        sync_schedule_for(user)
        return "no credential"
    if _slot_too_old(slot):
        logger.warning(
            "user=%s %s slot %s started too late; left to the next one",
            user_id,
            trigger,
            slot,
        )
        _record_late_slot(user, trigger, slot)
        return "slot too old"
    if not in_active_hours(credential):
        logger.info("user=%s %s slot outside active hours", user_id, trigger)
        return "outside active hours"

    return sync_user(user, trigger).status


def _record_late_slot(user, trigger: str, slot: str) -> None:
    """Keep a skipped run for a slot dropped as too late, so that the history
    says why no sync happened then. Catching up is left to the next slot:
    after downtime, running every user's late slot at once would bunch them.
    """
    due = datetime.datetime.fromisoformat(slot)
    now = timezone.now()
    minutes = round((now - due).total_seconds() / 60)
    ScrapeRun.objects.create(
        user=user,
        trigger=trigger,
        status=RunStatus.SKIPPED,
        finished_at=now,
        message=(
            f"The sync due at {timezone.localtime(due):%b %d, %H:%M} could only "
            f"start {minutes} minutes late (the sync workers were stopped or "
            "busy), so it was left to the next one."
        ),
    )


def scheduled_sync(user_id: int, slot: str | None = None) -> str:
    """The task of a user's sync schedule; returns what became of the slot.

    Outside the user's active hours it creates no run; a slot more than
    ``SYNC_SLOT_GRACE_MINUTES`` old (after downtime, or a second delivery)
    gets a skipped run that says so. Otherwise runs the sync in this
    worker: the runner records it as skipped when the user is paused or
    another sync of theirs is running.
    """
    return _scheduled_run(user_id, Trigger.SCHEDULE, slot)


def retry_sync(user_id: int, slot: str | None = None) -> str:
    """The task of a one-off retry; the same rules as ``scheduled_sync``."""
    return _scheduled_run(user_id, Trigger.RETRY, slot)


def resume_sync(user_id: int) -> str:
    """After a throttle wait: restore the schedule and queue a sync.

    A user still paused (a longer wait was stated since, or the credential
    was refused) keeps waiting; one who already resumed is left alone.
    """
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        remove_user_schedules(user_id)
        return "no such user"

    credential = WorkFossaCredential.objects.filter(user=user).first()
    if credential is None or credential.is_paused:
        sync_schedule_for(user)
        return "still paused"

    sync_schedule_for(user)
    WorkFossaCredential.objects.filter(pk=credential.pk).update(pause_notified_at=None)
    logger.info("user=%s throttle wait over: syncs resume", user_id)
    return queue_sync(user, Trigger.SCHEDULE).status


def reap_abandoned() -> int:
    """Mark runs left running by a dead worker as abandoned; returns how many."""
    return reaper.reap_abandoned_runs()


def delete_old_runs() -> int:
    """The daily clean-up of the run history; returns the runs deleted."""
    return retention.delete_old_runs()
