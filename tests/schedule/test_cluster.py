"""A scheduled sync carried out by a real ``qcluster`` on the ORM broker.

Everything runs as in production, in separate processes: ``migrate``, a
user saving a login (which creates the schedule), and ``manage.py qcluster``,
whose scheduler picks the schedule up and whose worker syncs from the
simulator. The processes share a SQLite file of their own, not the test
database, which lives in memory.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.cluster, pytest.mark.browser]

PROJECT = Path(__file__).resolve().parents[2]
EMAIL = "tech@example.com"
PASSWORD = "right-Pa55word"
ORDERS = 5

SETUP = f"""
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_q.models import Schedule
from accounts.services import save_credential

user = get_user_model().objects.create_user("dana", password="x")
save_credential(user, {EMAIL!r}, {PASSWORD!r}, verify=False)
# The slot is due now instead of at the user's minute of the hour.
Schedule.objects.filter(name=f"sync-user-{{user.pk}}").update(next_run=timezone.now())
"""


@pytest.fixture
def site_env(simulator, tmp_path):
    simulator.add_account(EMAIL, PASSWORD, orders=ORDERS, sites=2)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "SECRET_KEY", "CREDENTIAL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="fossa_site.settings",
        DJANGO_ENV="development",
        DATA_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'cluster.sqlite3'}",
        WORKFOSSA_BASE_URL=simulator.base_url,
        WORKFOSSA_MAX_REQUESTS_PER_SECOND="100",
        SCRAPE_SITE_BROWSERS="1",
        Q_WORKERS="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


def finished_runs(database: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        return db.execute(
            "SELECT trigger, status, failure_kind, orders_seen FROM scraping_scraperun"
            " WHERE status NOT IN ('queued', 'running')"
        ).fetchall()


def test_qcluster_runs_the_scheduled_sync_against_the_simulator(
    simulator, site_env, tmp_path
):
    manage(site_env, "migrate", "--verbosity", "0")
    manage(site_env, "shell", "--command", SETUP)
    database = tmp_path / "cluster.sqlite3"
    log = (tmp_path / "qcluster.log").open("w")
    cluster = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=PROJECT,
        env=site_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        # The scheduler looks at the schedules every 30 seconds.
        deadline = time.monotonic() + 90
        runs = []
        while not runs and time.monotonic() < deadline:
            time.sleep(1)
            assert cluster.poll() is None, (tmp_path / "qcluster.log").read_text()
            runs = finished_runs(database)
    finally:
        os.killpg(cluster.pid, signal.SIGTERM)
        try:
            cluster.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(cluster.pid, signal.SIGKILL)
            cluster.wait()
        log.close()

    assert runs == [("schedule", "succeeded", "", ORDERS)], (
        tmp_path / "qcluster.log"
    ).read_text()[-3000:]
    with sqlite3.connect(database) as db:
        (stored,) = db.execute("SELECT COUNT(*) FROM workorders_workorder").fetchone()
    assert stored == ORDERS
    assert simulator.stats["logins"][EMAIL]["accepted"] == 1
