"""The django-q2 schedules that start the syncs.

Each user whose WorkFossa credential is stored and not paused has one
schedule, ``sync-user-<id>``, that runs ``scraping.tasks.scheduled_sync``
every ``sync_interval_minutes``. Its slots sit at a stable offset within the
interval, derived from the user id, so that users' syncs are spread over the
hour instead of all starting at one minute.

A paused user has no sync schedule: nothing is started that would log in
with a refused password. While a throttled user waits, a one-off schedule
``resume-user-<id>`` runs ``scraping.tasks.resume_sync`` just after the wait
WorkFossa stated. A one-off ``retry-user-<id>`` (see ``scraping.retries``)
may wait for a failed sync's retry.

Two maintenance schedules serve everyone: ``reap-abandoned-runs`` and the
daily ``delete-old-runs``.
"""

import datetime
import hashlib
import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import WorkFossaCredential

logger = logging.getLogger(__name__)

MIN_INTERVAL_MINUTES = 15
# A resumed sync starts this long after the throttle wait, so that WorkFossa
# has surely lifted it.
RESUME_MARGIN = datetime.timedelta(minutes=1)
# The daily clean-up runs at this local time, when nobody is working.
RETENTION_TIME = datetime.time(3, 30)

SYNC_PREFIX = "sync-user-"
RETRY_PREFIX = "retry-user-"
RESUME_PREFIX = "resume-user-"
REAPER_NAME = "reap-abandoned-runs"
RETENTION_NAME = "delete-old-runs"


def sync_schedule_name(user_id: int) -> str:
    return f"{SYNC_PREFIX}{user_id}"


def retry_schedule_name(user_id: int) -> str:
    return f"{RETRY_PREFIX}{user_id}"


def resume_schedule_name(user_id: int) -> str:
    return f"{RESUME_PREFIX}{user_id}"


def slot_offset_minutes(user_id: int, interval_minutes: int) -> int:
    """Minutes into each interval at which this user's syncs start.

    Stable across restarts and machines (a hash of the id, not Python's
    salted ``hash``), and spread evenly over the interval across users.
    """
    digest = hashlib.sha256(f"sync-slot:{user_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % interval_minutes


def next_slot(user_id: int, interval_minutes: int, after=None) -> datetime.datetime:
    """The first of the user's slots strictly after ``after`` (default now).

    Slots are counted from the Unix epoch, so with a 60-minute interval a
    user always syncs at the same minute past the hour.
    """
    after = after or timezone.now()
    period = interval_minutes * 60
    offset = slot_offset_minutes(user_id, interval_minutes) * 60
    slots_done = int((after.timestamp() - offset) // period)
    start = (slots_done + 1) * period + offset
    return datetime.datetime.fromtimestamp(start, tz=datetime.UTC)


def _is_slot(user_id: int, interval_minutes: int, moment) -> bool:
    period = interval_minutes * 60
    offset = slot_offset_minutes(user_id, interval_minutes) * 60
    return (moment.timestamp() - offset) % period == 0


def user_zone(credential: WorkFossaCredential) -> ZoneInfo:
    """The credential's time zone, or the site's when it names none known."""
    try:
        return ZoneInfo(credential.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning(
            "user=%s has an unknown time zone %r; using %s",
            credential.user_id,
            credential.time_zone,
            settings.TIME_ZONE,
        )
        return ZoneInfo(settings.TIME_ZONE)


def in_active_hours(credential: WorkFossaCredential, at=None) -> bool:
    """Whether scheduled syncs may run at ``at`` (default now).

    The window is ``active_hours_start`` (included) to ``active_hours_end``
    (excluded) in the user's time zone; a start after the end spans
    midnight. A missing start means from midnight, a missing end until
    midnight; with neither, or with both equal, every hour is active.
    """
    start, end = credential.active_hours_start, credential.active_hours_end
    if start is None and end is None:
        return True

    local = (at or timezone.now()).astimezone(user_zone(credential)).time()
    if end is None:
        return local >= start
    if start is None:
        return local < end
    if start == end:
        return True
    if start < end:
        return start <= local < end
    return local >= start or local < end


def _upsert(name: str, **fields) -> Schedule:
    """Create or update the schedule called ``name``; one row per name."""
    rows = list(Schedule.objects.filter(name=name).order_by("pk"))
    schedule = rows[0] if rows else Schedule(name=name)
    for extra in rows[1:]:
        extra.delete()

    changed = schedule.pk is None
    for field, value in fields.items():
        if getattr(schedule, field) != value:
            setattr(schedule, field, value)
            changed = True
    if changed:
        schedule.save()
    return schedule


def _upsert_sync_schedule(credential: WorkFossaCredential) -> Schedule:
    user_id = credential.user_id
    interval = max(credential.sync_interval_minutes, MIN_INTERVAL_MINUTES)
    current = Schedule.objects.filter(name=sync_schedule_name(user_id)).first()

    # Keep a next run that is one of this user's slots, even one just past
    # that the scheduler has not picked up yet: recomputing it would skip it.
    keep = (
        current is not None
        and current.minutes == interval
        and current.next_run is not None
        and _is_slot(user_id, interval, current.next_run)
        and current.next_run > timezone.now() - datetime.timedelta(minutes=interval)
    )
    next_run = current.next_run if keep else next_slot(user_id, interval)
    return _upsert(
        sync_schedule_name(user_id),
        func="scraping.tasks.scheduled_sync",
        args=repr((user_id,)),
        kwargs=None,
        schedule_type=Schedule.MINUTES,
        minutes=interval,
        repeats=-1,
        next_run=next_run,
        intended_date_kwarg="slot",
    )


def _upsert_resume_schedule(credential: WorkFossaCredential) -> Schedule:
    return _upsert(
        resume_schedule_name(credential.user_id),
        func="scraping.tasks.resume_sync",
        args=repr((credential.user_id,)),
        schedule_type=Schedule.ONCE,
        repeats=-1,
        next_run=credential.throttled_until + RESUME_MARGIN,
    )


def remove_user_schedules(user_id: int) -> int:
    """Delete every schedule of this user; returns how many there were."""
    names = [
        sync_schedule_name(user_id),
        retry_schedule_name(user_id),
        resume_schedule_name(user_id),
    ]
    deleted, _ = Schedule.objects.filter(name__in=names).delete()
    return deleted


@transaction.atomic
def sync_schedule_for(user) -> Schedule | None:
    """Bring ``user``'s schedules in step with their credential.

    Returns the sync schedule, or None when the user has none: no credential
    (all their schedules go), or a paused one (the sync schedule and any
    retry go; a throttled user with a stated wait gets a resume schedule).
    Idempotent: calling it again changes nothing.
    """
    credential = WorkFossaCredential.objects.filter(user=user).first()
    if credential is None:
        remove_user_schedules(user.pk)
        return None

    if credential.is_paused:
        Schedule.objects.filter(
            name__in=[sync_schedule_name(user.pk), retry_schedule_name(user.pk)]
        ).delete()
        if credential.throttled_until:
            _upsert_resume_schedule(credential)
        else:
            Schedule.objects.filter(name=resume_schedule_name(user.pk)).delete()
        return None

    Schedule.objects.filter(name=resume_schedule_name(user.pk)).delete()
    return _upsert_sync_schedule(credential)


def _next_local_time(at: datetime.time) -> datetime.datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    now = timezone.now().astimezone(zone)
    candidate = datetime.datetime.combine(now.date(), at, tzinfo=zone)
    if candidate <= now:
        candidate = datetime.datetime.combine(
            now.date() + datetime.timedelta(days=1), at, tzinfo=zone
        )
    return candidate


def ensure_maintenance_schedules() -> None:
    """Create the reaper and the retention schedules when they are missing.

    An existing one keeps its next run, so a restart does not move it.
    """
    reaper = Schedule.objects.filter(name=REAPER_NAME).first()
    _upsert(
        REAPER_NAME,
        func="scraping.tasks.reap_abandoned",
        schedule_type=Schedule.MINUTES,
        minutes=settings.SYNC_REAPER_INTERVAL_MINUTES,
        repeats=-1,
        next_run=reaper.next_run if reaper else timezone.now(),
    )
    retention = Schedule.objects.filter(name=RETENTION_NAME).first()
    _upsert(
        RETENTION_NAME,
        func="scraping.tasks.delete_old_runs",
        schedule_type=Schedule.DAILY,
        repeats=-1,
        next_run=retention.next_run if retention else _next_local_time(RETENTION_TIME),
    )


def sync_all_schedules() -> dict[str, int]:
    """Rebuild every user's schedules and the maintenance schedules.

    Returns counts: ``scheduled`` users, ``paused`` users, and ``removed``
    schedules of users who no longer have a credential.
    """
    counts = {"scheduled": 0, "paused": 0, "removed": 0}
    users = get_user_model().objects.filter(workfossa_credential__isnull=False)
    kept_ids = set()
    for user in users.order_by("pk"):
        kept_ids.add(user.pk)
        if sync_schedule_for(user) is None:
            counts["paused"] += 1
        else:
            counts["scheduled"] += 1

    per_user = Schedule.objects.filter(
        name__regex=rf"^({SYNC_PREFIX}|{RETRY_PREFIX}|{RESUME_PREFIX})\d+$"
    )
    for schedule in per_user:
        user_id = int(schedule.name.rsplit("-", 1)[1])
        if user_id not in kept_ids:
            schedule.delete()
            counts["removed"] += 1

    ensure_maintenance_schedules()
    logger.info(
        "schedules rebuilt: %(scheduled)s users scheduled, %(paused)s paused, "
        "%(removed)s stale schedules removed",
        counts,
    )
    return counts
