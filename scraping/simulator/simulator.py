"""The ``Simulator``: accounts, knobs and counters, served over HTTP from a
background thread."""

import datetime
import logging
import threading

from . import knobs as knobs_module
from . import world
from .account import Account
from .app import Application
from .catalog import TECHNICIANS
from .drift import Drift
from .server import SimulatorServer

logger = logging.getLogger(__name__)


class Simulator:
    """A stand-in for WorkFossa on this machine.

    ``seed`` fixes the generated data (with ``today``, the date visits are
    counted from, which defaults to the day the simulator is made) and the
    sequence of latencies, failures and dialogs. ``profile`` names the
    starting latency and loader delay (see ``PROFILES``).
    """

    def __init__(self, seed=0, profile="fast", *, host="127.0.0.1", port=0, today=None):
        self.seed = seed
        self.profile = profile
        self.today = today or datetime.date.today()
        self._address = (host, port)
        self._app = Application(seed, knobs_module.profile(profile))
        self._server = None
        self._thread = None
        self._drift = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # Accounts ------------------------------------------------------------

    def add_account(
        self, email, password, orders=30, *, name=None, sites=None, **knobs
    ):
        """Add an account with ``orders`` open orders spread over ``sites``
        sites (by default about four in five of ``orders``, so some sites
        carry several orders) and return it. Keyword ``knobs`` are set for
        this account only. Raises ValueError if the email is taken."""
        key = email.strip().lower()
        with self._app.lock:
            if key in self._app.accounts:
                raise ValueError(f"an account for {email} already exists")
            account_world = world.generate(self.seed, key, orders, sites, self.today)
            if name is None:
                name = TECHNICIANS[sum(key.encode()) % len(TECHNICIANS)]
            account = Account(
                key,
                password,
                name,
                account_world,
                lock=self._app.lock,
                seed=self.seed,
                today=self.today,
            )
            self._app.accounts[key] = account
        if knobs:
            self.configure(key, **knobs)
        return account

    def account(self, email):
        """The account for ``email``; raises KeyError if there is none."""
        return self._app.accounts[email.strip().lower()]

    @property
    def accounts(self):
        with self._app.lock:
            return list(self._app.accounts.values())

    # Knobs ---------------------------------------------------------------

    def configure(self, email=None, **knobs):
        """Set knobs for the whole site, or for the account ``email`` only.

        Takes effect from the next request. Raises TypeError for an unknown
        knob, ValueError for a bad value, KeyError for an unknown account.
        """
        checked = knobs_module.validated(knobs)
        with self._app.lock:
            if email is None:
                self._app.site_knobs.update(checked)
            else:
                key = self.account(email).email
                self._app.account_knobs.setdefault(key, {}).update(checked)

    def knobs(self, email=None):
        """The knobs in force for the site, or for the account ``email``."""
        with self._app.lock:
            account = self.account(email) if email else None
            return self._app.knobs_for(account)

    def end_sessions(self, email=None):
        """End the logged-in sessions of ``email`` (of everyone when None), as
        the site may at any time; return how many ended."""
        with self._app.lock:
            key = email.strip().lower() if email else None
            return self._app.sessions.end_all(key)

    def drift(self, changes, on_change=None):
        """Change every account on a timer until ``stop`` (see ``drift``).

        ``changes`` is checked by ``drift.check_changes``; returns the
        ``Drift``, whose ``apply_round()`` makes one round at once.
        """
        if self._drift is not None:
            self._drift.stop()
        self._drift = Drift(self, changes, on_change).start()
        return self._drift

    # Counters ------------------------------------------------------------

    @property
    def stats(self):
        """A snapshot of the counters (see the package docstring)."""
        return self._app.stats.snapshot()

    def reset_stats(self):
        self._app.stats.reset()

    # Serving -------------------------------------------------------------

    def start(self):
        """Start serving in a daemon thread and return the simulator."""
        if self._server is not None:
            return self
        self._server = SimulatorServer(self._address, self._app)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="workfossa-simulator",
            daemon=True,
        )
        self._thread.start()
        logger.info("WorkFossa simulator serving at %s", self.base_url)
        return self

    def stop(self):
        """Stop serving and changing the world; safe to call twice."""
        if self._drift is not None:
            self._drift.stop()
            self._drift = None
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = self._thread = None

    def serve_forever(self):
        """Serve in the calling thread until interrupted (for the command)."""
        self.start()
        try:
            self._thread.join()
        finally:
            self.stop()

    @property
    def port(self):
        if self._server is None:
            raise RuntimeError("the simulator is not running; call start()")
        return self._server.server_address[1]

    @property
    def base_url(self):
        """The origin to point a scraper at, such as http://127.0.0.1:8765."""
        host = self._server.server_address[0] if self._server else self._address[0]
        return f"http://{host}:{self.port}"
