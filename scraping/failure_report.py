"""The operators' view of failing syncs (``manage.py scrape_failures``).

Per user with runs in the window: how many runs and of what outcome, the
failures by kind, the hours of the day (in the user's time zone) they
happened at, the typical time a failing run ran before it failed, the last
success (at any time), whether and why the user is paused, and how many
orders the last success kept back from removal (the mass-removal guard).
"""

import datetime
import statistics
from collections import Counter
from dataclasses import asdict, dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import WorkFossaCredential
from scraping.models import RunStatus, ScrapeRun
from scraping.schedules import user_zone
from scraping.streaks import failure_streak

FAILED_STATUSES = (RunStatus.FAILED, RunStatus.ABANDONED)


@dataclass
class UserFailures:
    username: str
    runs: int
    by_status: dict[str, int]
    failures_by_kind: dict[str, int]
    # Hour of the day (0-23, the user's time zone) -> failures in it.
    failure_hours: dict[int, int]
    time_zone: str
    # Median seconds a failing run ran before it failed.
    typical_seconds_to_failure: float | None
    last_success: datetime.datetime | None
    failing_in_a_row: int
    failing_since: datetime.datetime | None
    paused: bool
    pause_reason: str
    credential_status: str
    # Orders the last success kept although WorkFossa no longer lists them.
    removals_held_back: int


@dataclass
class FailureReport:
    since: datetime.datetime
    until: datetime.datetime
    users: list[UserFailures]


def build_failure_report(hours: int = 24, username: str | None = None, now=None):
    """Summarize the runs of the last ``hours`` hours, failing users first.

    With ``username``, only that user (listed even without runs). Raises
    ``LookupError`` for an unknown username.
    """
    until = now or timezone.now()
    since = until - datetime.timedelta(hours=hours)
    users = get_user_model().objects.order_by("username")
    if username is not None:
        users = users.filter(username=username)
        if not users.exists():
            raise LookupError(username)
    else:
        users = users.filter(
            scrape_runs__queued_at__gte=since, scrape_runs__queued_at__lte=until
        ).distinct()

    summaries = [_summarize(user, since, until) for user in users]
    summaries.sort(key=lambda s: (-sum(s.failures_by_kind.values()), s.username))
    return FailureReport(since=since, until=until, users=summaries)


def _summarize(user, since, until) -> UserFailures:
    credential = WorkFossaCredential.objects.filter(user=user).first()
    zone = user_zone(credential) if credential else timezone.get_default_timezone()
    runs = list(
        ScrapeRun.objects.filter(
            user=user, queued_at__gte=since, queued_at__lte=until
        ).only("status", "failure_kind", "queued_at", "duration_seconds")
    )
    failed = [run for run in runs if run.status in FAILED_STATUSES]
    kinds = Counter(run.failure_kind or run.status for run in failed)
    hours = Counter(run.queued_at.astimezone(zone).hour for run in failed)
    durations = [run.duration_seconds for run in failed if run.duration_seconds]
    last_success, held_back = (
        ScrapeRun.objects.filter(user=user, status=RunStatus.SUCCEEDED)
        .order_by("-finished_at")
        .values_list("finished_at", "withheld_removal_ids")
        .first()
    ) or (None, [])
    streak = failure_streak(user.pk)
    return UserFailures(
        username=user.get_username(),
        runs=len(runs),
        by_status=dict(Counter(run.status for run in runs)),
        failures_by_kind=dict(sorted(kinds.items(), key=_most_first)),
        failure_hours=dict(sorted(hours.items())),
        time_zone=str(zone),
        typical_seconds_to_failure=(
            round(statistics.median(durations), 1) if durations else None
        ),
        last_success=last_success,
        failing_in_a_row=len(streak),
        failing_since=streak[0].queued_at if streak else None,
        paused=bool(credential and credential.is_paused),
        pause_reason=_pause_reason(credential),
        credential_status=credential.status if credential else "none",
        removals_held_back=len(held_back),
    )


def _most_first(kind_and_count):
    kind, count = kind_and_count
    return -count, kind


def _pause_reason(credential) -> str:
    if credential is None:
        return "no WorkFossa login saved"
    if not credential.is_paused:
        return ""

    reason = credential.get_status_display()
    if credential.throttled_until:
        until = credential.throttled_until.astimezone(user_zone(credential))
        reason += f" until {until:%Y-%m-%d %H:%M %Z}"
    if credential.last_login_error:
        reason += f": {credential.last_login_error}"
    return reason


def report_as_json(report: FailureReport) -> dict:
    """The report as plain JSON types (times in ISO 8601, UTC)."""

    def plain(value):
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.UTC).isoformat()
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return plain(
        {
            "since": report.since,
            "until": report.until,
            "users": [asdict(user) for user in report.users],
        }
    )


def _when(moment, zone) -> str:
    if moment is None:
        return "never"
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M %Z}"


def _hours_line(hours: dict[int, int]) -> str:
    return ", ".join(f"{hour:02d}h x{count}" for hour, count in hours.items())


def report_as_text(report: FailureReport) -> str:
    """The report for a terminal: one block per user."""
    zone = timezone.get_default_timezone()
    lines = [
        f"Syncs from {_when(report.since, zone)} to {_when(report.until, zone)}",
    ]
    if not report.users:
        lines.append("No runs in this window.")
    for user in report.users:
        local = ZoneInfo(user.time_zone)
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(user.by_status.items()))
        lines.append("")
        lines.append(f"{user.username}: {user.runs} runs ({statuses or 'none'})")
        if user.failures_by_kind:
            kinds = ", ".join(f"{k} x{n}" for k, n in user.failures_by_kind.items())
            lines.append(f"  failures:        {kinds}")
            lines.append(
                f"  at hours ({user.time_zone}): {_hours_line(user.failure_hours)}"
            )
            if user.typical_seconds_to_failure is not None:
                lines.append(
                    f"  typically after: {user.typical_seconds_to_failure:.1f} s"
                )
        else:
            lines.append("  failures:        none")
        if user.failing_in_a_row:
            lines.append(
                f"  failing in a row: {user.failing_in_a_row} since "
                f"{_when(user.failing_since, local)}"
            )
        lines.append(f"  last success:    {_when(user.last_success, local)}")
        if user.removals_held_back:
            lines.append(
                f"  HELD BACK:       {user.removals_held_back} orders no longer "
                "listed were kept; after checking WorkFossa, confirm with "
                f"`scrape {user.username} --allow-mass-removal`"
            )
        if user.paused:
            lines.append(f"  PAUSED:          {user.pause_reason}")
        elif user.pause_reason:
            lines.append(f"  note:            {user.pause_reason}")
    return "\n".join(lines)
