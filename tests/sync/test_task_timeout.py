"""A sync that the task queue stops at its time-out, against the simulator."""

import pytest
from django_q.timeout import TimeoutHandler

from scraping.models import FailureKind, RunStatus, ScrapeRun
from scraping.runner import sync_user
from tests.live_account import EMAIL, SIM_PASSWORD
from tests.sync.truth import export_json

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def test_sync_stopped_at_the_time_out_is_recorded_and_closes_its_browser(
    simulator, owner, sim_credential, started_browsers
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=30, sites=8)
    # Slow enough that the sync is still reading sites when it is stopped.
    simulator.configure(latency=0.4, loader_delay=0.5)
    before = export_json(owner.username)

    # The task queue's own time-out: SIGALRM raising inside the task.
    with pytest.raises(SystemExit), TimeoutHandler(4):
        sync_user(owner)

    run = ScrapeRun.objects.get(user=owner)
    assert (run.status, run.failure_kind) == (RunStatus.FAILED, FailureKind.TIMED_OUT)
    assert "time limit" in run.message
    assert run.finished_at is not None
    assert export_json(owner.username) == before
    assert started_browsers
    for driver in started_browsers:
        assert driver.service.process.poll() is not None
