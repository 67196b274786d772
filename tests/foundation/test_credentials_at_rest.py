import pytest
from cryptography.fernet import Fernet
from django.db import connection

from accounts import crypto
from accounts.models import CredentialStatus, WorkFossaCredential

pytestmark = pytest.mark.django_db

PASSWORD = "Tr1cky pässword & <more>"


def save_credential(user, password=PASSWORD):
    credential = WorkFossaCredential(user=user, email="dana@example.com")
    credential.set_password(password)
    credential.save()
    return credential


def test_the_password_round_trips_through_encryption(owner):
    save_credential(owner)

    stored = WorkFossaCredential.objects.get(user=owner)

    assert stored.password_for_login() == PASSWORD
    assert stored.status == CredentialStatus.UNVERIFIED


def test_the_database_never_holds_the_clear_password(owner):
    save_credential(owner)

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_workfossacredential")
        row = cursor.fetchone()

    assert not any(PASSWORD in str(value) for value in row)


def test_the_password_survives_a_key_rotation(owner, settings):
    credential = save_credential(owner)
    old_key = settings.CREDENTIAL_ENCRYPTION_KEYS[0]
    settings.CREDENTIAL_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]

    rotated = crypto.rotate(credential.password_encrypted)
    settings.CREDENTIAL_ENCRYPTION_KEYS = settings.CREDENTIAL_ENCRYPTION_KEYS[:1]

    assert crypto.decrypt(rotated) == PASSWORD
    with pytest.raises(crypto.UndecryptableSecret) as error:
        crypto.decrypt(credential.password_encrypted)
    assert PASSWORD not in str(error.value)


def test_str_and_repr_never_show_the_password(owner):
    credential = save_credential(owner)

    assert PASSWORD not in str(credential)
    assert PASSWORD not in repr(credential)
    assert credential.password_encrypted not in str(credential)


def test_a_new_password_makes_a_refused_credential_unverified(owner):
    credential = save_credential(owner)
    credential.status = CredentialStatus.REJECTED
    credential.last_login_error = "refused"

    credential.set_password("new one")

    assert credential.status == CredentialStatus.UNVERIFIED
    assert credential.last_login_error == ""
    assert not credential.is_paused


def test_a_new_credential_syncs_at_the_configured_interval(owner, settings):
    settings.SYNC_INTERVAL_MINUTES = 30

    credential = save_credential(owner)

    assert credential.sync_interval_minutes == 30
