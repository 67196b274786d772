"""Whole syncs against the simulator, in a real headless browser."""

import datetime

import pytest
from django.utils import timezone

from scraping.login_check import check_login
from scraping.models import FailureKind, RunStatus, ScrapeRun, Trigger
from scraping.runner import sync_user
from scraping.sync import apply_scrape
from tests.live_account import EMAIL, SIM_PASSWORD
from tests.sync.records import scraped_order, site
from tests.sync.truth import expected_orders, export_json, exported_orders
from workorders.models import WorkOrder

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def site_pages(simulator) -> int:
    pages = simulator.stats["requests_by_page"]
    return pages.get("location", 0) + pages.get("equipment", 0)


def test_first_sync_stores_every_page_of_orders_with_their_dispensers(
    simulator, owner, sim_credential, settings
):
    settings.SCRAPE_SITE_BROWSERS = 2
    account = simulator.add_account(EMAIL, SIM_PASSWORD, orders=130, sites=6)

    run = sync_user(owner, Trigger.COMMAND)

    assert run.status == RunStatus.SUCCEEDED, run.message
    assert exported_orders(owner.username) == expected_orders(account)
    assert run.orders_created == 130
    assert simulator.stats["requests_by_page"]["work_list"] == 2


def test_later_syncs_apply_upstream_changes_and_touch_nothing_else(
    simulator, owner, sim_credential
):
    account = simulator.add_account(EMAIL, SIM_PASSWORD, orders=14, sites=6)
    assert sync_user(owner).status == RunStatus.SUCCEEDED
    before = {o.external_id: o for o in WorkOrder.objects.all()}
    exported_before = exported_orders(owner.username)

    completed = account.complete_orders(3)
    added = account.add_orders(2)
    account.change_dispensers(count=2)
    run = sync_user(owner)

    assert run.status == RunStatus.SUCCEEDED, run.message
    assert sorted(run.removed_ids) == sorted(completed)
    assert sorted(run.created_ids) == sorted(added)
    assert run.updated_ids == []
    assert not WorkOrder.objects.filter(external_id__in=completed).exists()
    truth = expected_orders(account)
    exported = exported_orders(owner.username)
    for external_id in added:
        assert exported[external_id] == truth[external_id]
    read_again = {truth[i]["site_id"] for i in added}
    for external_id, order in before.items():
        if external_id in completed:
            continue
        row = WorkOrder.objects.get(external_id=external_id)
        assert (row.pk, row.last_changed_at) == (order.pk, order.last_changed_at)
        if order.site_id not in read_again:
            # Equipment changed upstream is not read again before it is due.
            assert exported[external_id] == exported_before[external_id]

    # Once the equipment is due, every order matches its site exactly.
    WorkOrder.objects.update(
        equipment_read_at=timezone.now() - datetime.timedelta(days=2)
    )
    assert sync_user(owner).status == RunStatus.SUCCEEDED
    assert exported_orders(owner.username) == truth

    # And an hourly sync of the unchanged account loads no site page.
    simulator.reset_stats()
    run = sync_user(owner)
    assert run.status == RunStatus.SUCCEEDED
    assert (run.orders_unchanged, run.sites_read) == (13, 0)
    assert site_pages(simulator) == 0
    assert simulator.stats["requests_by_page"]["work_list"] == 1


def refuse_once(simulator):
    check_login(EMAIL, "not-the-password", base_url=simulator.base_url)


FAILURES = {
    "rejected": ({"reject_password": True}, FailureKind.LOGIN_REJECTED),
    "throttled": ({"throttle_attempts": 1}, FailureKind.LOGIN_THROTTLED),
    "disabled": ({"disabled": True}, FailureKind.ACTION_NEEDED),
    "two-step": ({"two_factor": True}, FailureKind.ACTION_NEEDED),
    "maintenance": ({"maintenance": True}, FailureKind.SITE_UNAVAILABLE),
    "server error": ({"error_rate": 1.0}, FailureKind.SITE_UNAVAILABLE),
    "changed list": ({"changed_markup": "worklist"}, FailureKind.PAGE_NOT_AS_EXPECTED),
    "changed equipment": (
        {"changed_markup": "equipment"},
        FailureKind.PAGE_NOT_AS_EXPECTED,
    ),
    "session lost": ({"session_max_requests": 1}, FailureKind.SITE_UNAVAILABLE),
}


@pytest.mark.parametrize("case", FAILURES)
def test_failed_sync_leaves_the_data_exactly_as_before(
    simulator, owner, sim_credential, case
):
    # Stored orders the simulator does not list: a run that got through
    # would remove them and add all of the simulator's orders.
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=4, sites=2)
    orders = [scraped_order(i, site_id=str(i)) for i in (1, 2, 3)]
    equipment = {str(i): site(str(i), i) for i in (1, 2, 3)}
    baseline = ScrapeRun.objects.create(user=owner, trigger=Trigger.COMMAND)
    apply_scrape(owner, orders, equipment, run=baseline)
    before = export_json(owner.username)
    knobs, kind = FAILURES[case]
    simulator.configure(EMAIL, **knobs)
    if case == "throttled":
        refuse_once(simulator)

    run = sync_user(owner)

    assert (run.status, run.failure_kind) == (RunStatus.FAILED, kind), run.message
    assert export_json(owner.username) == before
    assert run.message
    run.refresh_from_db()
    if run.page_html:
        assert SIM_PASSWORD not in run.page_html.read().decode()


def test_session_lost_mid_run_logs_in_again_and_finishes(
    simulator, owner, sim_credential
):
    account = simulator.add_account(EMAIL, SIM_PASSWORD, orders=10, sites=4)
    # The login's session ends while the sites are read; the next lasts.
    simulator.configure(EMAIL, session_max_requests=14)

    run = sync_user(owner)

    assert run.status == RunStatus.SUCCEEDED, run.message
    assert simulator.stats["logins"][EMAIL]["accepted"] == 2
    # It went on from the site it was reading: the list was read once, and
    # no site twice but the one the session was lost on.
    pages = simulator.stats["requests_by_page"]
    assert pages["work_list"] == 1
    assert pages["location"] == run.sites_read + 1
    assert exported_orders(owner.username) == expected_orders(account)


def test_paused_credential_is_skipped_without_a_login_attempt(
    simulator, owner, sim_credential
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=3, reject_password=True)
    assert sync_user(owner).failure_kind == FailureKind.LOGIN_REJECTED
    simulator.reset_stats()

    run = sync_user(owner)

    assert run.status == RunStatus.SKIPPED
    assert simulator.stats["logins"].get(EMAIL, {}).get("refused", 0) == 0
    assert simulator.stats["requests"] == 0
