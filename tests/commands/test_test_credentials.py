"""manage.py test_credentials, against the simulator."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.live_account import EMAIL, SIM_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def test_both_logins_are_tried_and_timed(simulator, owner, sim_credential):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=1)
    out = io.StringIO()

    call_command("test_credentials", stdout=out)

    assert "HTTP login: ok in" in out.getvalue()
    assert "browser login: ok in" in out.getvalue()
    assert simulator.stats["logins"][EMAIL]["accepted"] == 2


def test_refused_password_is_tried_once(simulator, owner, sim_credential):
    simulator.add_account(EMAIL, "another-password", orders=1)
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("test_credentials", "dana", stdout=out)

    assert "browser login: skipped" in out.getvalue()
    assert simulator.stats["logins"][EMAIL]["refused"] == 1
