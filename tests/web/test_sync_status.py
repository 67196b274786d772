"""The banners of scraping.status: when each shows, and that it goes away."""

import datetime

import pytest
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import CredentialStatus
from scraping.models import FailureKind, RunStatus
from scraping.status import sync_status_for
from tests.web.conftest import make_credential, make_run

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def codes(user, **kwargs):
    return [banner.code for banner in sync_status_for(user, **kwargs).banners]


def test_a_user_without_a_login_is_asked_to_add_one(owner):
    status = sync_status_for(owner)

    assert [b.code for b in status.banners] == ["setup"]
    assert status.banners[0].action_url == "/account/workfossa/"


@pytest.mark.parametrize(
    "state",
    [
        CredentialStatus.REJECTED,
        CredentialStatus.THROTTLED,
        CredentialStatus.ACTION_NEEDED,
    ],
)
def test_a_refused_login_shows_a_red_banner_about_the_workfossa_login(owner, state):
    make_credential(owner, status=state)
    make_run(owner)

    [banner] = sync_status_for(owner).banners

    assert banner.code == "login"
    assert banner.tone == "danger"
    assert "WorkFossa login" in banner.title
    assert banner.action_url == "/account/workfossa/"


def test_a_locked_login_says_when_the_wait_ends_and_when_it_has(owner):
    credential = make_credential(
        owner,
        status=CredentialStatus.THROTTLED,
        throttled_until=timezone.now() + HOUR,
    )
    [banner] = sync_status_for(owner).banners
    assert "lets it try again after" in banner.message

    credential.throttled_until = timezone.now() - HOUR / 60
    credential.save()

    [banner] = sync_status_for(owner).banners
    assert "wait ended at" in banner.message
    assert "lets it try again after" not in banner.message


def test_the_login_banner_goes_away_once_a_new_password_is_saved(owner):
    credential = make_credential(owner, status=CredentialStatus.REJECTED)
    make_run(owner, status=RunStatus.FAILED, failure_kind=FailureKind.LOGIN_REJECTED)
    assert codes(owner) == ["login"]

    credential.set_password("the-new-one")
    credential.save()

    assert codes(owner) == []


def test_a_failing_sync_shows_kind_since_when_and_next_try(owner):
    make_credential(owner)
    now = timezone.now()
    make_run(owner, queued_at=now - 2.5 * HOUR, finished_at=now - 2.5 * HOUR)
    make_run(
        owner,
        status=RunStatus.FAILED,
        failure_kind=FailureKind.TIMED_OUT,
        queued_at=now - 2 * HOUR,
        finished_at=now - 2 * HOUR,
        message="WorkFossa took too long to answer.",
    )
    make_run(
        owner,
        status=RunStatus.FAILED,
        failure_kind=FailureKind.SITE_UNAVAILABLE,
        queued_at=now - HOUR,
        finished_at=now - HOUR,
        message="WorkFossa could not be reached.",
    )
    # Saving the credential scheduled the regular syncs; the retry is sooner.
    Schedule.objects.filter(name=f"sync-user-{owner.pk}").update(
        next_run=now + 2 * HOUR
    )
    next_run = now + datetime.timedelta(minutes=20)
    Schedule.objects.create(
        name=f"retry-user-{owner.pk}",
        func="scraping.tasks.retry_sync",
        next_run=next_run,
    )

    [banner] = sync_status_for(owner).banners

    assert banner.code == "failing"
    assert banner.tone == "warning"
    assert "WorkFossa unavailable" in banner.title
    first_failure = timezone.localtime(now - 2 * HOUR)
    assert f"Failing since {first_failure:%b} {first_failure.day}" in banner.message
    assert f"{timezone.localtime(next_run):%H:%M}" in banner.message
    assert "could not be reached" in banner.message


def test_the_failing_banner_goes_away_after_a_successful_sync(owner):
    make_credential(owner)
    now = timezone.now()
    make_run(
        owner,
        status=RunStatus.FAILED,
        failure_kind=FailureKind.TIMED_OUT,
        queued_at=now - HOUR,
        finished_at=now - HOUR,
    )
    assert codes(owner) == ["failing"]

    make_run(owner, queued_at=now, finished_at=now)

    assert codes(owner) == []


def test_a_login_failure_is_not_also_reported_as_a_failing_sync(owner):
    make_credential(owner, status=CredentialStatus.REJECTED)
    make_run(owner, status=RunStatus.FAILED, failure_kind=FailureKind.LOGIN_REJECTED)

    assert codes(owner) == ["login"]


def test_data_is_stale_after_three_intervals_without_success(owner):
    make_credential(owner, sync_interval_minutes=60)
    last = make_run(owner, finished_at=timezone.now() - 2 * HOUR)

    assert codes(owner) == []
    assert codes(owner, now=last.finished_at + 3 * HOUR + HOUR / 60) == ["stale"]

    make_run(owner, finished_at=timezone.now() + 3 * HOUR)
    assert codes(owner, now=last.finished_at + 4 * HOUR) == []


def test_a_held_back_mass_removal_shows_until_a_sync_confirms_it(owner, client):
    make_credential(owner)
    now = timezone.now()
    held = make_run(
        owner,
        withheld_removal_ids=["129651", "129652", "129653"],
        queued_at=now - HOUR,
        finished_at=now - HOUR,
    )
    [banner] = sync_status_for(owner).banners
    assert banner.code == "withheld"
    assert banner.title.startswith("3 work orders kept")
    assert banner.action_url == f"/sync/runs/{held.pk}/"
    client.force_login(owner)
    assert "3 work orders kept" in client.get("/").content.decode()

    make_run(owner, removed_ids=["129651", "129652", "129653"])

    assert codes(owner) == []


def test_status_gives_the_last_success_and_the_next_scheduled_sync(owner):
    make_credential(owner)
    before = timezone.now() - HOUR
    success = make_run(owner, queued_at=before, finished_at=before)
    make_run(owner, status=RunStatus.FAILED, failure_kind=FailureKind.TIMED_OUT)
    next_run = timezone.now() + HOUR
    Schedule.objects.update_or_create(
        name=f"sync-user-{owner.pk}",
        defaults={"func": "scraping.tasks.scheduled_sync", "next_run": next_run},
    )
    # Another user's schedule, whose name starts the same, is not this one's.
    Schedule.objects.create(
        name=f"sync-user-{owner.pk}0",
        func="scraping.tasks.scheduled_sync",
        next_run=timezone.now(),
    )

    status = sync_status_for(owner)

    assert status.last_success_at == success.finished_at
    assert status.next_sync_at == next_run


def test_a_queued_or_running_run_is_the_active_one(owner):
    make_credential(owner)
    make_run(owner)
    assert sync_status_for(owner).active_run is None

    running = make_run(owner, status=RunStatus.RUNNING, finished_at=None)

    assert sync_status_for(owner).active_run == running
