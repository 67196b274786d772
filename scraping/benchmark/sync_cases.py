"""The sync scenarios: first, unchanged and changed syncs, and a refused login."""

import logging
import time

from scraping.benchmark.measure import SyncFigures, timed_sync
from scraping.benchmark.workspace import account_user
from scraping.models import Trigger
from scraping.runner import sync_user

logger = logging.getLogger(__name__)

# The share of orders that changes upstream between the second and third sync:
# half of them completed (they leave the list), half new ones added.
CHANGED_SHARE = 0.05


def account_scenarios(simulator, orders: int) -> list[SyncFigures]:
    """Three timed syncs of one new account of ``orders`` open orders.

    ``first``: into an empty database, reading every site's dispensers.
    ``unchanged``: again, with nothing changed upstream. ``changed``: after
    ``CHANGED_SHARE`` of the orders were completed or added upstream.
    """
    user, account = account_user(simulator, f"bench-{orders}", orders)
    figures = []
    for case in ("first", "unchanged", "changed"):
        if case == "changed":
            changes = max(2, round(orders * CHANGED_SHARE))
            account.complete_orders(changes // 2)
            account.add_orders(changes - changes // 2)

        result = timed_sync(simulator, user, orders=orders, case=case)
        logger.info(
            "%d orders, %s sync: %.1f s (floor %.1f s), %s",
            orders,
            case,
            result.wall_s,
            result.floor_s,
            result.status,
        )
        figures.append(result)
    return figures


def refused_login(simulator) -> dict:
    """How long a sync takes to record that WorkFossa refused the password.

    Returns ``{"seconds": ..., "recorded": bool, "status": ...}``, seconds
    counted from the call until the run is finished with the refusal on
    the credential.
    """
    user, _ = account_user(simulator, "bench-refused", 3, reject_password=True)
    started = time.monotonic()
    run = sync_user(user, Trigger.COMMAND)
    seconds = time.monotonic() - started
    user.workfossa_credential.refresh_from_db()
    return {
        "seconds": round(seconds, 3),
        "recorded": run.failure_kind == "login_rejected"
        and user.workfossa_credential.status == "rejected",
        "status": run.status,
        "failure_kind": run.failure_kind,
    }
