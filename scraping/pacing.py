"""Keeps the page loads of one account under a rate WorkFossa tolerates."""

import threading
import time


class Pacer:
    """Spaces calls to ``wait`` at least ``1 / per_second`` seconds apart.

    One pacer is shared by every browser of one account, so the limit holds
    for the account, not per browser. Thread-safe.
    """

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        """Return once the next page load is allowed."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)
