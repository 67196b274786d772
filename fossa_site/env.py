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

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured


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
