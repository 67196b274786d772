"""Failed syncs are retried after 5, 15 and 45 minutes, never past the
next regular run; login failures never are."""

import datetime

import pytest
from django.utils import timezone
from django_q.models import Schedule

from scraping.models import RunStatus
from tests.schedule.conftest import fail, finish_run, refuse_login, succeed

pytestmark = pytest.mark.django_db


def retry(user):
    return Schedule.objects.filter(name=f"retry-user-{user.pk}").first()


def retry_minutes_after(run, user):
    schedule = retry(user)
    if schedule is None:
        return None
    return round((schedule.next_run - run.finished_at).total_seconds() / 60)


@pytest.fixture
def regular_run_in(owner):
    def move(minutes):
        Schedule.objects.filter(name=f"sync-user-{owner.pk}").update(
            next_run=timezone.now() + datetime.timedelta(minutes=minutes)
        )

    return move


def test_failures_in_a_row_are_retried_after_5_15_and_45_minutes(
    credential, owner, regular_run_in
):
    regular_run_in(240)
    delays = []
    for kind in ["site_unavailable", "timed_out", "page_not_as_expected"]:
        run = fail(owner, kind)
        delays.append(retry_minutes_after(run, owner))

    assert delays == [5, 15, 45]
    assert retry(owner).func == "scraping.tasks.retry_sync"
    assert Schedule.objects.filter(name__startswith="retry-user-").count() == 1

    fail(owner, "browser_failure")
    assert retry(owner) is None, "the fourth failure waits for the regular run"


def test_no_retry_comes_at_or_after_the_next_regular_run(
    credential, owner, regular_run_in
):
    regular_run_in(10)
    first = fail(owner, "incomplete_list")
    assert retry_minutes_after(first, owner) == 5

    fail(owner, "incomplete_list")

    assert retry(owner) is None


def test_a_refused_login_is_never_retried(credential, owner, regular_run_in):
    regular_run_in(240)

    fail(owner, minutes_ago=10)
    assert retry(owner) is not None

    refuse_login(credential)

    assert retry(owner) is None
    assert not Schedule.objects.filter(name=f"sync-user-{owner.pk}").exists()


def test_a_success_drops_the_waiting_retry(credential, owner, regular_run_in):
    regular_run_in(240)
    fail(owner)
    assert retry(owner) is not None

    succeed(owner)

    assert retry(owner) is None


def test_skipped_runs_neither_break_nor_extend_a_streak(
    credential, owner, regular_run_in
):
    regular_run_in(240)
    fail(owner, minutes_ago=30)
    finish_run(owner, RunStatus.SKIPPED, message="Another sync is running.")
    finish_run(owner, RunStatus.SKIPPED, message="Another sync is running.")

    second = fail(owner)

    assert retry_minutes_after(second, owner) == 15


def test_a_streak_starts_again_after_a_success(credential, owner, regular_run_in):
    regular_run_in(240)
    fail(owner, minutes_ago=50)
    fail(owner, minutes_ago=40)
    succeed(owner, minutes_ago=20)

    again = fail(owner)

    assert retry_minutes_after(again, owner) == 5
