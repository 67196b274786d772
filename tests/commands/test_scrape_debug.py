"""manage.py scrape_debug, against the simulator."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.live_account import EMAIL, SIM_PASSWORD
from workorders.models import WorkOrder

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def test_each_step_is_timed_and_captured(simulator, owner, sim_credential, tmp_path):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=4, sites=2)
    out = io.StringIO()

    call_command("scrape_debug", "dana", "--out", tmp_path / "pages", stdout=out)

    shots = sorted(p.name for p in (tmp_path / "pages").glob("*.png"))
    assert shots[:2] == ["01-login.png", "02-work-list.png"]
    assert any(name.startswith("03-site-") for name in shots)
    assert "work list:" in out.getvalue()
    assert WorkOrder.objects.count() == 0


def test_stops_at_the_first_failure_and_says_where(
    simulator, owner, sim_credential, tmp_path
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=4, changed_markup="worklist")

    with pytest.raises(CommandError, match=r"Stopped at 'work list' after \d+\.\d\d s"):
        call_command("scrape_debug", "dana", "--out", tmp_path, stdout=io.StringIO())

    assert (tmp_path / "02-work-list.png").exists()
    assert not (tmp_path / "03-site").exists()
