"""What a real sync logs, at every level: its run's id, never a secret."""

import logging

import pytest

from accounts.models import WorkFossaCredential
from scraping.models import RunStatus
from scraping.runner import sync_user
from scraping.session_store import load_session
from tests.live_account import EMAIL, SIM_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def product_lines(caplog):
    # The simulator serves in this process and logs for itself.
    return [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("scraping")
        and not record.name.startswith("scraping.simulator")
    ]


def test_a_sync_logs_its_run_id_on_every_line_and_no_secret(
    simulator, owner, sim_credential, settings, caplog
):
    settings.SCRAPE_SITE_BROWSERS = 2
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=8, sites=4)
    # The session lapses midway, so the password is typed twice.
    simulator.configure(EMAIL, session_max_requests=12)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="selenium")
    caplog.set_level(logging.DEBUG, logger="urllib3")

    run = sync_user(owner)

    assert run.status == RunStatus.SUCCEEDED, run.message
    assert simulator.stats["logins"][EMAIL]["accepted"] == 2
    lines = product_lines(caplog)
    assert any("browser 2 started" in line for line in lines)
    assert all(line.startswith(f"run={run.pk} ") for line in lines), lines
    assert SIM_PASSWORD not in caplog.text
    credential = WorkFossaCredential.objects.get(pk=sim_credential.pk)
    cookies = [cookie["value"] for cookie in load_session(credential)]
    assert cookies
    assert not any(value in caplog.text for value in cookies)
