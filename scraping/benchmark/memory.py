"""Peak memory of this process and of the browsers it started.

Linux only: figures come from ``/proc``. The browsers' figure is the sum of
the proportional memory (PSS) of every process descended from this one,
which are chromedriver and Chromium with all its helper processes, sampled a
few times a second. PSS splits each shared page between the processes that
map it, so the sum is what the browsers really occupy; summing resident
memory (RSS) instead would count Chromium's shared libraries once per helper
process and about triple the figure. Where PSS cannot be read, RSS is used.
"""

import os
import threading
from pathlib import Path

PROC = Path("/proc")


def _status_kb(pid, field: str) -> int:
    """The ``field`` (e.g. "VmRSS") of /proc/<pid>/status in kB; 0 if gone."""
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _parents() -> dict[int, int]:
    """Every process's parent id, from one pass over /proc."""
    parents = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces.
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def descendants(root: int) -> list[int]:
    """Ids of the processes below ``root`` (children, their children, ...)."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def children_rss_mb(root: int | None = None) -> float:
    """Memory (PSS) of every process below ``root`` (default: this one)."""
    return _tree_sample(root or os.getpid())[0]


def _tree_sample(root: int) -> tuple[float, int]:
    """(MB of memory below ``root``, how many chromedrivers run below it)."""
    pids = descendants(root)
    used_kb = sum(_proportional_kb(pid) for pid in pids)
    # One chromedriver drives one browser, so they count the browsers.
    drivers = sum(1 for pid in pids if _command(pid) == "chromedriver")
    return used_kb / 1024, drivers


def _proportional_kb(pid) -> int:
    try:
        with open(PROC / str(pid) / "smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return _status_kb(pid, "VmRSS")


def _command(pid) -> str:
    try:
        return (PROC / str(pid) / "comm").read_text().strip()
    except OSError:
        return ""


class PeakMemory:
    """Measures peak memory over a block of code.

    ``browser_peak_mb``: the highest sum of the child processes' memory
    (PSS) seen by a sampling thread. ``python_peak_mb``: this process's
    high-water mark of resident memory (VmHWM), which the kernel keeps
    exactly; it is reset on entry where the kernel allows it, otherwise it
    is the peak since the process started. ``browsers_peak``: the most
    browsers seen running at once.
    """

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.browser_peak_mb = 0.0
        self.python_peak_mb = 0.0
        self.browsers_peak = 0
        self._stop = threading.Event()
        self._thread = None

    def __enter__(self):
        _reset_high_water_mark()
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._sample, name="peak-memory", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()
        self.python_peak_mb = _status_kb("self", "VmHWM") / 1024
        return False

    def _sample(self):
        while True:
            rss_mb, browsers = _tree_sample(os.getpid())
            self.browser_peak_mb = max(self.browser_peak_mb, rss_mb)
            self.browsers_peak = max(self.browsers_peak, browsers)
            if self._stop.wait(self.interval):
                return


def _reset_high_water_mark() -> None:
    # Writing 5 to clear_refs resets VmHWM to the current resident size
    # (Linux 4.0 and later); where that is refused the mark stays lifelong.
    try:
        (PROC / "self" / "clear_refs").write_text("5")
    except OSError:
        pass
