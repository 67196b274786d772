"""manage.py set_credentials, checked against the simulator over HTTP."""

import io
import socket

import pytest
from django.core.management import CommandError, call_command

from accounts.models import CredentialStatus, WorkFossaCredential
from tests.live_account import EMAIL, SIM_PASSWORD

pytestmark = pytest.mark.django_db


def set_credentials(*args, password):
    out = io.StringIO()
    call_command(
        "set_credentials", *args, stdin=io.StringIO(password + "\n"), stdout=out
    )
    return out.getvalue()


def test_accepted_login_is_saved_as_valid(simulator, owner, live_settings):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=1)

    output = set_credentials("dana", "--email", EMAIL, password=SIM_PASSWORD)

    credential = WorkFossaCredential.objects.get(user=owner)
    assert credential.status == CredentialStatus.VALID
    assert credential.password_for_login() == SIM_PASSWORD
    assert SIM_PASSWORD not in credential.password_encrypted
    assert "accepted" in output and SIM_PASSWORD not in output


def test_refused_login_is_not_saved(simulator, owner, live_settings):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=1)

    with pytest.raises(CommandError, match="refused"):
        set_credentials("dana", "--email", EMAIL, password="an-old-password")

    assert not WorkFossaCredential.objects.filter(user=owner).exists()


def test_new_password_resumes_a_paused_credential(simulator, owner, live_settings):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=1)
    paused = WorkFossaCredential(user=owner, email=EMAIL)
    paused.set_password("old")
    paused.status = CredentialStatus.REJECTED
    paused.save()

    set_credentials("dana", "--email", EMAIL, password=SIM_PASSWORD)

    paused.refresh_from_db()
    assert paused.status == CredentialStatus.VALID
    assert not paused.is_paused


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_workfossa_saves_it_unverified(owner, settings):
    settings.WORKFOSSA_BASE_URL = f"http://127.0.0.1:{unused_port()}"

    output = set_credentials("dana", "--email", EMAIL, password=SIM_PASSWORD)

    assert WorkFossaCredential.objects.get(user=owner).status == "unverified"
    assert "next sync" in output


def test_no_verify_saves_without_a_login(simulator, owner, live_settings):
    simulator.add_account(EMAIL, SIM_PASSWORD, orders=1)

    set_credentials("dana", "--email", EMAIL, "--no-verify", password="whatever")

    assert WorkFossaCredential.objects.get(user=owner).status == "unverified"
    assert simulator.stats["requests"] == 0


def test_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        set_credentials("nobody", "--email", EMAIL, password="x")
