"""A WorkFossa that is too slow, too strict or gone fails the sync plainly,
with its own kind, and leaves the stored orders exactly as they were."""

import socket

import pytest

from scraping.models import FailureKind, RunStatus, ScrapeRun, Trigger
from scraping.runner import sync_user
from scraping.sync import apply_scrape
from tests.live_account import EMAIL, SIM_PASSWORD
from tests.sync.records import scraped_order, site
from tests.sync.truth import export_json

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


@pytest.fixture
def stored_before(owner, sim_credential):
    """Orders stored by an earlier sync; returns their export."""
    orders = [scraped_order(i, site_id=str(i)) for i in (1, 2)]
    equipment = {str(i): site(str(i), i) for i in (1, 2)}
    baseline = ScrapeRun.objects.create(user=owner, trigger=Trigger.COMMAND)
    apply_scrape(owner, orders, equipment, run=baseline)
    return export_json(owner.username)


def test_a_rate_limited_sync_fails_as_site_unavailable(simulator, owner, stored_before):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=4, sites=2)
    simulator.configure(EMAIL, rate_limit=(2, 600.0))

    run = sync_user(owner)

    assert (run.status, run.failure_kind) == (
        RunStatus.FAILED,
        FailureKind.SITE_UNAVAILABLE,
    ), run.message
    assert export_json(owner.username) == stored_before


def test_a_site_slower_than_the_time_out_fails_as_timed_out(
    simulator, owner, stored_before, settings
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=4, sites=2)
    simulator.configure(latency=(3.0, 3.0))
    settings.SCRAPE_PAGE_TIMEOUT = 1

    run = sync_user(owner)

    assert (run.status, run.failure_kind) == (
        RunStatus.FAILED,
        FailureKind.TIMED_OUT,
    ), run.message
    assert "too long" in run.message
    assert export_json(owner.username) == stored_before


def test_an_unreachable_site_fails_as_site_unavailable(owner, stored_before, settings):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    settings.WORKFOSSA_BASE_URL = f"http://127.0.0.1:{port}"

    run = sync_user(owner)

    assert (run.status, run.failure_kind) == (
        RunStatus.FAILED,
        FailureKind.SITE_UNAVAILABLE,
    ), run.message
    assert export_json(owner.username) == stored_before
