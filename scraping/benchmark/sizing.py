"""Throughput of one worker on many small accounts, for sizing a deployment.

A django-q2 worker runs one sync at a time. Most syncs of a small account
are hourly syncs with little or nothing changed, so the rate that counts is
that of unchanged syncs; the first syncs (which read every site) are shown
beside it.
"""

import logging
from statistics import mean

from scraping.benchmark.measure import timed_sync
from scraping.benchmark.workspace import account_user

logger = logging.getLogger(__name__)

SMALL_ACCOUNT_ORDERS = 10


def worker_throughput(simulator, accounts: int) -> dict:
    """Sync ``accounts`` small accounts twice each, one after another.

    Returns syncs per hour per worker (first and unchanged), the mean wall
    and CPU seconds per sync, and the memory one worker needs: its Python
    process plus the peak of its browsers.
    """
    users = [
        account_user(simulator, f"small-{index}", SMALL_ACCOUNT_ORDERS)[0]
        for index in range(accounts)
    ]
    rounds = {}
    for case in ("first", "unchanged"):
        rounds[case] = [
            timed_sync(simulator, user, orders=SMALL_ACCOUNT_ORDERS, case=case)
            for user in users
        ]
        logger.info(
            "%d small accounts, %s syncs: %.1f s each",
            accounts,
            case,
            mean(f.wall_s for f in rounds[case]),
        )

    every = rounds["first"] + rounds["unchanged"]
    unchanged_wall = mean(f.wall_s for f in rounds["unchanged"])
    first_wall = mean(f.wall_s for f in rounds["first"])
    python_mb = max(f.python_peak_mb for f in every)
    browser_mb = max(f.browser_peak_mb for f in every)
    return {
        "accounts": accounts,
        "orders_per_account": SMALL_ACCOUNT_ORDERS,
        "first_sync_s": round(first_wall, 2),
        "unchanged_sync_s": round(unchanged_wall, 2),
        "unchanged_cpu_s": round(mean(f.cpu_s for f in rounds["unchanged"]), 2),
        "first_cpu_s": round(mean(f.cpu_s for f in rounds["first"]), 2),
        "syncs_per_hour_per_worker": int(3600 / unchanged_wall),
        "first_syncs_per_hour_per_worker": int(3600 / first_wall),
        "worker_python_mb": round(python_mb, 1),
        "worker_browser_mb": round(browser_mb, 1),
        "worker_memory_mb": round(python_mb + browser_mb, 1),
        "failed_syncs": sum(1 for f in every if f.status != "succeeded"),
    }
