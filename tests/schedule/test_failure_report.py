"""manage.py scrape_failures: per user, what failed, when, and since when."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import CredentialStatus
from scraping.models import RunStatus, ScrapeRun, Trigger
from tests.schedule.conftest import make_credential

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(minute=0, second=0, microsecond=0)


def add_run(user, status, kind="", *, hours_ago, seconds=30.0):
    at = NOW - datetime.timedelta(hours=hours_ago, minutes=-10)
    return ScrapeRun.objects.create(
        user=user,
        trigger=Trigger.SCHEDULE,
        status=status,
        failure_kind=kind,
        queued_at=at,
        started_at=at,
        finished_at=at + datetime.timedelta(seconds=seconds),
        duration_seconds=seconds,
    )


@pytest.fixture
def history(owner, stranger, django_user_model):
    """dana fails in several ways, sam is paused, lee is fine, kim is quiet."""
    make_credential(owner, time_zone="UTC")
    add_run(owner, RunStatus.SUCCEEDED, hours_ago=30)
    add_run(owner, RunStatus.FAILED, "site_unavailable", hours_ago=5, seconds=12)
    add_run(owner, RunStatus.SKIPPED, hours_ago=4)
    add_run(owner, RunStatus.FAILED, "timed_out", hours_ago=3, seconds=300)
    add_run(owner, RunStatus.FAILED, "site_unavailable", hours_ago=2, seconds=20)
    add_run(owner, RunStatus.ABANDONED, hours_ago=1, seconds=900)

    make_credential(
        stranger,
        status=CredentialStatus.REJECTED,
        last_login_error="WorkFossa refused the email or password.",
        time_zone="UTC",
    )
    add_run(stranger, RunStatus.SUCCEEDED, hours_ago=6)
    add_run(stranger, RunStatus.FAILED, "login_rejected", hours_ago=5, seconds=4)
    add_run(stranger, RunStatus.SKIPPED, hours_ago=4)

    lee = django_user_model.objects.create_user("lee", password="x")
    make_credential(lee, time_zone="UTC")
    add_run(lee, RunStatus.SUCCEEDED, hours_ago=2)

    kim = django_user_model.objects.create_user("kim", password="x")
    make_credential(kim, time_zone="UTC")
    add_run(kim, RunStatus.FAILED, "browser_failure", hours_ago=40)


def report(*args) -> str:
    out = io.StringIO()
    call_command("scrape_failures", *args, stdout=out)
    return out.getvalue()


def hour_of(hours_ago):
    return (NOW - datetime.timedelta(hours=hours_ago, minutes=-10)).hour


def test_the_report_lists_each_users_failures_by_kind_and_hour(history):
    data = json.loads(report("--json"))

    users = {user["username"]: user for user in data["users"]}
    assert list(users) == ["dana", "sam", "lee"], "failing users first, kim is quiet"
    dana = users["dana"]
    assert dana["runs"] == 5
    assert dana["by_status"] == {"failed": 3, "skipped": 1, "abandoned": 1}
    assert dana["failures_by_kind"] == {
        "site_unavailable": 2,
        "timed_out": 1,
        "abandoned": 1,
    }
    assert dana["failure_hours"] == {str(hour_of(h)): 1 for h in (5, 3, 2, 1)}
    assert dana["typical_seconds_to_failure"] == 160.0
    assert dana["failing_in_a_row"] == 4
    assert dana["last_success"].startswith(
        (NOW - datetime.timedelta(hours=30)).date().isoformat()
    )
    assert dana["paused"] is False

    sam = users["sam"]
    assert sam["failures_by_kind"] == {"login_rejected": 1}
    assert sam["paused"] is True
    assert "Refused by WorkFossa" in sam["pause_reason"]
    assert "refused the email or password" in sam["pause_reason"]

    assert users["lee"]["failures_by_kind"] == {}
    assert users["lee"]["failing_in_a_row"] == 0


def test_the_window_is_set_in_hours(history):
    users = {
        u["username"] for u in json.loads(report("--json", "--hours", "48"))["users"]
    }

    assert users == {"dana", "sam", "lee", "kim"}


def test_the_terminal_report_reads_per_user(history):
    text = report("--user", "dana")

    assert "dana: 5 runs (1 abandoned, 3 failed, 1 skipped)" in text
    assert "site_unavailable x2, abandoned x1, timed_out x1" in text
    assert f"{hour_of(5):02d}h x1" in text
    assert "typically after: 160.0 s" in text
    assert "failing in a row: 4 since" in text
    assert "sam" not in text

    paused = report("--user", "sam")
    assert "PAUSED:" in paused
    assert "refused the email or password" in paused


def test_an_unknown_user_is_an_error(history):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        report("--user", "nobody")


def test_removals_held_back_by_the_last_success_are_reported(
    history, django_user_model
):
    lee = django_user_model.objects.get(username="lee")
    held = add_run(lee, RunStatus.SUCCEEDED, hours_ago=1)
    held.withheld_removal_ids = ["129651", "129652", "129653"]
    held.save()

    users = {u["username"]: u for u in json.loads(report("--json"))["users"]}
    text = report("--user", "lee")

    assert users["lee"]["removals_held_back"] == 3
    assert users["dana"]["removals_held_back"] == 0
    assert "HELD BACK:       3 orders no longer listed were kept" in text
    assert "scrape lee --allow-mass-removal" in text
