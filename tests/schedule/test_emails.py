"""Each email is sent once: per pause, per failure streak, per recovery."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import CredentialStatus, WorkFossaCredential
from accounts.services import save_credential
from scraping.models import RunStatus
from scraping.tasks import queue_sync, scheduled_sync
from tests.schedule.conftest import fail, refuse_login, succeed

pytestmark = pytest.mark.django_db


def test_three_failures_in_a_row_send_one_email_to_user_and_operators(
    credential, owner, mailoutbox
):
    fail(owner, "site_unavailable", minutes_ago=90)
    fail(owner, "site_unavailable", minutes_ago=60)
    assert mailoutbox == []

    fail(owner, "timed_out", minutes_ago=30)
    fail(owner, "timed_out")
    fail(owner, "site_unavailable")

    assert len(mailoutbox) == 1
    alert = mailoutbox[0]
    assert alert.to == ["dana@example.com"]
    assert alert.cc == ["ops@example.com"]
    assert "failing since" in alert.subject.lower()
    assert "WorkFossa unavailable" in alert.subject
    assert "The last 3 syncs" in alert.body
    assert "WorkFossa unavailable: 2 times" in alert.body
    assert "Timed out: 1 time" in alert.body
    first_failure = timezone.localtime(timezone.now() - datetime.timedelta(minutes=90))
    assert f"{first_failure:%H:%M}" in alert.body


def test_a_success_after_the_alert_sends_one_recovery_email(
    credential, owner, mailoutbox
):
    for minutes_ago in (90, 60, 30):
        fail(owner, minutes_ago=minutes_ago)

    succeed(owner)
    succeed(owner)

    assert [m.subject for m in mailoutbox][1:] == ["Syncs work again for dana"]
    recovery = mailoutbox[1]
    assert recovery.cc == ["ops@example.com"]
    assert "had been failing since" in recovery.body

    for _ in range(3):
        fail(owner)
    assert len(mailoutbox) == 3, "a new streak alerts again"


def test_a_short_streak_sends_nothing(credential, owner, mailoutbox):
    fail(owner, minutes_ago=20)
    fail(owner, minutes_ago=10)
    succeed(owner)

    assert mailoutbox == []


def test_a_refused_login_sends_one_email_however_many_slots_are_skipped(
    credential, owner, mailoutbox
):
    refuse_login(credential)
    for _ in range(4):
        scheduled_sync(owner.pk)
        queue_sync(owner)

    assert len(mailoutbox) == 1
    notice = mailoutbox[0]
    assert notice.to == ["dana@example.com"]
    assert notice.cc == []
    assert notice.subject == "Syncs paused: Login refused"
    assert "WorkFossa refused the email or password." in notice.body
    assert "https://fossa.example.com/" in notice.body
    skipped = owner.scrape_runs.filter(status=RunStatus.SKIPPED)
    assert skipped.count() == 8
    assert all("refused" in run.message for run in skipped)


def test_a_new_pause_after_new_credentials_sends_a_new_email(
    credential, owner, mailoutbox, django_capture_on_commit_callbacks
):
    refuse_login(credential)
    with django_capture_on_commit_callbacks(execute=True):
        save_credential(owner, "dana@example.com", "still-wrong", verify=False)

    refuse_login(credential)

    assert len(mailoutbox) == 2


def test_a_throttled_login_email_says_when_syncs_resume(
    credential, owner, mailoutbox, settings
):
    settings.TIME_ZONE = "UTC"
    WorkFossaCredential.objects.filter(pk=credential.pk).update(time_zone="UTC")
    until = timezone.now() + datetime.timedelta(minutes=14)

    refuse_login(
        credential,
        "login_throttled",
        status=CredentialStatus.THROTTLED,
        throttled_until=until,
    )

    (notice,) = mailoutbox
    assert notice.subject.startswith(f"Syncs paused until {until:%b %-d, %H:%M}")
    assert "start again by themselves" in notice.body
