"""What the status strip and the banners on every page say about a user's syncs.

``sync_status_for(user)`` reads the user's credential, runs and schedules and
returns a ``SyncStatus``: the last successful sync, the next one, the run in
progress, and the banners that are due. A banner is derived from the current
state each time, never stored, so it goes away as soon as its cause does.
"""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import dateformat, timezone
from django_q.models import Schedule

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.models import LOGIN_FAILURES, FailureKind, RunStatus, ScrapeRun
from scraping.schedules import (
    resume_schedule_name,
    retry_schedule_name,
    sync_schedule_name,
)
from scraping.streaks import failure_streak

# Data counts as stale once no sync has succeeded for this many intervals.
STALE_AFTER_INTERVALS = 3

LOGIN_TITLES = {
    CredentialStatus.REJECTED: "WorkFossa login refused",
    CredentialStatus.THROTTLED: "WorkFossa login locked for a while",
    CredentialStatus.ACTION_NEEDED: "WorkFossa login needs your action",
}
LOGIN_DEFAULT_MESSAGES = {
    CredentialStatus.REJECTED: (
        "WorkFossa refused the email or password saved here. Syncs are paused "
        "so that WorkFossa does not lock your account."
    ),
    CredentialStatus.THROTTLED: (
        "WorkFossa locked your login after too many failed attempts. Syncs "
        "are paused until the wait is over."
    ),
    CredentialStatus.ACTION_NEEDED: (
        "WorkFossa asks for something only you can do (two-step verification "
        "or a disabled account). Syncs are paused until then."
    ),
}


@dataclass(frozen=True)
class Banner:
    """One message at the top of every page.

    ``code`` says which cause it reports: "login", "failing", "stale",
    "withheld" (a mass removal held back) or "setup". ``tone`` is the
    Bootstrap colour ("danger", "warning", "info"); the banner also carries
    ``icon`` and ``title`` so that the colour is never the only signal.
    """

    code: str
    tone: str
    icon: str
    title: str
    message: str
    action_url: str = ""
    action_label: str = ""


@dataclass(frozen=True)
class SyncStatus:
    credential: WorkFossaCredential | None
    last_success_at: datetime.datetime | None
    next_sync_at: datetime.datetime | None
    # The queued or running run, if any: "Sync now" is held back meanwhile.
    active_run: ScrapeRun | None
    banners: list[Banner] = field(default_factory=list)

    @property
    def is_paused(self) -> bool:
        return bool(self.credential and self.credential.is_paused)


def sync_status_for(user, *, now: datetime.datetime | None = None) -> SyncStatus:
    """Return the sync status of ``user`` as of ``now`` (default: the time now).

    Runs a fixed handful of queries, whatever the length of the history.
    """
    now = now or timezone.now()
    credential = WorkFossaCredential.objects.filter(user=user).first()
    runs = ScrapeRun.objects.filter(user=user)
    last_success = (
        runs.filter(status=RunStatus.SUCCEEDED).order_by("-finished_at").first()
    )
    active_run = (
        runs.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
        .order_by("-queued_at")
        .first()
    )
    next_sync_at = next_sync_for(user)

    banners = []
    if credential is None:
        banners.append(setup_banner())
    elif credential.status in LOGIN_TITLES:
        banners.append(login_banner(credential, now))

    streak = failure_streak(user.pk)
    # A login failure is reported by the login banner, and stops being the
    # cause once a new credential is saved.
    if streak and streak[-1].failure_kind not in LOGIN_FAILURES:
        banners.append(failing_banner(streak[0], streak[-1], next_sync_at))

    if credential is not None and is_stale(credential, last_success, now):
        banners.append(stale_banner(last_success))

    if last_success is not None and last_success.withheld_removal_ids:
        banners.append(withheld_banner(last_success))

    return SyncStatus(
        credential=credential,
        last_success_at=last_success.finished_at if last_success else None,
        next_sync_at=next_sync_at,
        active_run=active_run,
        banners=banners,
    )


def next_sync_for(user) -> datetime.datetime | None:
    """The soonest pending scheduled sync (regular, retry or resume) of ``user``.

    None when the user has no schedule (no credential yet, or the task queue
    was never set up).
    """
    names = [
        sync_schedule_name(user.pk),
        retry_schedule_name(user.pk),
        resume_schedule_name(user.pk),
    ]
    return (
        Schedule.objects.filter(name__in=names, next_run__isnull=False)
        .order_by("next_run")
        .values_list("next_run", flat=True)
        .first()
    )


def is_stale(credential, last_success, now) -> bool:
    """Whether no sync has succeeded for ``STALE_AFTER_INTERVALS`` intervals.

    Counted from the last success, or from when the credential was saved if
    no sync ever succeeded. Nights outside the user's active hours count
    too, so a user with active hours may see it until the first morning sync.
    """
    since = last_success.finished_at if last_success else credential.created_at
    interval = datetime.timedelta(minutes=credential.sync_interval_minutes)
    return now - since > STALE_AFTER_INTERVALS * interval


def local_text(moment: datetime.datetime) -> str:
    """``moment`` in the site's time zone, as "Dec 8, 14:05"."""
    return dateformat.format(timezone.localtime(moment), "M j, H:i")


def credential_url() -> str:
    return reverse("credential")


def setup_banner() -> Banner:
    return Banner(
        code="setup",
        tone="info",
        icon="ℹ",
        title="No WorkFossa login yet",
        message="Save your WorkFossa email and password so that your work "
        "orders can be synced.",
        action_url=credential_url(),
        action_label="Add your WorkFossa login",
    )


def login_banner(credential: WorkFossaCredential, now) -> Banner:
    message = credential.last_login_error or LOGIN_DEFAULT_MESSAGES[credential.status]
    until = credential.throttled_until
    if credential.status == CredentialStatus.THROTTLED and until:
        if until > now:
            message += f" WorkFossa lets it try again after {local_text(until)}."
        else:
            message += (
                f" WorkFossa's wait ended at {local_text(until)}; syncs resume "
                "by themselves with the next try."
            )
    return Banner(
        code="login",
        tone="danger",
        icon="⛔",
        title=LOGIN_TITLES[credential.status],
        message=message,
        action_url=credential_url(),
        action_label="Check your WorkFossa login",
    )


def failing_banner(first: ScrapeRun, latest: ScrapeRun, next_sync_at) -> Banner:
    kind = FailureKind(latest.failure_kind).label if latest.failure_kind else "Error"
    since = local_text(first.finished_at or first.queued_at)
    when = (
        f"The next try is at {local_text(next_sync_at)}."
        if next_sync_at
        else "No further try is scheduled; use Sync now to try again."
    )
    return Banner(
        code="failing",
        tone="warning",
        icon="⚠",
        title=f"Syncs are failing: {kind}",
        message=f"Failing since {since}. {latest.message} {when}",
        action_url=reverse("run_list"),
        action_label="See the sync history",
    )


def stale_banner(last_success) -> Banner:
    if last_success is None:
        message = "No sync has succeeded yet, so no work orders are shown."
    else:
        message = (
            f"The work orders shown are from the last successful sync, on "
            f"{local_text(last_success.finished_at)}; WorkFossa may have "
            f"changed since."
        )
    return Banner(
        code="stale",
        tone="warning",
        icon="⏳",
        title="Work orders may be out of date",
        message=message,
        action_url=reverse("run_list"),
        action_label="See the sync history",
    )


def withheld_banner(last_success: ScrapeRun) -> Banner:
    count = len(last_success.withheld_removal_ids)
    orders = "work order" if count == 1 else "work orders"
    return Banner(
        code="withheld",
        tone="warning",
        icon="⚠",
        title=f"{count} {orders} kept although WorkFossa no longer lists them",
        message=(
            "The last sync would have removed more than half of your work "
            "orders at once, which looks more like a fault on WorkFossa than "
            "finished work, so they are still shown. Ask your operator to "
            "confirm the removal if that work is done."
        ),
        action_url=reverse("run_detail", args=[last_success.pk]),
        action_label="See that sync",
    )
