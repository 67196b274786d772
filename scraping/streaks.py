"""Failure streaks: the failed runs in a row since a user's last success.

A streak is made of failed and abandoned runs. Skipped runs neither break
nor extend it (they did not try WorkFossa), and queued or running runs have
no outcome yet; a succeeded run ends it.
"""

from scraping.models import RunStatus, ScrapeRun

# Far more than a streak needs for retries and alerts; bounds the query for
# users with a long failing history.
STREAK_SCAN_LIMIT = 500


def failure_streak(user_id: int, before: ScrapeRun | None = None) -> list[ScrapeRun]:
    """The runs of the user's ongoing failure streak, oldest first.

    Empty when the last run with an outcome succeeded (or there is none).
    With ``before``, the streak as it stood just before that run.
    """
    runs = ScrapeRun.objects.filter(user_id=user_id)
    if before is not None:
        runs = runs.filter(queued_at__lte=before.queued_at).exclude(pk=before.pk)
    decided = (
        runs.exclude(
            status__in=[RunStatus.SKIPPED, RunStatus.QUEUED, RunStatus.RUNNING]
        )
        .order_by("-queued_at", "-pk")
        .defer("step_log", "created_ids", "updated_ids", "removed_ids")
    )
    streak = []
    for run in decided[:STREAK_SCAN_LIMIT]:
        if run.status == RunStatus.SUCCEEDED:
            break
        streak.append(run)
    streak.reverse()
    return streak
