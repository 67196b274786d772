"""sync_user: the run sequence, with WorkFossa played by hand-built records."""

import datetime
import json
import logging

import pytest
from django.db import DatabaseError
from django.utils import timezone

from accounts.models import CredentialStatus
from scraping import errors
from scraping.models import FailureKind, RunStatus, ScrapeRun, Trigger
from scraping.runner import sync_user
from scraping.signals import sync_finished
from tests.sync.records import scraped_order, site
from workorders.export import order_as_dict, orders_for_export

pytestmark = pytest.mark.django_db

PASSWORD = "s3cret-Pa55!"


def exported(user) -> str:
    return json.dumps([order_as_dict(o) for o in orders_for_export(user)])


@pytest.fixture
def workfossa(fake_workfossa):
    fake_workfossa.orders = [
        scraped_order(1, site_id="10"),
        scraped_order(2, site_id="10"),
        scraped_order(3, site_id="20"),
    ]
    fake_workfossa.equipment = {"10": site("10", 2), "20": site("20", 1)}
    return fake_workfossa


@pytest.fixture
def finished_runs():
    runs = []

    def receiver(sender, run, **kwargs):
        runs.append((run.pk, run.status))

    sync_finished.connect(receiver)
    yield runs
    sync_finished.disconnect(receiver)


def test_successful_run_records_its_counts_ids_and_steps(
    owner, credential, workfossa, finished_runs
):
    run = sync_user(owner, Trigger.COMMAND)

    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert (run.orders_seen, run.orders_created, run.sites_read) == (3, 3, 2)
    assert run.created_ids == ["1", "2", "3"]
    assert run.dispensers_written == 5
    assert run.pages_loaded == 5
    assert run.duration_seconds is not None
    steps = [entry["step"] for entry in run.step_log]
    assert steps[0] == "login" and "work_list" in steps and steps[-1] == "save"
    assert all(entry["seconds"] is not None for entry in run.step_log)
    assert run.current_step == ""
    assert finished_runs == [(run.pk, RunStatus.SUCCEEDED)]


def test_accepted_login_marks_the_credential_valid(owner, credential, workfossa):
    credential.status = CredentialStatus.UNVERIFIED
    credential.save()

    sync_user(owner)

    credential.refresh_from_db()
    assert credential.status == CredentialStatus.VALID
    assert credential.last_verified_at is not None


def test_given_queued_run_is_the_one_carried_out(owner, credential, workfossa):
    queued = ScrapeRun.objects.create(user=owner, trigger=Trigger.USER)

    run = sync_user(owner, run=queued)

    assert run.pk == queued.pk
    assert ScrapeRun.objects.get().status == RunStatus.SUCCEEDED


def test_second_unchanged_run_reads_no_site(owner, credential, workfossa):
    sync_user(owner)
    workfossa.sites_requested.clear()

    run = sync_user(owner)

    assert workfossa.sites_requested == []
    assert (run.orders_unchanged, run.orders_created, run.orders_updated) == (3, 0, 0)


@pytest.mark.parametrize(
    ("stage", "failure", "kind"),
    [
        ("login", errors.LoginRejected(), FailureKind.LOGIN_REJECTED),
        ("login", errors.LoginThrottled(retry_after_seconds=600), "login_throttled"),
        ("login", errors.ActionNeeded(), FailureKind.ACTION_NEEDED),
        ("login", errors.SiteUnavailable(), FailureKind.SITE_UNAVAILABLE),
        ("work_list", errors.IncompleteList(), FailureKind.INCOMPLETE_LIST),
        ("work_list", errors.PageNotAsExpected(), FailureKind.PAGE_NOT_AS_EXPECTED),
        ("work_list", errors.TimedOut(), FailureKind.TIMED_OUT),
        ("equipment", errors.BrowserFailure(), FailureKind.BROWSER_FAILURE),
        ("equipment", RuntimeError("boom"), FailureKind.INTERNAL_ERROR),
    ],
)
def test_failed_run_changes_no_work_order(
    owner, credential, workfossa, stage, failure, kind, finished_runs
):
    sync_user(owner)
    before = exported(owner)
    workfossa.orders = [scraped_order(1, status="On Hold"), scraped_order(9)]
    workfossa.equipment = {"4821": site("4821", 4)}
    workfossa.failures[stage] = failure

    run = sync_user(owner)

    run.refresh_from_db()
    assert (run.status, run.failure_kind) == (RunStatus.FAILED, kind)
    assert run.message
    assert exported(owner) == before
    assert finished_runs[-1] == (run.pk, RunStatus.FAILED)


def test_database_error_while_saving_is_its_own_kind(
    owner, credential, workfossa, monkeypatch
):
    sync_user(owner)
    before = exported(owner)
    workfossa.orders = workfossa.orders[:1]

    def refuse(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr("scraping.sync._replace_dispensers", refuse)
    workfossa.orders.append(scraped_order(50, site_id="50"))
    workfossa.equipment["50"] = site("50")

    run = sync_user(owner)

    assert run.failure_kind == FailureKind.DATABASE_ERROR
    assert exported(owner) == before


def test_failure_keeps_a_screenshot_and_the_page_without_the_password(
    owner, credential, workfossa
):
    workfossa.failures["work_list"] = errors.PageNotAsExpected()

    run = sync_user(owner)

    run.refresh_from_db()
    assert run.screenshot.read() == b"\x89PNG fake"
    page = run.page_html.read().decode()
    assert "password" in page and PASSWORD not in page
    assert PASSWORD not in run.message


@pytest.mark.parametrize(
    ("failure", "status"),
    [
        (errors.LoginRejected(), CredentialStatus.REJECTED),
        (errors.ActionNeeded(), CredentialStatus.ACTION_NEEDED),
    ],
)
def test_refused_login_pauses_the_credential(
    owner, credential, workfossa, failure, status
):
    workfossa.failures["login"] = failure

    sync_user(owner)

    credential.refresh_from_db()
    assert credential.status == status
    assert credential.last_login_error == failure.message
    assert credential.is_paused


def test_throttled_login_pauses_until_the_wait_is_over(owner, credential, workfossa):
    workfossa.failures["login"] = errors.LoginThrottled(retry_after_seconds=812)

    sync_user(owner)

    credential.refresh_from_db()
    assert credential.status == CredentialStatus.THROTTLED
    wait = credential.throttled_until - timezone.now()
    assert datetime.timedelta(seconds=800) < wait <= datetime.timedelta(seconds=812)


def test_paused_credential_is_skipped_without_a_login(
    owner, credential, workfossa, finished_runs
):
    workfossa.failures["login"] = errors.LoginRejected()
    sync_user(owner)
    assert workfossa.logins == 1

    run = sync_user(owner)

    assert run.status == RunStatus.SKIPPED
    assert "refused the saved password" in run.message
    assert workfossa.logins == 1
    assert finished_runs[-1] == (run.pk, RunStatus.SKIPPED)


def test_user_without_a_credential_is_skipped(owner, workfossa):
    run = sync_user(owner)

    assert run.status == RunStatus.SKIPPED
    assert "No WorkFossa login saved" in run.message
    assert workfossa.logins == 0


def test_second_run_while_one_is_running_is_skipped(owner, credential, workfossa):
    ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.SCHEDULE,
        status=RunStatus.RUNNING,
        started_at=timezone.now(),
    )

    run = sync_user(owner)

    assert run.status == RunStatus.SKIPPED
    assert run.message == "Another sync of this account is running."
    assert workfossa.logins == 0


def test_run_left_running_past_the_time_out_is_abandoned(
    owner, credential, workfossa, settings
):
    settings.SYNC_TIMEOUT_SECONDS = 900
    stuck = ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.SCHEDULE,
        status=RunStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(seconds=901),
    )

    run = sync_user(owner)

    stuck.refresh_from_db()
    assert stuck.status == RunStatus.ABANDONED
    assert stuck.message
    assert run.status == RunStatus.SUCCEEDED


def test_every_log_line_of_a_run_carries_its_id_and_no_password(
    owner, credential, workfossa, caplog
):
    workfossa.failures["equipment"] = RuntimeError(f"page said {PASSWORD}")
    caplog.set_level(logging.DEBUG)

    run = sync_user(owner)

    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) > 3
    assert all(line.startswith(f"run={run.pk} ") for line in lines), lines
    assert not any(PASSWORD in line for line in lines)
    assert PASSWORD not in caplog.text
