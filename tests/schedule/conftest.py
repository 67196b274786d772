"""Fixtures of the schedule tests: credentials, runs, and a stand-in worker.

``run_due_schedules`` and ``run_queued_tasks`` do in the test process what a
``qcluster`` does: the first lets django-q2's own scheduler turn every due
schedule into a queued task, the second takes the queued tasks off the ORM
broker and runs them, in order, as a worker would.
"""

import datetime
import pydoc

import pytest
from django.utils import timezone
from django_q.models import OrmQ, Schedule
from django_q.signing import SignedPackage

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.run_log import send_sync_finished

PASSWORD = "s3cret-Pa55!"


@pytest.fixture(autouse=True)
def schedule_settings(settings):
    settings.OPERATOR_EMAILS = ["ops@example.com"]
    settings.SITE_URL = "https://fossa.example.com"


def make_credential(user, status=CredentialStatus.VALID, **fields):
    credential = WorkFossaCredential(user=user, email=f"{user.username}@example.com")
    credential.set_password(PASSWORD)
    credential.status = status
    for name, value in fields.items():
        setattr(credential, name, value)
    credential.save()
    return credential


@pytest.fixture
def credential(owner):
    owner.email = "dana@example.com"
    owner.save()
    return make_credential(owner)


def finish_run(user, status, kind="", *, minutes_ago=0, message="", signal=True):
    """A finished run of ``user``, as the runner leaves it; sends
    ``sync_finished`` like the runner does unless ``signal`` is False."""
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    run = ScrapeRun.objects.create(
        user=user,
        trigger=Trigger.SCHEDULE,
        status=status,
        failure_kind=kind,
        message=message or (f"{kind} happened" if kind else ""),
        queued_at=at,
        started_at=at,
        finished_at=at + datetime.timedelta(seconds=40),
        duration_seconds=40.0,
    )
    if signal:
        send_sync_finished(run)
    return run


def fail(user, kind="site_unavailable", **kwargs):
    return finish_run(user, RunStatus.FAILED, kind, **kwargs)


def succeed(user, **kwargs):
    return finish_run(user, RunStatus.SUCCEEDED, **kwargs)


def refuse_login(credential, kind="login_rejected", **status):
    """What the runner does on a refused login: the status, then the run."""
    credential.refresh_from_db()
    credential.status = status.pop("status", CredentialStatus.REJECTED)
    credential.throttled_until = status.pop("throttled_until", None)
    credential.last_login_error = "WorkFossa refused the email or password."
    credential.save()
    return fail(credential.user, kind, message=credential.last_login_error)


@pytest.fixture
def run_due_schedules(monkeypatch):
    """Make every schedule due now and let django-q2's scheduler queue them."""
    from django_q import scheduler

    # The scheduler closes "old" connections, which would end the test's
    # transaction.
    monkeypatch.setattr(scheduler, "close_old_django_connections", lambda: None)

    def run():
        Schedule.objects.update(next_run=timezone.now() - datetime.timedelta(seconds=1))
        scheduler.scheduler()

    return run


@pytest.fixture
def run_queued_tasks():
    """Run and remove every task waiting on the ORM broker; returns results."""

    def run(limit=20):
        results = []
        for _ in range(limit):
            item = OrmQ.objects.order_by("id").first()
            if item is None:
                break
            item.delete()
            task = SignedPackage.loads(item.payload)
            func = pydoc.locate(task["func"])
            results.append(func(*task["args"], **task["kwargs"]))
        return results

    return run
