"""The world changing by itself while the simulator runs as a server.

Tests change an account between syncs by calling its methods; a person
running the simulator beside the product has no such hands, so ``Drift``
does it on a timer: each round completes, adds and re-equips a few orders of
every account, and may end every session, as the real site's world moves on
between hourly syncs.
"""

import logging
import threading

logger = logging.getLogger(__name__)

CHANGE_KEYS = {"every_seconds", "complete", "add", "dispensers", "end_sessions"}


def check_changes(changes) -> dict:
    """Return ``changes`` with its defaults; raise ValueError naming a bad key.

    ``every_seconds`` is required; ``complete``, ``add`` and ``dispensers``
    (orders or sites per account and round) default to 1, ``end_sessions``
    to False.
    """
    if not isinstance(changes, dict):
        raise ValueError("changes must be an object")
    unknown = set(changes) - CHANGE_KEYS
    if unknown:
        raise ValueError(f"unknown key(s) in changes: {', '.join(sorted(unknown))}")
    every = changes.get("every_seconds")
    if not isinstance(every, int | float) or every <= 0:
        raise ValueError("changes.every_seconds must be a number above 0")
    checked = {"every_seconds": float(every)}
    for key in ("complete", "add", "dispensers"):
        count = changes.get(key, 1)
        if not isinstance(count, int) or count < 0:
            raise ValueError(f"changes.{key} must be a whole number, 0 or more")
        checked[key] = count
    checked["end_sessions"] = bool(changes.get("end_sessions", False))
    return checked


class Drift:
    """Applies one round of changes every ``every_seconds`` in a daemon thread.

    ``on_change(text)`` hears a line per account and round, saying what
    changed.
    """

    def __init__(self, simulator, changes, on_change=None):
        self._simulator = simulator
        self._changes = check_changes(changes)
        self._on_change = on_change or (lambda text: logger.info("%s", text))
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, name="workfossa-simulator-drift", daemon=True
        )

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self):
        while not self._stopped.wait(self._changes["every_seconds"]):
            self.apply_round()

    def apply_round(self) -> None:
        """Change every account once, now."""
        changes = self._changes
        for account in self._simulator.accounts:
            completed = account.complete_orders(changes["complete"])
            added = account.add_orders(changes["add"])
            sites = account.change_dispensers(count=changes["dispensers"])
            self._on_change(
                f"{account.email}: completed {_ids(completed)}, added "
                f"{_ids(added)}, dispensers changed at sites {_ids(sites)}"
            )
        if changes["end_sessions"]:
            ended = self._simulator.end_sessions()
            self._on_change(f"ended {ended} logged-in sessions")


def _ids(ids) -> str:
    return ", ".join(ids) if ids else "none"
