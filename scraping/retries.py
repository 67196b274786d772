"""Retrying a failed sync sooner than its next regular run.

After the first, second and third failure of a streak the sync is tried
again after ``settings.SYNC_RETRY_DELAYS_MINUTES`` (5, 15 and 45 minutes by
default), through a one-off schedule ``retry-user-<id>`` that starts
``scraping.tasks.retry_sync``. A retry that would come at or after the next
regular run is not made: that run is the retry. From the fourth failure on,
only the regular schedule tries. Login failures are never retried: they
pause the user instead (see ``scraping.handlers``).
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_q.models import Schedule

from scraping.models import LOGIN_FAILURES, RunStatus, ScrapeRun
from scraping.schedules import retry_schedule_name, sync_schedule_name
from scraping.streaks import failure_streak

logger = logging.getLogger(__name__)


def is_retryable(run: ScrapeRun) -> bool:
    """Whether a finished run's outcome calls for a retry."""
    if run.status == RunStatus.ABANDONED:
        return True
    return run.status == RunStatus.FAILED and run.failure_kind not in LOGIN_FAILURES


def retry_delay(streak_length: int) -> datetime.timedelta | None:
    """The wait before retrying after this many failures in a row, or None."""
    delays = settings.SYNC_RETRY_DELAYS_MINUTES
    if not 1 <= streak_length <= len(delays):
        return None
    return datetime.timedelta(minutes=delays[streak_length - 1])


def schedule_retry(run: ScrapeRun) -> Schedule | None:
    """Schedule the retry that follows the failed ``run``, if one is due.

    Returns the one-off schedule, or None when no retry is made (the run is
    not retryable, the streak is past its retries, the user has no regular
    schedule, or the retry would not come before the next regular run). A
    retry already waiting is replaced.
    """
    user_id = run.user_id
    if not is_retryable(run):
        return None

    delay = retry_delay(len(failure_streak(user_id)))
    regular = Schedule.objects.filter(name=sync_schedule_name(user_id)).first()
    if delay is None or regular is None or regular.next_run is None:
        cancel_retry(user_id)
        return None

    retry_at = (run.finished_at or timezone.now()) + delay
    if retry_at >= regular.next_run:
        logger.info(
            "run=%s no retry: the regular sync at %s comes first",
            run.pk,
            regular.next_run.isoformat(),
        )
        cancel_retry(user_id)
        return None

    Schedule.objects.filter(name=retry_schedule_name(user_id)).delete()
    retry = Schedule.objects.create(
        name=retry_schedule_name(user_id),
        func="scraping.tasks.retry_sync",
        args=repr((user_id,)),
        schedule_type=Schedule.ONCE,
        repeats=-1,
        next_run=retry_at,
        intended_date_kwarg="slot",
    )
    logger.info(
        "run=%s failed (%s); retry at %s",
        run.pk,
        run.failure_kind or run.status,
        retry_at.isoformat(),
    )
    return retry


def cancel_retry(user_id: int) -> None:
    """Drop a waiting retry of this user, if any."""
    Schedule.objects.filter(name=retry_schedule_name(user_id)).delete()
