"""A WorkFossa session kept between syncs is stored encrypted and dropped
when it cannot be used."""

import pytest
from cryptography.fernet import Fernet

from accounts.models import WorkFossaCredential
from scraping.session_store import drop_session, load_session, store_session

COOKIES = [
    {
        "name": "workfossa_session",
        "value": "c2Vzc2lvbi10b2tlbi0xMjM0NQ",
        "domain": "127.0.0.1",
        "path": "/",
        "httpOnly": True,
        "secure": False,
        "sameSite": "Lax",
    }
]


@pytest.fixture
def credential(db, owner):
    credential = WorkFossaCredential(user=owner, email="dana@example.com")
    credential.set_password("secret")
    credential.save()
    return credential


def test_a_stored_session_comes_back_for_the_next_sync(credential):
    store_session(credential, COOKIES)

    again = WorkFossaCredential.objects.get(pk=credential.pk)
    cookies = load_session(again)
    assert cookies[0]["name"] == "workfossa_session"
    assert cookies[0]["value"] == COOKIES[0]["value"]
    assert "sameSite" not in cookies[0]


def test_the_session_is_not_readable_in_the_database(credential):
    store_session(credential, COOKIES)

    stored = WorkFossaCredential.objects.values_list(
        "session_encrypted", flat=True
    ).get(pk=credential.pk)
    assert stored
    assert COOKIES[0]["value"] not in stored
    assert "workfossa_session" not in stored


def test_a_dropped_session_is_gone(credential):
    store_session(credential, COOKIES)

    drop_session(credential)

    again = WorkFossaCredential.objects.get(pk=credential.pk)
    assert again.session_encrypted == ""
    assert load_session(again) is None


def test_a_new_password_drops_the_session(credential):
    store_session(credential, COOKIES)

    credential.set_password("new-secret")
    credential.save()

    assert load_session(WorkFossaCredential.objects.get(pk=credential.pk)) is None


def test_a_session_made_with_a_removed_key_is_dropped(credential, settings):
    store_session(credential, COOKIES)
    settings.CREDENTIAL_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    assert load_session(credential) is None
    assert WorkFossaCredential.objects.get(pk=credential.pk).session_encrypted == ""


def test_nothing_is_kept_when_reuse_is_off(credential, settings):
    settings.WORKFOSSA_REUSE_SESSION = False

    store_session(credential, COOKIES)

    assert WorkFossaCredential.objects.get(pk=credential.pk).session_encrypted == ""
    assert load_session(credential) is None
