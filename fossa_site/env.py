"""Reading the settings that must not be guessed: secrets and encryption keys.

Outside development a missing or malformed secret stops start-up with a
message that names the variable. In development, a secret that is not set is
generated once and kept in the data folder, so that a first run needs no
setup and passwords stored in a development database stay readable across
restarts.
"""

import base64
import binascii
import json
import secrets
from pathlib import Path

import environ
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

# Below these a secret key is guessable; Django's deployment check asks for
# 50 characters, and a generated key of ``new_secret_key`` has 67.
SECRET_KEY_MIN_LENGTH = 40
SECRET_KEY_MIN_DISTINCT = 5
_CAST_NAMES = {int: "a whole number", float: "a number", bool: "true or false"}


class Env(environ.Env):
    """django-environ's reader, stopping start-up on a malformed value.

    A value that cannot be read as its type raises ImproperlyConfigured that
    names the variable (never its value, which may be a secret), where
    django-environ would raise a bare ValueError or, for a boolean, quietly
    read any unknown word as false.
    """

    BOOLEAN_FALSE_STRINGS = ("false", "off", "no", "n", "0", "")

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, **kwargs):
        if cast is bool and var in self.ENVIRON:
            word = self.ENVIRON[var].strip().lower()
            known = self.BOOLEAN_TRUE_STRINGS + self.BOOLEAN_FALSE_STRINGS
            if word not in known:
                raise _malformed(var, cast)
        try:
            return super().get_value(var, cast=cast, default=default, **kwargs)
        except ValueError:
            raise _malformed(var, cast) from None


def _malformed(var, cast) -> ImproperlyConfigured:
    if isinstance(cast, list):
        kind = f"a comma-separated list, each {_CAST_NAMES.get(cast[0], 'valid')}"
    else:
        kind = _CAST_NAMES.get(cast, "a valid value")
    return ImproperlyConfigured(f"{var} must be {kind}; see .env.example.")


def development_secret(data_dir: Path, name: str, make) -> str:
    """Return the development value of ``name``, generating it on first use."""
    path = data_dir / "dev-secrets.json"
    stored = json.loads(path.read_text()) if path.exists() else {}
    if name not in stored:
        stored[name] = make()
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stored, indent=2))
        path.chmod(0o600)
    return stored[name]


def required(env, name: str, *, development: bool, data_dir: Path, make) -> str:
    """Return the variable ``name``; raise ImproperlyConfigured if it is unset.

    In development an unset value comes from ``development_secret``.
    """
    value = env.str(name, default="").strip()
    if value:
        return value
    if development:
        return development_secret(data_dir, name, make)
    raise ImproperlyConfigured(
        f"{name} is not set. It is required when DJANGO_ENV is not "
        f"'development'; see .env.example for how to make one."
    )


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def new_fernet_key() -> str:
    return Fernet.generate_key().decode()


def parse_fernet_keys(name: str, value: str) -> list[str]:
    """Split a comma-separated list of Fernet keys, checking each one.

    Raises ImproperlyConfigured naming the variable and the position of the
    first key that is not a Fernet key (32 bytes, URL-safe base64). The key
    itself is never put in the message.
    """
    keys = [key.strip() for key in value.split(",") if key.strip()]
    if not keys:
        raise ImproperlyConfigured(f"{name} holds no key.")
    for position, key in enumerate(keys, start=1):
        try:
            raw = base64.urlsafe_b64decode(key.encode())
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32:
            raise ImproperlyConfigured(
                f"{name}: key {position} of {len(keys)} is not a Fernet key "
                "(32 bytes in URL-safe base64, as made by "
                "`python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`)."
            )
    return keys


def check_secret_key(value: str) -> str:
    """Return ``value``; raise ImproperlyConfigured if it is too easy to guess."""
    if len(value) < SECRET_KEY_MIN_LENGTH or len(set(value)) < SECRET_KEY_MIN_DISTINCT:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too short or too plain: use at least "
            f"{SECRET_KEY_MIN_LENGTH} random characters, e.g. from `python -c "
            "'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    return value
