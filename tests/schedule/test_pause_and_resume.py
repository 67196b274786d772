"""A refused login pauses the user until new credentials pass the check.

Against the simulator in a real headless browser: the simulator counts
every login attempt, so "nothing logs in again" is checked at WorkFossa's
end, over many schedule slots, "Sync now" and the scrape command.
"""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import CredentialStatus, WorkFossaCredential
from accounts.services import save_credential
from scraping.models import FailureKind, RunStatus, Trigger
from scraping.tasks import queue_sync, scheduled_sync

pytestmark = [pytest.mark.django_db, pytest.mark.browser]

EMAIL = "tech@example.com"
PASSWORD = "right-Pa55word"


@pytest.fixture
def workfossa(simulator, settings):
    settings.WORKFOSSA_BASE_URL = simulator.base_url
    settings.WORKFOSSA_MAX_REQUESTS_PER_SECOND = 100
    settings.SCRAPE_SITE_BROWSERS = 1
    simulator.add_account(EMAIL, PASSWORD, orders=6, sites=2)
    return simulator


def logins(simulator):
    return simulator.stats["logins"].get(EMAIL, {"accepted": 0, "refused": 0})


@pytest.fixture
def wrong_password_saved(owner, workfossa, django_capture_on_commit_callbacks):
    owner.email = "dana@example.com"
    owner.save()
    # Saved unchecked, as `manage.py set_credentials --no-verify` does.
    with django_capture_on_commit_callbacks(execute=True):
        save_credential(owner, EMAIL, "old-Pa55word", verify=False)
    return owner


def test_a_refused_login_pauses_and_nothing_logs_in_again(
    wrong_password_saved,
    workfossa,
    mailoutbox,
    run_due_schedules,
    run_queued_tasks,
):
    owner = wrong_password_saved

    assert scheduled_sync(owner.pk) == RunStatus.FAILED

    credential = WorkFossaCredential.objects.get(user=owner)
    assert credential.status == CredentialStatus.REJECTED
    assert logins(workfossa)["refused"] == 1
    first = owner.scrape_runs.get()
    assert first.failure_kind == FailureKind.LOGIN_REJECTED

    for _slot in range(12):
        run_due_schedules()
        run_queued_tasks()
    sync_now = queue_sync(owner)
    with pytest.raises(CommandError):
        call_command("scrape", owner.username)

    assert logins(workfossa) == {
        "accepted": 0,
        "refused": 1,
        "throttled": 0,
        "two_factor": 0,
    }
    assert not Schedule.objects.filter(name__endswith=f"-user-{owner.pk}").exists()
    skipped = owner.scrape_runs.exclude(pk=first.pk)
    assert {(run.trigger, run.status) for run in skipped} == {
        (Trigger.USER, RunStatus.SKIPPED),
        (Trigger.COMMAND, RunStatus.SKIPPED),
    }
    assert sync_now.status == RunStatus.SKIPPED
    assert "refused the saved password" in sync_now.message
    assert len(mailoutbox) == 1


def test_credentials_that_pass_the_check_resume_the_schedule_and_sync(
    wrong_password_saved,
    workfossa,
    mailoutbox,
    run_queued_tasks,
    django_capture_on_commit_callbacks,
):
    owner = wrong_password_saved
    scheduled_sync(owner.pk)
    assert WorkFossaCredential.objects.get(user=owner).is_paused

    with django_capture_on_commit_callbacks(execute=True):
        credential, check = save_credential(owner, EMAIL, PASSWORD)
    assert check.ok

    assert credential.status == CredentialStatus.VALID
    assert Schedule.objects.filter(name=f"sync-user-{owner.pk}").exists()
    assert run_queued_tasks() == [RunStatus.SUCCEEDED]
    resumed = owner.scrape_runs.latest("queued_at")
    assert (resumed.trigger, resumed.orders_seen) == (Trigger.SCHEDULE, 6)
    assert owner.work_orders.count() == 6
    # The check and the sync logged in; the refused password never again.
    assert logins(workfossa)["refused"] == 1
    assert logins(workfossa)["accepted"] == 2
    assert len(mailoutbox) == 1, "resuming sends no email"


def test_a_throttled_login_pauses_then_resumes_after_the_stated_wait(
    owner,
    workfossa,
    mailoutbox,
    run_due_schedules,
    run_queued_tasks,
    django_capture_on_commit_callbacks,
):
    workfossa.configure(EMAIL, throttle_attempts=1, throttle_window=600.0)
    with django_capture_on_commit_callbacks(execute=True):
        save_credential(owner, EMAIL, PASSWORD, verify=False)
    # Someone mistyped the password on WorkFossa itself: it locks the login.
    from scraping.login_check import check_login

    assert not check_login(EMAIL, "typo").ok

    assert scheduled_sync(owner.pk) == RunStatus.FAILED
    credential = WorkFossaCredential.objects.get(user=owner)
    assert credential.status == CredentialStatus.THROTTLED
    assert credential.throttled_until is not None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("Syncs paused until")
    resume = Schedule.objects.get(name=f"resume-user-{owner.pk}")
    assert resume.next_run > credential.throttled_until

    # The wait is over: WorkFossa lifts the lock, and the clock has passed it.
    workfossa.configure(EMAIL, throttle_attempts=None)
    WorkFossaCredential.objects.filter(user=owner).update(
        throttled_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    run_due_schedules()
    results = run_queued_tasks()

    assert results[-1] == RunStatus.SUCCEEDED
    assert WorkFossaCredential.objects.get(user=owner).status == CredentialStatus.VALID
    assert Schedule.objects.filter(name=f"sync-user-{owner.pk}").exists()
    assert not Schedule.objects.filter(name=f"resume-user-{owner.pk}").exists()
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("knob", ["two_factor", "disabled"])
def test_a_login_that_needs_action_on_workfossa_pauses_the_same_way(
    owner,
    workfossa,
    mailoutbox,
    run_due_schedules,
    run_queued_tasks,
    django_capture_on_commit_callbacks,
    knob,
):
    with django_capture_on_commit_callbacks(execute=True):
        save_credential(owner, EMAIL, PASSWORD, verify=False)
    workfossa.configure(EMAIL, **{knob: True})

    assert scheduled_sync(owner.pk) == RunStatus.FAILED
    for _slot in range(6):
        run_due_schedules()
        run_queued_tasks()
    sync_now = queue_sync(owner)

    credential = WorkFossaCredential.objects.get(user=owner)
    assert credential.status == CredentialStatus.ACTION_NEEDED
    attempts = logins(workfossa)
    assert attempts["refused"] + attempts["two_factor"] == 1
    assert not Schedule.objects.filter(name=f"sync-user-{owner.pk}").exists()
    assert sync_now.status == RunStatus.SKIPPED
    assert len(mailoutbox) == 1
