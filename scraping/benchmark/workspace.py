"""Where a benchmark runs: a scratch database and a simulated WorkFossa.

The benchmark never touches the configured database's data. It creates a
new, empty database of the same kind beside it (a temporary SQLite file, or
``<name>_benchmark`` on PostgreSQL), runs there, and drops it at the end,
so the figures are those of the database a deployment really uses.
"""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import override_settings

from accounts.models import WorkFossaCredential
from scraping.simulator import Simulator

PASSWORD = "benchmark-password"


@contextmanager
def scratch_database():
    """Run the block on a new, migrated, empty database; drop it afterwards."""
    connection = connections[DEFAULT_DB_ALIAS]
    old_name = connection.settings_dict["NAME"]
    test_settings = connection.settings_dict.setdefault("TEST", {})
    folder = None
    if connection.vendor == "sqlite":
        folder = tempfile.mkdtemp(prefix="fossa-benchmark-")
        test_settings["NAME"] = str(Path(folder) / "benchmark.sqlite3")
    else:
        test_settings["NAME"] = f"{old_name}_benchmark"

    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def simulated_workfossa(profile: str, *, browsers: int, seed: int = 2024):
    """A started simulator with the settings pointed at it; yields it.

    Emails that the syncs' outcomes trigger stay in memory.
    """
    simulator = Simulator(seed=seed, profile=profile).start()
    try:
        with override_settings(
            WORKFOSSA_BASE_URL=simulator.base_url,
            SCRAPE_SITE_BROWSERS=browsers,
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ):
            yield simulator
    finally:
        simulator.stop()


def account_user(simulator, name: str, orders: int, **knobs):
    """A user with a saved WorkFossa login for a new simulated account.

    Returns ``(user, account)``.
    """
    email = f"{name}@benchmark.test"
    account = simulator.add_account(email, PASSWORD, orders=orders, **knobs)
    user = get_user_model().objects.create_user(name, password=PASSWORD)
    credential = WorkFossaCredential(user=user, email=email)
    credential.set_password(PASSWORD)
    credential.save()
    return user, account
