"""Browser sessions and the failed-login throttle.

Neither class locks: the application holds its own lock around every use.
"""

import math
import secrets
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Session:
    key: str
    token: str  # the anti-forgery ``_token`` that belongs to this cookie
    last_seen: float
    email: str | None = None  # set once logged in
    two_factor_email: str | None = None  # password accepted, code awaited
    intended: str | None = None  # the /app page that sent the visitor to login
    app_requests: int = 0  # /app requests since login
    recent: deque = field(default_factory=deque)  # times, for the rate limit


class SessionStore:
    def __init__(self):
        self._sessions = {}

    def get(self, key):
        return self._sessions.get(key) if key else None

    def create(self, now):
        session = Session(
            key=secrets.token_urlsafe(30),
            token=secrets.token_urlsafe(30),
            last_seen=now,
        )
        self._sessions[session.key] = session
        return session

    def end(self, session):
        self._sessions.pop(session.key, None)

    def end_all(self, email=None):
        """End the logged-in sessions of ``email`` (every account when None);
        return how many ended."""
        ended = [
            s
            for s in self._sessions.values()
            if s.email and (email is None or s.email == email)
        ]
        for session in ended:
            self.end(session)
        return len(ended)


class LoginThrottle:
    """Failed logins per email, and the lock-out they lead to.

    After ``attempts`` failures within ``window`` seconds of the first, every
    attempt for that email is refused until ``window`` seconds after the
    first failure. An accepted login clears the count.
    """

    def __init__(self):
        self._failures = {}  # email -> (time of first failure, count)

    def retry_after(self, email, now, attempts, window):
        """Seconds until ``email`` may try again, or 0 if it may now."""
        first, count = self._failures.get(email, (None, 0))
        if first is None or attempts is None:
            return 0
        if now - first >= window:
            del self._failures[email]
            return 0
        if count < attempts:
            return 0
        return max(1, math.ceil(first + window - now))

    def failed(self, email, now, window):
        first, count = self._failures.get(email, (None, 0))
        if first is None or now - first >= window:
            first, count = now, 0
        self._failures[email] = (first, count + 1)

    def clear(self, email):
        self._failures.pop(email, None)
