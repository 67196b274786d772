"""Two workers racing for one user's sync, on PostgreSQL: one sync runs."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from accounts.models import WorkFossaCredential
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.runner import ALREADY_RUNNING_MESSAGE
from scraping.tasks import run_queued_sync

pytestmark = [pytest.mark.postgres, pytest.mark.browser]


def in_parallel(*calls):
    """Run each call in its own thread (its own database connection) at once."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def worker(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # reported below, with the test's failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


@pytest.fixture
def user_with_login(transactional_db, owner, simulator, settings):
    simulator.add_account("dana@example.com", "secret", orders=6, sites=3)
    settings.WORKFOSSA_BASE_URL = simulator.base_url
    settings.SCRAPE_SITE_BROWSERS = 1
    credential = WorkFossaCredential(user=owner, email="dana@example.com")
    credential.set_password("secret")
    credential.save()
    return owner


def test_two_workers_starting_one_users_syncs_at_once_run_only_one(
    user_with_login, simulator
):
    scheduled = ScrapeRun.objects.create(user=user_with_login, trigger=Trigger.SCHEDULE)
    clicked = ScrapeRun.objects.create(user=user_with_login, trigger=Trigger.USER)

    in_parallel(
        lambda: run_queued_sync(scheduled.pk), lambda: run_queued_sync(clicked.pk)
    )

    runs = ScrapeRun.objects.filter(user=user_with_login)
    assert sorted(runs.values_list("status", flat=True)) == [
        RunStatus.SKIPPED,
        RunStatus.SUCCEEDED,
    ]
    assert runs.get(status=RunStatus.SKIPPED).message == ALREADY_RUNNING_MESSAGE
    logins = simulator.stats["logins"]["dana@example.com"]
    assert logins["accepted"] == 1
    assert user_with_login.work_orders.count() == 6


def test_the_database_refuses_a_second_running_sync_of_one_user(user_with_login):
    ScrapeRun.objects.create(
        user=user_with_login, trigger=Trigger.USER, status=RunStatus.RUNNING
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        ScrapeRun.objects.create(
            user=user_with_login, trigger=Trigger.SCHEDULE, status=RunStatus.RUNNING
        )
