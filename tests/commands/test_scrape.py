"""manage.py scrape, against the simulator in a real browser."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.live_account import EMAIL, SIM_PASSWORD
from workorders.models import WorkOrder

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def scrape(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("scrape", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def test_json_prints_one_object_per_run_and_progress_apart(
    simulator, owner, stranger, sim_credential
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=5, sites=2)

    out, err, status = scrape("dana", "sam", "--json")

    runs = [json.loads(line) for line in out.splitlines()]
    assert [(r["user"], r["status"]) for r in runs] == [
        ("dana", "succeeded"),
        ("sam", "skipped"),
    ]
    assert runs[0]["kind"] is None
    assert runs[0]["counts"]["created"] == 5
    assert "No WorkFossa login saved" in runs[1]["message"]
    assert "dana: Logged in to WorkFossa" in err
    assert status == 1


def test_exit_status_is_zero_when_every_run_succeeded(simulator, owner, sim_credential):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=3, sites=1)

    out, _, status = scrape("--all")

    assert status == 0
    assert "dana: succeeded" in out


def test_failure_kind_is_printed(simulator, owner, sim_credential):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=3, maintenance=True)

    out, _, status = scrape("dana")

    assert "site_unavailable" in out
    assert status == 1


def test_mass_removal_is_withheld_until_allowed(simulator, owner, sim_credential):
    account = simulator.add_account(EMAIL, SIM_PASSWORD, orders=12, sites=2)
    scrape("dana")
    completed = account.complete_orders(7)

    out, _, status = scrape("dana", "--json")

    run = json.loads(out)
    assert (status, run["status"]) == (0, "succeeded")
    assert sorted(run["withheld_removal_ids"]) == sorted(completed)
    assert "--allow-mass-removal" in run["message"]
    assert WorkOrder.objects.count() == 12

    out, _, status = scrape("dana", "--json", "--allow-mass-removal")

    assert sorted(json.loads(out)["removed_ids"]) == sorted(completed)
    assert WorkOrder.objects.count() == 5


def test_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="nobody"):
        call_command("scrape", "nobody")
