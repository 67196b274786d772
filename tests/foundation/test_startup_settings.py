"""Start-up refuses missing or malformed secrets outside development."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET_KEY = "k3V9-QmZr8tX2pLw7YcN4bH6sJd1fGa5uEo0iRy_Tq8WnXe"


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
        "SECRET_KEY": GOOD_SECRET_KEY,
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
        SECRET_KEY=GOOD_SECRET_KEY,
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


def production(**variables):
    return {
        "DJANGO_ENV": "production",
        "SECRET_KEY": GOOD_SECRET_KEY,
        "CREDENTIAL_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        **variables,
    }


@pytest.mark.parametrize("plain", ["x" * 60, "too-short"])
def test_a_guessable_secret_key_stops_start_up(tmp_path, plain):
    result = run_check(tmp_path, **production(SECRET_KEY=plain))

    assert result.returncode != 0
    assert "SECRET_KEY is too short or too plain" in result.stderr
    assert plain not in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("Q_WORKERS", "two", "Q_WORKERS must be a whole number"),
        ("WORKFOSSA_REUSE_SESSION", "maybe", "WORKFOSSA_REUSE_SESSION must be true"),
        ("SYNC_RETRY_DELAYS_MINUTES", "5,soon", "SYNC_RETRY_DELAYS_MINUTES must be"),
    ],
)
def test_a_malformed_setting_stops_start_up_with_its_name(
    tmp_path, name, value, expected
):
    result = run_check(tmp_path, **{name: value})

    assert result.returncode != 0
    assert expected in result.stderr


def test_the_production_settings_start_with_good_values(tmp_path):
    result = run_check(tmp_path, **production(WORKFOSSA_REUSE_SESSION="off"))

    assert result.returncode == 0, result.stderr
