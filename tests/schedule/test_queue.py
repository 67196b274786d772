"""Sync now: one run at a time per user, never run twice by the queue."""

import datetime

import pytest
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ

from accounts.models import CredentialStatus
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.runner import ALREADY_RUNNING_MESSAGE
from scraping.tasks import queue_sync, reap_abandoned, run_queued_sync, scheduled_sync

pytestmark = pytest.mark.django_db


def test_sync_now_queues_one_run_and_one_task(credential, owner):
    run = queue_sync(owner)

    assert (run.status, run.trigger) == (RunStatus.QUEUED, Trigger.USER)
    assert OrmQ.objects.count() == 1
    assert run.task_id


def test_sync_now_twice_returns_the_run_already_queued(credential, owner):
    first = queue_sync(owner)
    second = queue_sync(owner)

    assert second.pk == first.pk
    assert ScrapeRun.objects.count() == 1
    assert OrmQ.objects.count() == 1


def test_sync_now_while_a_sync_runs_returns_the_running_one(credential, owner):
    running = ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.SCHEDULE,
        status=RunStatus.RUNNING,
        started_at=timezone.now(),
    )

    assert queue_sync(owner).pk == running.pk
    assert not OrmQ.objects.exists()


def test_a_queued_run_the_queue_lost_does_not_block_sync_now(credential, owner):
    lost = ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.USER,
        queued_at=timezone.now() - datetime.timedelta(hours=2),
    )

    run = queue_sync(owner)

    assert run.pk != lost.pk
    lost.refresh_from_db()
    assert lost.status == RunStatus.SKIPPED
    assert "never started" in lost.message


def test_a_task_delivered_twice_does_not_run_the_sync_again(credential, owner):
    run = queue_sync(owner)
    ScrapeRun.objects.filter(pk=run.pk).update(
        status=RunStatus.SUCCEEDED, finished_at=timezone.now()
    )

    assert run_queued_sync(run.pk) == "not queued"
    assert ScrapeRun.objects.get().status == RunStatus.SUCCEEDED


def test_sync_now_of_a_paused_user_is_recorded_skipped_with_the_reason(
    owner, credential
):
    credential.status = CredentialStatus.REJECTED
    credential.save()

    run = queue_sync(owner)

    assert run.status == RunStatus.SKIPPED
    assert "refused" in run.message
    assert not OrmQ.objects.exists()


def test_a_scheduled_sync_that_finds_another_running_is_recorded_skipped(
    credential, owner
):
    running = ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.USER,
        status=RunStatus.RUNNING,
        started_at=timezone.now(),
    )

    assert scheduled_sync(owner.pk) == RunStatus.SKIPPED

    skipped = ScrapeRun.objects.exclude(pk=running.pk).get()
    assert skipped.trigger == Trigger.SCHEDULE
    assert skipped.message == ALREADY_RUNNING_MESSAGE
    running.refresh_from_db()
    assert running.status == RunStatus.RUNNING


def test_the_reaper_task_marks_a_crashed_run_abandoned_and_retries(
    credential, owner, settings
):
    started = timezone.now() - datetime.timedelta(
        seconds=settings.SYNC_TIMEOUT_SECONDS + 60
    )
    crashed = ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.SCHEDULE,
        status=RunStatus.RUNNING,
        queued_at=started,
        started_at=started,
    )
    # The next regular run is far enough away for the first retry.
    from django_q.models import Schedule

    Schedule.objects.filter(name=f"sync-user-{owner.pk}").update(
        next_run=timezone.now() + datetime.timedelta(minutes=50)
    )

    assert reap_abandoned() == 1

    crashed.refresh_from_db()
    assert crashed.status == RunStatus.ABANDONED
    retry = Schedule.objects.get(name=f"retry-user-{owner.pk}")
    assert retry.func == "scraping.tasks.retry_sync"


def test_the_queue_is_set_up_for_long_browser_jobs():
    # A running sync is stopped before the queue would hand it out again.
    assert Conf.TIMEOUT < Conf.RETRY
    # A failed sync is retried by the app as a new run, not redelivered.
    assert Conf.MAX_ATTEMPTS == 1
    # After downtime a schedule runs once, not once per missed slot.
    assert Conf.CATCH_UP is False
    # The task history stays bounded.
    assert 0 < Conf.SAVE_LIMIT <= 1000
