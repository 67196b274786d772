"""A sync goes on with the previous sync's WorkFossa session when it can."""

import logging

import pytest

from accounts.models import WorkFossaCredential
from scraping.models import RunStatus
from scraping.runner import sync_user
from scraping.session_store import load_session
from tests.live_account import EMAIL, SIM_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def logins(simulator) -> dict:
    return simulator.stats["logins"].get(EMAIL, {})


def test_the_next_sync_reuses_the_session_without_typing_the_password(
    simulator, owner, sim_credential, caplog
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=5, sites=3)
    caplog.set_level(logging.DEBUG)

    first = sync_user(owner)
    stored = WorkFossaCredential.objects.get(pk=sim_credential.pk)
    second = sync_user(owner)

    assert (first.status, second.status) == (RunStatus.SUCCEEDED,) * 2
    assert logins(simulator)["accepted"] == 1
    assert stored.session_encrypted
    assert "workfossa_session" not in stored.session_encrypted
    cookie_values = {cookie["value"] for cookie in load_session(stored)}
    assert not any(value in caplog.text for value in cookie_values)


def test_an_ended_session_is_dropped_and_the_sync_logs_in_again(
    simulator, owner, sim_credential
):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=5, sites=3)
    assert sync_user(owner).status == RunStatus.SUCCEEDED

    simulator.end_sessions(EMAIL)
    run = sync_user(owner)

    assert run.status == RunStatus.SUCCEEDED, run.message
    assert logins(simulator)["accepted"] == 2


def test_without_session_reuse_every_sync_logs_in(
    simulator, owner, sim_credential, settings
):
    settings.WORKFOSSA_REUSE_SESSION = False
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=5, sites=3)

    sync_user(owner)
    sync_user(owner)

    assert logins(simulator)["accepted"] == 2
    assert not WorkFossaCredential.objects.get(pk=sim_credential.pk).session_encrypted
