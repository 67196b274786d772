"""Timing one sync: wall time, CPU, pages, browsers, memory and its floor."""

import os
import time
from dataclasses import asdict, dataclass

from scraping.benchmark.memory import PeakMemory
from scraping.models import Trigger
from scraping.runner import sync_user


@dataclass
class SyncFigures:
    """What one timed sync cost.

    ``floor_s`` is the delay the simulator added to its answers divided by
    the browsers that read in parallel: no scraper can finish sooner without
    skipping pages. ``ratio`` is ``wall_s / floor_s``.
    """

    orders: int
    case: str
    wall_s: float
    floor_s: float
    ratio: float | None
    pages: int
    browser_peak_mb: float
    python_peak_mb: float
    browsers: int
    requests: int
    cpu_s: float
    status: str
    failure_kind: str

    def as_dict(self) -> dict:
        """The figures of a row of ``scenarios`` in the benchmark's JSON."""
        return _rounded(asdict(self), SCENARIO_KEYS)

    def details(self) -> dict:
        """The rest, for a row of ``scenario_details``: how the sync went."""
        return _rounded(asdict(self), ("orders", "case") + DETAIL_KEYS)


# The JSON's ``scenarios`` rows hold exactly these; the rest of a sync's
# figures are in ``scenario_details``, so that tools reading the first can
# rely on its shape.
SCENARIO_KEYS = (
    "orders",
    "case",
    "wall_s",
    "floor_s",
    "ratio",
    "pages",
    "browser_peak_mb",
    "python_peak_mb",
)
DETAIL_KEYS = ("browsers", "requests", "cpu_s", "status", "failure_kind")


def _rounded(figures: dict, keys) -> dict:
    return {
        key: round(figures[key], 3) if isinstance(figures[key], float) else figures[key]
        for key in keys
    }


def timed_sync(simulator, user, *, orders: int, case: str) -> SyncFigures:
    """Run ``sync_user`` for ``user`` once, measured; returns its figures."""
    simulator.reset_stats()
    cpu_before = _cpu_seconds()
    with PeakMemory() as memory:
        started = time.monotonic()
        run = sync_user(user, Trigger.COMMAND)
        wall = time.monotonic() - started
    cpu = _cpu_seconds() - cpu_before

    stats = simulator.stats
    browsers = max(memory.browsers_peak, 1)
    floor = stats["latency_added_s"] / browsers
    return SyncFigures(
        orders=orders,
        case=case,
        wall_s=wall,
        floor_s=floor,
        ratio=wall / floor if floor > 0 else None,
        pages=run.pages_loaded,
        browser_peak_mb=memory.browser_peak_mb,
        python_peak_mb=memory.python_peak_mb,
        browsers=browsers,
        requests=stats["requests"],
        cpu_s=cpu,
        status=run.status,
        failure_kind=run.failure_kind,
    )


def _cpu_seconds() -> float:
    # The children's share counts browsers once they have been waited for,
    # which every sync does when it quits them.
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system
