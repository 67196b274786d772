"""Deleting old runs, with their screenshots and saved pages.

Runs older than ``SYNC_RUN_RETENTION_DAYS`` go, except each user's last
``SYNC_RUNS_KEPT_PER_USER`` runs, every run since the start of a failure
streak that is still going on (what an operator needs to see what is
failing), and runs not finished yet. The queue's own record of failed tasks
is pruned by the same age (successful ones are bounded by ``save_limit``).
"""

import datetime
import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_q.models import Task

from scraping.models import FINISHED_STATUSES, ScrapeRun
from scraping.streaks import failure_streak

logger = logging.getLogger(__name__)


def _deletable_runs(user_id: int, cutoff):
    kept = (
        ScrapeRun.objects.filter(user_id=user_id)
        .order_by("-queued_at", "-pk")
        .values_list("pk", flat=True)[: settings.SYNC_RUNS_KEPT_PER_USER]
    )
    runs = ScrapeRun.objects.filter(
        user_id=user_id, queued_at__lt=cutoff, status__in=FINISHED_STATUSES
    ).exclude(pk__in=list(kept))

    streak = failure_streak(user_id)
    if streak:
        runs = runs.exclude(queued_at__gte=streak[0].queued_at)
    return runs


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("could not delete the run file %s", name)


def delete_old_runs(now=None) -> int:
    """Delete the runs past retention and their files; returns how many runs.

    Each user's runs are deleted in one transaction; their files are
    deleted after it commits, so a failed delete never leaves a run
    pointing at a missing file.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.SYNC_RUN_RETENTION_DAYS
    )
    user_ids = (
        ScrapeRun.objects.filter(queued_at__lt=cutoff)
        .order_by()
        .values_list("user_id", flat=True)
        .distinct()
    )

    total = 0
    for user_id in list(user_ids):
        with transaction.atomic():
            runs = _deletable_runs(user_id, cutoff)
            files = [
                name
                for pair in runs.values_list("screenshot", "page_html")
                for name in pair
                if name
            ]
            _, per_model = runs.delete()
            transaction.on_commit(lambda files=files: _delete_files(files))
        total += per_model.get(ScrapeRun._meta.label, 0)

    failed_tasks, _ = Task.objects.filter(success=False, stopped__lt=cutoff).delete()
    logger.info(
        "retention: deleted %s runs and %s failed tasks older than %s",
        total,
        failed_tasks,
        cutoff.date().isoformat(),
    )
    return total
