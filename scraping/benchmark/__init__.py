"""The sync benchmark behind ``manage.py sync_benchmark``.

It syncs simulated WorkFossa accounts (the simulator's ``realistic``
latency by default) into a scratch database and reports, for each account
size, a first, an unchanged and a changed sync: wall time, pages, peak
memory of the browsers and of Python, and the floor the simulator's delays
impose. It adds a refused login, the database's query counts, and the
throughput of one worker on small accounts, for sizing. Timings are figures
to read, not pass/fail tests; ``targets`` says which of the project's
targets the run met.
"""

import logging
import os

from django.conf import settings
from django.db import connection

from scraping.benchmark.database import database_figures
from scraping.benchmark.sizing import worker_throughput
from scraping.benchmark.sync_cases import account_scenarios, refused_login
from scraping.benchmark.workspace import scratch_database, simulated_workfossa

logger = logging.getLogger(__name__)

# (orders, case, most multiples of the floor)
SYNC_TARGETS = ((100, "unchanged", 1.5), (100, "first", 2.0))
REFUSED_LOGIN_TARGET_S = 5.0


def run_benchmark(
    *,
    orders=(100, 1000),
    profile="realistic",
    browsers=None,
    sizing_accounts=5,
    database_orders=1000,
) -> dict:
    """Run every part of the benchmark and return its figures as one dict.

    Runs on a scratch database (see ``workspace``), never the configured
    one's data. ``browsers`` overrides ``SCRAPE_SITE_BROWSERS``.
    """
    browsers = browsers or settings.SCRAPE_SITE_BROWSERS
    with scratch_database():
        report = {
            "profile": profile,
            "site_browsers": browsers,
            "database_vendor": connection.vendor,
            "cpu_count": _cpu_count(),
        }
        with simulated_workfossa(profile, browsers=browsers) as simulator:
            syncs = [
                figures
                for count in orders
                for figures in account_scenarios(simulator, count)
            ]
            report["scenarios"] = [figures.as_dict() for figures in syncs]
            report["scenario_details"] = [figures.details() for figures in syncs]
            report["refused_login"] = refused_login(simulator)
            report["sizing"] = (
                worker_throughput(simulator, sizing_accounts)
                if sizing_accounts
                else None
            )
        report["database"] = database_figures(database_orders)
    report["targets"] = targets_met(report)
    return report


def targets_met(report: dict) -> list[dict]:
    """The project's targets that this run measured, each with ``met``."""
    found = []
    for orders, case, limit in SYNC_TARGETS:
        for scenario, detail in zip(
            report["scenarios"], report["scenario_details"], strict=True
        ):
            if (scenario["orders"], scenario["case"]) == (orders, case):
                ratio = scenario["ratio"]
                found.append(
                    {
                        "target": f"{case} sync of {orders} orders",
                        "figure": ratio,
                        "limit": limit,
                        "unit": "x floor",
                        "met": ratio is not None
                        and ratio <= limit
                        and detail["status"] == "succeeded",
                    }
                )
    refused = report["refused_login"]
    found.append(
        {
            "target": "refused login recorded",
            "figure": refused["seconds"],
            "limit": REFUSED_LOGIN_TARGET_S,
            "unit": "s",
            "met": refused["recorded"] and refused["seconds"] <= REFUSED_LOGIN_TARGET_S,
        }
    )
    return found


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0))
