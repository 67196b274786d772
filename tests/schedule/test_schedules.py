"""One django-q2 schedule per user with a usable credential, kept in step."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import CredentialStatus, WorkFossaCredential
from accounts.services import save_credential
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.schedules import (
    RESUME_PREFIX,
    SYNC_PREFIX,
    slot_offset_minutes,
    sync_schedule_for,
)
from scraping.tasks import resume_sync, scheduled_sync
from tests.schedule.conftest import make_credential

pytestmark = pytest.mark.django_db


def sync_schedule(user):
    return Schedule.objects.filter(name=f"{SYNC_PREFIX}{user.pk}").first()


def test_saving_a_credential_gives_the_user_one_hourly_schedule(owner):
    before = timezone.now()
    make_credential(owner, status=CredentialStatus.UNVERIFIED)

    schedules = Schedule.objects.filter(name__startswith=SYNC_PREFIX)
    assert schedules.count() == 1
    schedule = schedules.get()
    assert schedule.name == f"sync-user-{owner.pk}"
    assert schedule.func == "scraping.tasks.scheduled_sync"
    assert (schedule.schedule_type, schedule.minutes) == (Schedule.MINUTES, 60)
    assert schedule.repeats == -1
    assert before < schedule.next_run <= before + datetime.timedelta(minutes=60)
    assert schedule.next_run.minute == slot_offset_minutes(owner.pk, 60)


def test_users_are_spread_over_the_hour_at_stable_minutes(django_user_model):
    users = [
        django_user_model.objects.create_user(f"tech{n}", password="x")
        for n in range(24)
    ]
    for user in users:
        make_credential(user)
    first = {user.pk: sync_schedule(user).next_run for user in users}

    call_command("sync_schedules", stdout=io.StringIO())

    assert {user.pk: sync_schedule(user).next_run for user in users} == first
    minutes = {run.minute for run in first.values()}
    assert len(minutes) >= 12, f"24 users bunched on minutes {sorted(minutes)}"


def test_changing_the_interval_moves_the_schedule(credential, owner):
    credential.sync_interval_minutes = 30
    credential.save()

    schedule = sync_schedule(owner)
    assert schedule.minutes == 30
    assert schedule.next_run <= timezone.now() + datetime.timedelta(minutes=30)
    assert Schedule.objects.filter(name__startswith=SYNC_PREFIX).count() == 1


def test_deleting_the_credential_removes_the_schedule(credential, owner):
    credential.delete()

    assert sync_schedule(owner) is None


def test_a_refused_credential_has_no_schedule_and_a_new_password_restores_it(
    credential, owner, django_capture_on_commit_callbacks
):
    credential.status = CredentialStatus.REJECTED
    credential.save()
    assert sync_schedule(owner) is None

    with django_capture_on_commit_callbacks(execute=True):
        save_credential(owner, "dana@example.com", "new-Pa55", verify=False)

    assert sync_schedule(owner) is not None
    resumed = ScrapeRun.objects.get(user=owner)
    assert (resumed.status, resumed.trigger) == (RunStatus.QUEUED, Trigger.SCHEDULE)
    assert resumed.task_id


def test_a_throttled_user_resumes_by_itself_after_the_stated_wait(
    credential, owner, django_capture_on_commit_callbacks
):
    wait_over = timezone.now() + datetime.timedelta(minutes=12)
    credential.status = CredentialStatus.THROTTLED
    credential.throttled_until = wait_over
    credential.save()

    assert sync_schedule(owner) is None
    resume = Schedule.objects.get(name__startswith=RESUME_PREFIX)
    assert resume.func == "scraping.tasks.resume_sync"
    assert resume.schedule_type == Schedule.ONCE
    assert wait_over < resume.next_run <= wait_over + datetime.timedelta(minutes=2)

    # Too early: nothing happens.
    assert resume_sync(owner.pk) == "still paused"
    assert not ScrapeRun.objects.exists()

    WorkFossaCredential.objects.filter(pk=credential.pk).update(
        throttled_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert resume_sync(owner.pk) == RunStatus.QUEUED

    assert sync_schedule(owner) is not None
    assert not Schedule.objects.filter(name__startswith=RESUME_PREFIX).exists()
    assert ScrapeRun.objects.get(user=owner).status == RunStatus.QUEUED


def test_sync_schedules_rebuilds_lost_schedules_and_drops_stale_ones(
    credential, owner, django_user_model
):
    paused = django_user_model.objects.create_user("paused", password="x")
    make_credential(paused, status=CredentialStatus.ACTION_NEEDED)
    Schedule.objects.all().delete()
    Schedule.objects.create(name="sync-user-9999", func="scraping.tasks.scheduled_sync")

    out = io.StringIO()
    call_command("sync_schedules", stdout=out)

    names = set(Schedule.objects.values_list("name", flat=True))
    assert names == {f"sync-user-{owner.pk}", "reap-abandoned-runs", "delete-old-runs"}
    assert "1 users scheduled, 1 paused" in out.getvalue()
    assert "1 stale schedules removed" in out.getvalue()


@pytest.mark.parametrize(
    ("start", "end", "local_time", "active"),
    [
        (None, None, "03:00", True),
        ("07:00", "18:00", "06:59", False),
        ("07:00", "18:00", "07:00", True),
        ("07:00", "18:00", "17:59", True),
        ("07:00", "18:00", "18:00", False),
        ("22:00", "06:00", "23:30", True),
        ("22:00", "06:00", "05:59", True),
        ("22:00", "06:00", "12:00", False),
        ("07:00", None, "06:00", False),
        (None, "18:00", "19:00", False),
    ],
)
def test_active_hours_are_read_in_the_users_time_zone(
    owner, start, end, local_time, active
):
    from zoneinfo import ZoneInfo

    from scraping.schedules import in_active_hours

    credential = make_credential(
        owner,
        time_zone="America/Chicago",
        active_hours_start=datetime.time.fromisoformat(start) if start else None,
        active_hours_end=datetime.time.fromisoformat(end) if end else None,
    )
    local = datetime.datetime.combine(
        datetime.date(2026, 3, 3),
        datetime.time.fromisoformat(local_time),
        tzinfo=ZoneInfo("America/Chicago"),
    )

    assert in_active_hours(credential, at=local.astimezone(datetime.UTC)) is active


def test_a_slot_outside_active_hours_creates_no_run(credential, owner):
    now = timezone.localtime(timezone.now(), timezone=datetime.UTC)
    credential.time_zone = "UTC"
    credential.active_hours_start = (now + datetime.timedelta(hours=1)).time()
    credential.active_hours_end = (now + datetime.timedelta(hours=2)).time()
    credential.save()

    assert scheduled_sync(owner.pk) == "outside active hours"
    assert not ScrapeRun.objects.exists()


def test_a_slot_missed_during_downtime_is_not_caught_up_but_recorded(credential, owner):
    missed = timezone.now() - datetime.timedelta(hours=3)

    assert scheduled_sync(owner.pk, slot=missed.isoformat()) == "slot too old"
    [run] = ScrapeRun.objects.all()
    assert (run.status, run.trigger) == (RunStatus.SKIPPED, Trigger.SCHEDULE)
    assert "180 minutes late" in run.message
    assert run.started_at is None


def test_sync_schedule_for_keeps_a_due_slot_the_scheduler_has_not_taken(
    credential, owner
):
    schedule = sync_schedule(owner)
    due = schedule.next_run - datetime.timedelta(minutes=60)
    Schedule.objects.filter(pk=schedule.pk).update(next_run=due)

    sync_schedule_for(owner)

    assert sync_schedule(owner).next_run == due
