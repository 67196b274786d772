"""A WorkFossa stand-in that serves every page of the site contract.

Tests, the demo and the benchmark point the scraper at this instead of the
real site. It uses only the standard library and knows nothing of the
product's models; a scraper that reads it correctly reads the site the
contract describes.

Usage::

    from scraping.simulator import Simulator

    sim = Simulator(seed=7, profile="fast")
    acct = sim.add_account("tech@example.com", "secret", orders=120,
                           name="Dana Reyes", sites=80)
    sim.start()                      # 127.0.0.1, a free port, daemon thread
    sim.base_url                     # "http://127.0.0.1:PORT"
    sim.configure(error_rate=0.1)    # for the whole site
    sim.configure("tech@example.com", two_factor=True)   # for one account
    acct.complete_orders(5)          # ids of orders that left the open list
    acct.add_orders(3)               # ids of new open orders
    acct.change_dispensers(count=2)  # ids of sites whose dispensers changed
    acct.set_password("new")
    acct.open_orders()               # ground truth, in list order
    acct.dispensers("4821")          # ground truth for one site
    sim.end_sessions()               # log everyone out now
    sim.stats; sim.reset_stats(); sim.stop()

``Simulator(seed=0, profile="fast", *, host="127.0.0.1", port=0,
today=None)``: the same seed and email give the same data on the same
``today`` (the date visits are counted from). ``config.build(config)`` and
``config.load_config(path)`` make one from a JSON config; ``DEMO_CONFIG``
holds the demo account demo@workfossa.test / demo-password with 40 orders.

Knobs
-----
Set for the whole site with ``configure(**knobs)``, for one account with
``configure(email, **knobs)`` or ``add_account(..., **knobs)``; an
account's setting wins. Unknown names raise TypeError.

``reject_password`` (False)
    Refuse the right password as if it were wrong (it counts towards the
    throttle).
``disabled`` (False)
    The right password gets "This account has been disabled...".
``two_factor`` (False)
    The right password leads to /two-factor-challenge; no code is accepted.
``throttle_attempts`` (5), ``throttle_window`` (900.0 seconds)
    After this many refused logins for one email within the window from the
    first, every attempt is answered 429 with "Too many login attempts..."
    until the window is over. ``throttle_attempts=None`` turns it off.
``latency`` ((0.0, 0.0) seconds, (low, high))
    Added to every request.
``loader_delay`` ((0.0, 0.0) seconds, (low, high))
    Added to the requests the work list and the Equipment tab make behind
    their loaders.
``error_rate`` (0.0, 0..1)
    Share of page requests answered 500 "Server Error". The requests the
    pages' scripts make never fail on purpose: the contract does not say
    how a page shows that.
``maintenance`` (False)
    Every request is answered 503 "Service Unavailable", "Be right back.".
``rate_limit`` (None, or (requests, seconds), or requests per second)
    More page requests than this from one session within the period are
    answered 429 "Too Many Requests" with Retry-After.
``session_idle_timeout`` (1200.0 seconds)
    A session unused for this long is gone; /app pages send to /login.
``session_max_requests`` (None, or a count)
    A logged-in session ends after this many /app requests (the scripts'
    requests count too); the next one is sent to /login.
``dialog_rate`` (0.0, 0..1) and ``dialog_on`` ("either")
    Share of location page views on which the blocking check-in dialog
    opens, and when: "location" (as the page loads), "equipment" (when the
    Equipment tab has loaded) or "either" (one of those, at random).
``changed_markup`` (False, True, "worklist" or "equipment")
    Serve the work list rows and/or the equipment groups in a redesigned
    markup that has none of the contract's classes.
``rows_after_expand`` (True)
    The Dispenser group's rows are fetched on the first click on its
    heading; False puts them in the pane, hidden, from the start.

Profiles (``PROFILES``) set ``latency`` and ``loader_delay`` for the site:
"fast" for tests (no latency, loader 0-20 ms), "realistic" for the demo and
the benchmark (150-450 ms a request, loader 0.5-2 s), "slow" (1-4 s, loader
2-8 s). Delays are drawn from a triangular distribution that peaks a third
of the way into the range.

Stats
-----
``sim.stats`` is a snapshot (a new dict each time)::

    {
      "requests": 57,                   # all requests
      "requests_by_page": {"login": 2, "login_submit": 1, "dashboard": 1,
                           "work_list": 2, "work_list_rows": 2,
                           "location": 20, "equipment": 20,
                           "equipment_group": 18, ...},
      "requests_by_account": {"tech@example.com": {"work_list": 2, ...}},
      "responses_by_status": {200: 50, 302: 5, 429: 2},
      "logins": {"tech@example.com": {"accepted": 1, "refused": 0,
                                      "throttled": 0, "two_factor": 0}},
      "events": {"dialog_opened": 3, "check_in": 0,
                 "session_expired_idle": 0, "session_ended_request_limit": 0},
      "latency_added_s": 4.21,          # latency and loader delay, seconds
    }

Page kinds: login, login_submit, two_factor, logout, dashboard, work_list,
work_list_rows, work_order, visit, location, equipment, equipment_group,
check_in, not_found, not_allowed. ``logins`` is keyed by the email as typed,
lower-cased, known or not; "refused" counts every refusal, throttled ones
included. ``requests_by_account`` counts requests made while logged in.
"""

from .account import Account
from .config import DEMO_CONFIG, build, load_config
from .knobs import DEFAULTS as KNOB_DEFAULTS
from .knobs import PROFILES
from .simulator import Simulator

__all__ = [
    "DEMO_CONFIG",
    "KNOB_DEFAULTS",
    "PROFILES",
    "Account",
    "Simulator",
    "build",
    "load_config",
]
