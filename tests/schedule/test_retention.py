"""Old runs go daily; each user keeps their last 50 and an ongoing streak."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django_q.models import Schedule

from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.schedules import ensure_maintenance_schedules
from scraping.tasks import delete_old_runs

pytestmark = pytest.mark.django_db


def add_runs(user, count, *, days_ago, status=RunStatus.SUCCEEDED, kind=""):
    """``count`` runs an hour apart, the newest ``days_ago`` days ago."""
    newest = timezone.now() - datetime.timedelta(days=days_ago)
    runs = [
        ScrapeRun(
            user=user,
            trigger=Trigger.SCHEDULE,
            status=status,
            failure_kind=kind,
            queued_at=newest - datetime.timedelta(hours=n),
            finished_at=newest - datetime.timedelta(hours=n),
        )
        for n in range(count)
    ]
    return ScrapeRun.objects.bulk_create(runs)


def test_runs_older_than_90_days_go_but_the_last_50_stay(owner, stranger):
    add_runs(owner, 30, days_ago=100)
    add_runs(owner, 10, days_ago=1)
    add_runs(stranger, 70, days_ago=95)
    add_runs(stranger, 5, days_ago=89)

    deleted = delete_old_runs()

    assert deleted == 25
    assert owner.scrape_runs.count() == 40, "30 old runs are within the last 50"
    assert stranger.scrape_runs.count() == 50
    newest_kept = stranger.scrape_runs.order_by("queued_at").first()
    assert set(stranger.scrape_runs.values_list("pk", flat=True)) == set(
        stranger.scrape_runs.filter(queued_at__gte=newest_kept.queued_at).values_list(
            "pk", flat=True
        )
    )


def test_an_ongoing_failure_streak_is_kept_whatever_its_age(owner):
    add_runs(owner, 60, days_ago=200)
    streak = add_runs(owner, 70, days_ago=91, status=RunStatus.FAILED, kind="timed_out")
    skipped_in_streak = add_runs(owner, 3, days_ago=92, status=RunStatus.SKIPPED)
    recent = add_runs(owner, 5, days_ago=0, status=RunStatus.FAILED, kind="timed_out")

    assert delete_old_runs() == 60

    kept = set(owner.scrape_runs.values_list("pk", flat=True))
    assert kept == {run.pk for run in streak + skipped_in_streak + recent}


def test_a_deleted_run_takes_its_screenshot_and_page_with_it(
    owner, django_capture_on_commit_callbacks
):
    (old,) = add_runs(owner, 1, days_ago=120, status=RunStatus.FAILED, kind="x")
    add_runs(owner, 50, days_ago=1)
    old.screenshot.save("run-old.png", ContentFile(b"png"), save=False)
    old.page_html.save("run-old.html", ContentFile(b"<html>"), save=False)
    old.save()
    files = [old.screenshot.name, old.page_html.name]
    assert all(default_storage.exists(name) for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        assert delete_old_runs() == 1

    assert not ScrapeRun.objects.filter(pk=old.pk).exists()
    assert not any(default_storage.exists(name) for name in files)


def test_unfinished_runs_are_never_deleted(owner):
    add_runs(owner, 60, days_ago=1)
    (stuck,) = add_runs(owner, 1, days_ago=100, status=RunStatus.QUEUED)

    delete_old_runs()

    assert ScrapeRun.objects.filter(pk=stuck.pk).exists()


def test_the_clean_up_runs_on_a_daily_schedule():
    ensure_maintenance_schedules()

    retention = Schedule.objects.get(name="delete-old-runs")
    assert retention.func == "scraping.tasks.delete_old_runs"
    assert retention.schedule_type == Schedule.DAILY
    assert retention.next_run <= timezone.now() + datetime.timedelta(days=1)
    reaper = Schedule.objects.get(name="reap-abandoned-runs")
    assert reaper.func == "scraping.tasks.reap_abandoned"
    assert (reaper.schedule_type, reaper.minutes) == (Schedule.MINUTES, 5)
