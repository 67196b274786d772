"""Encryption at rest for what WorkFossa trusts: passwords and session cookies.

Keys come from ``settings.CREDENTIAL_ENCRYPTION_KEYS``: the first encrypts,
every key decrypts, so a key is rotated by putting a new one first, running
``manage.py rotate_credential_keys`` and then dropping the old one.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class UndecryptableSecret(Exception):
    """A stored secret was made with a key that is no longer configured."""


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.CREDENTIAL_ENCRYPTION_KEYS))


def encrypt(clear: str) -> str:
    """Return ``clear`` encrypted under the first key, as ASCII text."""
    return _current().encrypt(clear.encode()).decode()


def decrypt(token: str) -> str:
    """Return the clear text of ``token``; raise UndecryptableSecret."""
    try:
        return _current().decrypt(token.encode()).decode()
    except InvalidToken:
        raise UndecryptableSecret(
            "A stored secret cannot be decrypted with the configured "
            "CREDENTIAL_ENCRYPTION_KEYS; it was made with a key that was removed."
        ) from None


def rotate(token: str) -> str:
    """Return ``token`` re-encrypted under the first key."""
    try:
        return _current().rotate(token.encode()).decode()
    except InvalidToken:
        raise UndecryptableSecret(
            "A stored secret cannot be decrypted with the configured keys."
        ) from None
