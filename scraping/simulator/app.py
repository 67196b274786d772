"""What the simulated site answers to one request, apart from HTTP itself.

``Application.handle`` takes a parsed request and returns the response plus
the delay to wait before sending it; the server does the waiting, outside
the lock, so a slow page never holds up another session.
"""

import random
import re
import threading
import time
from dataclasses import dataclass, field

from . import equipment, knobs, pages, worklist
from .sessions import LoginThrottle, SessionStore
from .stats import Stats

COOKIE = "workfossa_session"

# (method, path pattern, page kind for the stats, handler, internal). The
# internal requests are the ones the pages' scripts make: the contract does
# not describe them, so they never fail on purpose and are not rate-limited.
ROUTES = [
    ("GET", r"/|/login", "login", "show_login", False),
    ("POST", r"/login", "login_submit", "submit_login", False),
    ("GET", r"/two-factor-challenge", "two_factor", "show_two_factor", False),
    ("POST", r"/two-factor-challenge", "two_factor", "submit_two_factor", False),
    ("POST", r"/logout", "logout", "logout", False),
    ("GET", r"/app/?", "dashboard", "app_root", False),
    ("GET", r"/app/dashboard", "dashboard", "dashboard", False),
    ("GET", r"/app/work/list", "work_list", "work_list", False),
    ("GET", r"/app/work/list/data", "work_list_rows", "work_list_rows", True),
    ("GET", r"/app/work/(\d+)", "work_order", "work_order", False),
    ("GET", r"/app/work/(\d+)/visits/(\d+)", "visit", "visit", False),
    ("GET", r"/app/customers/locations/(\d+)/?", "location", "location", False),
    (
        "GET",
        r"/app/customers/locations/(\d+)/equipment",
        "equipment",
        "equipment_pane",
        True,
    ),
    (
        "GET",
        r"/app/customers/locations/(\d+)/equipment/dispensers",
        "equipment_group",
        "equipment_group",
        True,
    ),
    ("POST", r"/app/customers/locations/(\d+)/check-in", "check_in", "check_in", True),
]
_COMPILED = [
    (method, re.compile(pattern), kind, handler, internal)
    for method, pattern, kind, handler, internal in ROUTES
]


@dataclass
class Request:
    method: str
    path: str
    query: str = ""
    form: dict = field(default_factory=dict)
    cookie: str | None = None  # the value of the session cookie
    headers: dict = field(default_factory=dict)


@dataclass
class Response:
    status: int
    body: str = ""
    headers: list = field(default_factory=list)
    delay: float = 0.0  # seconds to wait before answering
    # A session that replaces the request's (login, logout, a forced end);
    # the answer sets its cookie.
    session: object = None


def redirect(location):
    return Response(302, headers=[("Location", location)])


def _route(method, path):
    allowed = False
    for route_method, pattern, kind, handler, internal in _COMPILED:
        match = pattern.fullmatch(path)
        if match:
            if route_method == method:
                return kind, handler, match.groups(), internal
            allowed = True
    return ("not_allowed" if allowed else "not_found"), None, (), False


class Application:
    """Accounts, sessions, knobs and counters behind one lock."""

    def __init__(self, seed, profile_knobs):
        self.lock = threading.RLock()
        self.accounts = {}  # lower-cased email -> Account
        self.site_knobs = knobs.validated(profile_knobs)
        self.account_knobs = {}  # lower-cased email -> knobs
        self.sessions = SessionStore()
        self.throttle = LoginThrottle()
        self.stats = Stats()
        # Latency, failures and dialogs draw from this; the data does not.
        self.rng = random.Random(f"{seed}/serving")
        self.clock = time.monotonic

    def knobs_for(self, account=None):
        merged = dict(knobs.DEFAULTS)
        merged.update(self.site_knobs)
        if account is not None:
            merged.update(self.account_knobs.get(account.email.lower(), {}))
        return merged

    def _draw(self, bounds):
        low, high = bounds
        if high <= low:
            return low
        return self.rng.triangular(low, high, low + (high - low) / 3)

    def handle(self, request):
        kind, handler, args, internal = _route(request.method, request.path)
        with self.lock:
            now = self.clock()
            session = self._session(request.cookie, now)
            account = self.accounts.get(session.email) if session.email else None
            if handler == "submit_login":
                typed = request.form.get("email", "").strip().lower()
                knob_account = self.accounts.get(typed)
            else:
                knob_account = account
            current = self.knobs_for(knob_account)
            self.stats.request(kind, account.email if account else None)

            response = self._answer(
                request, kind, handler, args, internal, session, account, current, now
            )
            response.delay += self._draw(current["latency"])
            cookie_session = response.session or session
            if cookie_session.key != request.cookie:
                response.headers.append(("Set-Cookie", _cookie(cookie_session.key)))
            self.stats.latency(response.delay)
            self.stats.status(response.status)
            return response

    def _session(self, key, now):
        session = self.sessions.get(key)
        if session is not None:
            owner = self.accounts.get(session.email) if session.email else None
            timeout = self.knobs_for(owner)["session_idle_timeout"]
            if now - session.last_seen > timeout:
                self.sessions.end(session)
                if session.email:
                    self.stats.event("session_expired_idle")
                session = None
        if session is None:
            return self.sessions.create(now)
        session.last_seen = now
        return session

    def _answer(self, request, kind, handler, args, internal, session, account, k, now):
        if k["maintenance"]:
            return Response(503, pages.maintenance_page())
        if handler is None:
            status = 405 if kind == "not_allowed" else 404
            return Response(status, pages.error_page(status))

        if request.path.startswith("/app"):
            if account is None:
                if request.method == "GET" and not internal:
                    session.intended = _full_path(request)
                return redirect("/login")
            session.app_requests += 1
            limit = k["session_max_requests"]
            if limit and session.app_requests > limit:
                self.sessions.end(session)
                self.stats.event("session_ended_request_limit")
                response = redirect("/login")
                response.session = self.sessions.create(now)
                return response

        if not internal:
            refusal = self._refusal(session, k, now)
            if refusal:
                return refusal
        return getattr(self, handler)(request, session, account, k, now, *args)

    def _refusal(self, session, k, now):
        """A 429 or an injected 500 for a page request, or None."""
        if k["rate_limit"]:
            count, seconds = k["rate_limit"]
            while session.recent and now - session.recent[0] >= seconds:
                session.recent.popleft()
            if len(session.recent) >= count:
                wait = max(1, int(session.recent[0] + seconds - now + 0.999))
                response = Response(429, pages.error_page(429))
                response.headers.append(("Retry-After", str(wait)))
                return response
            session.recent.append(now)
        if k["error_rate"] and self.rng.random() < k["error_rate"]:
            return Response(500, pages.error_page(500))
        return None

    # Login ---------------------------------------------------------------

    def show_login(self, request, session, account, k, now):
        if account is not None:
            return redirect("/app/dashboard")
        return Response(200, pages.login_page(session.token))

    def submit_login(self, request, session, account, k, now):
        if request.form.get("_token") != session.token:
            return Response(419, pages.error_page(419))

        email = request.form.get("email", "").strip()
        key = email.lower()
        password = request.form.get("password", "")
        candidate = self.accounts.get(key)
        wait = self.throttle.retry_after(
            key, now, k["throttle_attempts"], k["throttle_window"]
        )
        if wait:
            self.stats.login(key, "throttled")
            page = pages.login_page(
                session.token, email=email, error=pages.THROTTLED.format(seconds=wait)
            )
            return Response(429, page)

        if (
            candidate is None
            or k["reject_password"]
            or not candidate.password_matches(password)
        ):
            self.throttle.failed(key, now, k["throttle_window"])
            self.stats.login(key, "refused")
            page = pages.login_page(session.token, email=email, error=pages.REJECTED)
            return Response(200, page)

        if k["disabled"]:
            self.stats.login(key, "refused")
            page = pages.login_page(session.token, email=email, error=pages.DISABLED)
            return Response(200, page)

        self.throttle.clear(key)
        if k["two_factor"]:
            self.stats.login(key, "two_factor")
            session.two_factor_email = key
            return redirect("/two-factor-challenge")

        self.stats.login(key, "accepted")
        # A new session id at login, so a cookie seen before login is worth
        # nothing after it.
        fresh = self.sessions.create(now)
        fresh.email = key
        self.sessions.end(session)
        response = redirect(session.intended or "/app/dashboard")
        response.session = fresh
        return response

    def show_two_factor(self, request, session, account, k, now):
        if not session.two_factor_email:
            return redirect("/login")
        return Response(200, pages.two_factor_page(session.token))

    def submit_two_factor(self, request, session, account, k, now):
        if request.form.get("_token") != session.token:
            return Response(419, pages.error_page(419))
        if not session.two_factor_email:
            return redirect("/login")
        page = pages.two_factor_page(session.token, error=pages.BAD_CODE)
        return Response(200, page)

    def logout(self, request, session, account, k, now):
        if request.form.get("_token") != session.token:
            return Response(419, pages.error_page(419))
        self.sessions.end(session)
        response = redirect("/login")
        response.session = self.sessions.create(now)
        return response

    # Application pages ---------------------------------------------------

    def app_root(self, request, session, account, k, now):
        return redirect("/app/dashboard")

    def dashboard(self, request, session, account, k, now):
        open_orders = [o for o in account.world_orders() if not o.completed]
        upcoming = sorted((o for o in open_orders if o.visit), key=worklist.sort_key)[
            :5
        ]
        page = pages.dashboard_page(
            account.name, session.token, len(open_orders), upcoming
        )
        return Response(200, page)

    def work_list(self, request, session, account, k, now):
        query = worklist.parse_query(request.query)
        return Response(200, worklist.shell_page(account.name, session.token, query))

    def work_list_rows(self, request, session, account, k, now):
        query = worklist.parse_query(request.query)
        orders = worklist.listed_orders(account.world_orders(), query)
        changed = knobs.markup_changed(k, "worklist")
        body = worklist.results_fragment(orders, query, changed_markup=changed)
        return Response(200, body, delay=self._draw(k["loader_delay"]))

    def work_order(self, request, session, account, k, now, order_id):
        order = account.find_order(order_id)
        if order is None:
            return Response(404, pages.error_page(404))
        return Response(200, pages.order_page(account.name, session.token, order))

    def visit(self, request, session, account, k, now, order_id, visit_id):
        order = account.find_order(order_id)
        if order is None or order.visit is None or order.visit.id != visit_id:
            return Response(404, pages.error_page(404))
        page = pages.visit_page(account.name, session.token, order, order.visit)
        return Response(200, page)

    def location(self, request, session, account, k, now, site_id):
        site = account.find_site(site_id)
        if site is None:
            return Response(404, pages.error_page(404))
        dialog = ""
        if k["dialog_rate"] and self.rng.random() < k["dialog_rate"]:
            dialog = k["dialog_on"]
            if dialog == "either":
                dialog = self.rng.choice(["location", "equipment"])
            self.stats.event("dialog_opened")
        page = equipment.location_page(account.name, session.token, site, dialog)
        return Response(200, page)

    def equipment_pane(self, request, session, account, k, now, site_id):
        site = account.find_site(site_id)
        if site is None:
            return Response(404, pages.error_page(404))
        body = equipment.pane_fragment(
            site,
            rows_after_expand=k["rows_after_expand"],
            changed_markup=knobs.markup_changed(k, "equipment"),
        )
        return Response(200, body, delay=self._draw(k["loader_delay"]))

    def equipment_group(self, request, session, account, k, now, site_id):
        site = account.find_site(site_id)
        if site is None:
            return Response(404, pages.error_page(404))
        dispensers, _ = site.equipment()
        changed = knobs.markup_changed(k, "equipment")
        return Response(200, equipment.dispenser_rows(dispensers, changed))

    def check_in(self, request, session, account, k, now, site_id):
        if request.headers.get("x-csrf-token") != session.token:
            return Response(419, pages.error_page(419))
        self.stats.event("check_in")
        return Response(204)


def _full_path(request):
    return f"{request.path}?{request.query}" if request.query else request.path


def _cookie(key):
    return f"{COOKIE}={key}; Path=/; HttpOnly; SameSite=Lax"
