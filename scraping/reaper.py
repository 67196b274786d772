"""Gives up on runs left ``running`` by a worker that died or was stopped."""

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from scraping.models import RunStatus, ScrapeRun
from scraping.run_log import send_sync_finished

logger = logging.getLogger(__name__)

ABANDONED_MESSAGE = (
    "This sync stopped without finishing (the worker running it was stopped "
    "or took longer than allowed). Nothing was changed by it; the next sync "
    "starts afresh."
)


def reap_abandoned_runs(user=None) -> int:
    """Mark as abandoned the runs running for longer than the sync time-out.

    A run counts as abandoned once its ``started_at`` is older than
    ``settings.SYNC_TIMEOUT_SECONDS``: the task queue stops a sync at that
    age, so nothing is still working on it. Limited to ``user``'s runs when
    given. Frees the running slot of the user, sends ``sync_finished`` for
    each run and returns how many runs were marked.
    """
    now = timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.SYNC_TIMEOUT_SECONDS)
    stale = ScrapeRun.objects.filter(status=RunStatus.RUNNING, started_at__lt=cutoff)
    if user is not None:
        stale = stale.filter(user=user)

    reaped = 0
    for run in stale.order_by("started_at"):
        # Filtered on the status again: the run may have finished meanwhile.
        marked = ScrapeRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
            status=RunStatus.ABANDONED,
            finished_at=now,
            duration_seconds=(now - run.started_at).total_seconds(),
            message=ABANDONED_MESSAGE,
            current_step="",
        )
        if not marked:
            continue

        reaped += 1
        run.refresh_from_db()
        logger.warning(
            "run=%s abandoned: running since %s", run.pk, run.started_at.isoformat()
        )
        send_sync_finished(run)
    return reaped
