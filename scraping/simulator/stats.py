"""Thread-safe counters of what the simulator served."""

import copy
import threading
from collections import Counter, defaultdict

LOGIN_OUTCOMES = ("accepted", "refused", "throttled", "two_factor")


class Stats:
    """Counters updated by the request threads; ``snapshot`` copies them."""

    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        with self._lock:
            self._pages = Counter()
            self._pages_by_account = defaultdict(Counter)
            self._statuses = Counter()
            self._logins = defaultdict(lambda: dict.fromkeys(LOGIN_OUTCOMES, 0))
            self._events = Counter()
            self._latency = 0.0
            self._requests = 0

    def request(self, kind, email):
        with self._lock:
            self._requests += 1
            self._pages[kind] += 1
            if email:
                self._pages_by_account[email][kind] += 1

    def status(self, code):
        with self._lock:
            self._statuses[code] += 1

    def login(self, email, outcome):
        with self._lock:
            counts = self._logins[email]
            counts[outcome] += 1
            # A throttled attempt is also a refused one, so "refused" alone
            # answers "how often was this account turned away".
            if outcome == "throttled":
                counts["refused"] += 1

    def event(self, name):
        with self._lock:
            self._events[name] += 1

    def latency(self, seconds):
        with self._lock:
            self._latency += seconds

    def snapshot(self):
        with self._lock:
            return {
                "requests": self._requests,
                "requests_by_page": dict(self._pages),
                "requests_by_account": {
                    email: dict(kinds)
                    for email, kinds in self._pages_by_account.items()
                },
                "responses_by_status": dict(self._statuses),
                "logins": copy.deepcopy(dict(self._logins)),
                "events": dict(self._events),
                "latency_added_s": self._latency,
            }
