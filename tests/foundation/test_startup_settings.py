"""Start-up refuses missing or malformed secrets outside development."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def run_check(tmp_path, **variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "CREDENTIAL_ENCRYPTION_KEYS", "DJANGO_ENV")
    }
    env.update(DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="fossa_site.settings")
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "CREDENTIAL_ENCRYPTION_KEYS"])
def test_a_missing_secret_stops_start_up_with_its_name(tmp_path, missing):
    present = {
        "SECRET_KEY": "x" * 60,
        "CREDENTIAL_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }
    del present[missing]

    result = run_check(tmp_path, DJANGO_ENV="production", **present)

    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


def test_a_malformed_encryption_key_is_named_without_showing_it(tmp_path):
    good = Fernet.generate_key().decode()
    result = run_check(
        tmp_path,
        DJANGO_ENV="production",
        SECRET_KEY="x" * 60,
        CREDENTIAL_ENCRYPTION_KEYS=f"{good},not-a-key-at-all",
    )

    assert result.returncode != 0
    assert "CREDENTIAL_ENCRYPTION_KEYS: key 2 of 2 is not a Fernet key" in result.stderr
    assert "not-a-key-at-all" not in result.stderr
    assert good not in result.stderr


def test_development_makes_its_own_secrets_once_and_keeps_them(tmp_path):
    first = run_check(tmp_path, DJANGO_ENV="development")
    kept = (tmp_path / "dev-secrets.json").read_text()
    second = run_check(tmp_path, DJANGO_ENV="development")

    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert (tmp_path / "dev-secrets.json").read_text() == kept
