"""manage.py rotate_credential_keys."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from accounts import crypto
from accounts.models import WorkFossaCredential

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def stored_credential(user, password, settings):
    settings.CREDENTIAL_ENCRYPTION_KEYS = [OLD_KEY]
    credential = WorkFossaCredential(user=user, email="tech@example.com")
    credential.set_password(password)
    credential.session_encrypted = crypto.encrypt("cookie-jar")
    credential.save()
    return credential


def test_password_survives_rotation_to_a_new_key(owner, settings):
    credential = stored_credential(owner, "s3cret-Pa55!", settings)
    settings.CREDENTIAL_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    call_command("rotate_credential_keys", stdout=io.StringIO())

    settings.CREDENTIAL_ENCRYPTION_KEYS = [NEW_KEY]
    credential.refresh_from_db()
    assert credential.password_for_login() == "s3cret-Pa55!"
    assert crypto.decrypt(credential.session_encrypted) == "cookie-jar"
    assert "s3cret-Pa55!" not in credential.password_encrypted


def test_password_of_a_removed_key_is_reported(owner, settings):
    stored_credential(owner, "s3cret-Pa55!", settings)
    settings.CREDENTIAL_ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(CommandError, match="dana"):
        call_command("rotate_credential_keys", stdout=io.StringIO())
