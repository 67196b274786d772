"""Helpers for the deployment and scale-out tests.

Tests marked ``postgres`` run only when the configured database is
PostgreSQL, and tests marked ``redis`` only when ``REDIS_URL`` names a Redis
server that answers; ``scripts/test`` runs them in a second pass with both
set. Anywhere else they are skipped with the reason.
"""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
# The Redis database the tests may empty; nothing else should live there.
REDIS_TEST_DB = 15


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL to name a PostgreSQL server (scripts/test)")
    if item.get_closest_marker("redis"):
        if not redis_answers():
            pytest.skip("needs REDIS_URL to name a Redis server that answers")
        if urlsplit(settings.REDIS_URL).path != f"/{REDIS_TEST_DB}":
            pytest.skip(
                f"the Redis tests empty their database, so REDIS_URL must name "
                f"database {REDIS_TEST_DB} (scripts/test does)"
            )


def redis_answers() -> bool:
    if not settings.REDIS_URL:
        return False
    parts = urlsplit(settings.REDIS_URL)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or 6379), timeout=2
        ):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_env(data_dir, **variables) -> dict:
    """The environment of a child process of this test run.

    It reads the same secrets as the tests (so it can decrypt the passwords
    they stored) and keeps its own files in ``data_dir``.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="fossa_site.settings",
        DATA_DIR=str(data_dir),
        SECRET_KEY=settings.SECRET_KEY,
        CREDENTIAL_ENCRYPTION_KEYS=",".join(settings.CREDENTIAL_ENCRYPTION_KEYS),
        PYTHONUNBUFFERED="1",
    )
    env.update(variables)
    return env


def production_env(data_dir, **variables) -> dict:
    """A child environment with production settings and fresh secrets."""
    return child_env(
        data_dir,
        DJANGO_ENV="production",
        SECRET_KEY=Fernet.generate_key().decode() + Fernet.generate_key().decode(),
        CREDENTIAL_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS="127.0.0.1,fossa.example.com",
        STATIC_ROOT=str(Path(data_dir) / "static"),
        DATABASE_URL=f"sqlite:///{Path(data_dir) / 'site.sqlite3'}",
        REDIS_URL="",
        **variables,
    )


def manage(*args) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


def database_url() -> str:
    """A URL for the database this test runs on (the test database)."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return (
        f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def empty_redis():
    """The Redis test database, emptied before and after the test."""
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


class Clusters:
    """``qcluster`` processes on this test's database and Redis database."""

    def __init__(self, folder, simulator):
        self.folder = Path(folder)
        self.env = child_env(
            self.folder,
            DATABASE_URL=database_url(),
            REDIS_URL=settings.REDIS_URL,
            WORKFOSSA_BASE_URL=simulator.base_url,
            # One sync at a time per cluster: two clusters, two browsers on
            # this machine's two cores.
            Q_WORKERS="1",
            SCRAPE_SITE_BROWSERS="1",
            LOG_LEVEL="INFO",
        )
        self.processes = []

    def start(self, count: int) -> None:
        for index in range(count):
            log = open(self.folder / f"cluster-{index}.log", "w")
            self.processes.append(
                subprocess.Popen(
                    manage("qcluster"),
                    cwd=ROOT,
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            log.close()

    def all_running(self) -> bool:
        return all(process.poll() is None for process in self.processes)

    def log(self, index: int) -> str:
        return (self.folder / f"cluster-{index}.log").read_text()

    def stop(self) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def clusters(transactional_db, empty_redis, simulator, tmp_path):
    """Starts no cluster by itself: call ``clusters.start(n)``; all are
    stopped after the test (before its database is emptied)."""
    group = Clusters(tmp_path, simulator)
    yield group
    group.stop()
