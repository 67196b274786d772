"""The WorkFossa login form, checked against the simulator over HTTP."""

import pytest
from django.urls import reverse

from accounts.models import CredentialStatus, WorkFossaCredential
from tests.web.conftest import STORED_PASSWORD, make_credential

pytestmark = pytest.mark.django_db

URL = "/account/workfossa/"


@pytest.fixture
def workfossa(simulator, settings):
    settings.WORKFOSSA_BASE_URL = simulator.base_url
    settings.LOGIN_CHECK_TIMEOUT = 5
    return simulator.add_account("tech@example.com", "right-password", orders=1)


@pytest.fixture
def unreachable(settings):
    # Nothing listens on port 1: the connection is refused at once.
    settings.WORKFOSSA_BASE_URL = "http://127.0.0.1:1"


def form(email="tech@example.com", password="", **extra):
    return {
        "email": email,
        "password": password,
        "sync_interval_minutes": 60,
        "active_hours_start": "",
        "active_hours_end": "",
        "time_zone": "America/New_York",
        **extra,
    }


def stored(user):
    return WorkFossaCredential.objects.filter(user=user).first()


def test_the_url_is_the_credential_page():
    assert reverse("credential") == URL


def test_a_refused_password_is_not_saved_and_the_form_says_so(
    owner, owner_client, workfossa
):
    response = owner_client.post(URL, form(password="wrong", save="1"))

    assert response.status_code == 200
    assert "Not saved. WorkFossa refused this email or password." in (
        response.content.decode()
    )
    assert stored(owner) is None


def test_a_refused_password_leaves_the_stored_one_as_it_was(
    owner, owner_client, workfossa
):
    make_credential(owner)

    owner_client.post(URL, form(password="wrong", save="1"))

    assert stored(owner).password_for_login() == STORED_PASSWORD


def test_an_accepted_password_is_saved_as_valid(owner, owner_client, workfossa):
    response = owner_client.post(
        URL, form(password="right-password", save="1"), follow=True
    )

    assert "WorkFossa accepted this login" in response.content.decode()
    credential = stored(owner)
    assert credential.status == CredentialStatus.VALID
    assert credential.password_for_login() == "right-password"


def test_when_workfossa_is_unreachable_it_is_saved_unverified_for_the_next_sync(
    owner, owner_client, unreachable
):
    response = owner_client.post(URL, form(password="whatever", save="1"), follow=True)

    page = response.content.decode()
    assert "Saved, but not checked yet" in page
    assert "The next sync will check it." in page
    assert stored(owner).status == CredentialStatus.UNVERIFIED


def test_the_stored_password_is_never_sent_to_the_browser(owner, owner_client):
    make_credential(owner)

    page = owner_client.get(URL).content.decode()

    assert STORED_PASSWORD not in page
    assert 'name="password"' in page
    assert 'value="tech@example.com"' in page


def test_an_empty_password_keeps_the_stored_one_and_saves_the_schedule(
    owner, owner_client, unreachable
):
    make_credential(owner)

    response = owner_client.post(
        URL,
        form(
            save="1",
            sync_interval_minutes=30,
            active_hours_start="07:00",
            active_hours_end="18:00",
            time_zone="America/Chicago",
        ),
    )

    assert response.status_code == 302
    credential = stored(owner)
    assert credential.password_for_login() == STORED_PASSWORD
    # Only the schedule changed: the login was not checked again.
    assert credential.status == CredentialStatus.VALID
    assert credential.sync_interval_minutes == 30
    assert str(credential.active_hours_start) == "07:00:00"
    assert credential.time_zone == "America/Chicago"


def test_a_first_login_needs_a_password(owner, owner_client):
    response = owner_client.post(URL, form(save="1"))

    assert "Enter your WorkFossa password." in response.content.decode()
    assert stored(owner) is None


def test_test_connection_checks_the_entered_password_and_saves_nothing(
    owner, owner_client, workfossa
):
    make_credential(owner)

    accepted = owner_client.post(URL, form(password="right-password", test="1"))
    refused = owner_client.post(URL, form(password="wrong", test="1"))

    assert "WorkFossa accepted the email and the entered password. Nothing was" in (
        accepted.content.decode()
    )
    assert "refused this email or password" in refused.content.decode()
    assert stored(owner).password_for_login() == STORED_PASSWORD
    assert stored(owner).status == CredentialStatus.VALID


def test_test_connection_uses_the_stored_password_when_none_is_entered(
    owner, owner_client, workfossa
):
    make_credential(owner)

    response = owner_client.post(URL, form(test="1"))

    # The stored password is not the simulator's, so WorkFossa refuses it.
    assert "Tested with the saved password: WorkFossa refused" in (
        response.content.decode()
    )


def test_test_connection_says_plainly_when_workfossa_cannot_be_reached(
    owner, owner_client, unreachable
):
    response = owner_client.post(URL, form(password="x", test="1"))

    assert "could not be reached" in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert stored(owner) is None


def test_a_stranger_sees_only_their_own_login(owner, stranger_client):
    make_credential(
        owner,
    )

    page = stranger_client.get(URL).content.decode()

    assert "tech@example.com" not in page
