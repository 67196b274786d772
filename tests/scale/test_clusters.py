"""Several qcluster processes on one PostgreSQL database and one Redis share
the syncs: each schedule slot runs once, each queued sync runs once."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import WorkFossaCredential
from scraping.models import RunStatus, ScrapeRun, Trigger
from scraping.schedules import sync_schedule_for
from scraping.tasks import queue_sync

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.cluster,
    pytest.mark.browser,
]

# A cluster looks at the schedules every 30 seconds from its start.
SCHEDULER_PERIOD_S = 30


def user_with_account(simulator, index, orders=5):
    email = f"tech{index}@example.com"
    account = simulator.add_account(email, "secret", orders=orders, sites=3)
    user = get_user_model().objects.create_user(f"tech{index}")
    credential = WorkFossaCredential(user=user, email=email)
    credential.set_password("secret")
    credential.save()
    return user, account


def wait_for(condition, seconds, clusters):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert clusters.all_running(), clusters.log(0) + clusters.log(1)
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(
        f"not done within {seconds} s:\n{clusters.log(0)[-3000:]}\n"
        f"{clusters.log(1)[-3000:]}"
    )


def test_a_due_schedule_runs_once_with_two_clusters(clusters, simulator):
    user, _ = user_with_account(simulator, 1)
    schedule = sync_schedule_for(user)
    clusters.start(2)
    started = time.monotonic()
    Schedule.objects.filter(pk=schedule.pk).update(
        next_run=timezone.now() - datetime.timedelta(seconds=1)
    )

    # Both clusters' schedulers must have looked at the due schedule.
    wait_for(
        lambda: (
            time.monotonic() - started > SCHEDULER_PERIOD_S + 5
            and ScrapeRun.objects.filter(user=user, status=RunStatus.SUCCEEDED).exists()
        ),
        SCHEDULER_PERIOD_S + 60,
        clusters,
    )

    runs = ScrapeRun.objects.filter(user=user)
    assert [(run.trigger, run.status) for run in runs] == [
        (Trigger.SCHEDULE, RunStatus.SUCCEEDED)
    ]
    assert simulator.stats["logins"]["tech1@example.com"]["accepted"] == 1
    schedule.refresh_from_db()
    assert schedule.next_run > timezone.now()


def test_twenty_users_synced_by_two_clusters_each_once_and_right(clusters, simulator):
    people = [user_with_account(simulator, index) for index in range(20)]
    clusters.start(2)

    runs = [queue_sync(user, Trigger.USER) for user, _ in people]
    wait_for(
        lambda: (
            not ScrapeRun.objects.filter(
                status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
            ).exists()
        ),
        240,
        clusters,
    )

    assert ScrapeRun.objects.count() == 20
    outcomes = {
        run.pk: (run.status, run.failure_kind, run.message)
        for run in ScrapeRun.objects.all()
    }
    assert {run.pk for run in runs} == set(outcomes)
    assert all(status == RunStatus.SUCCEEDED for status, *_ in outcomes.values()), (
        outcomes
    )
    logins = simulator.stats["logins"]
    for user, account in people:
        assert logins[account.email]["accepted"] == 1
        stored = {
            order.external_id: order.dispensers.count()
            for order in user.work_orders.all()
        }
        expected = {
            order["id"]: len(order["dispensers"]) for order in account.open_orders()
        }
        assert stored == expected

    processed = [clusters.log(index).count("Processed") for index in (0, 1)]
    assert all(count > 0 for count in processed), processed
