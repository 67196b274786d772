"""Recording a run as it goes: its steps, its progress and its log lines.

``RunRecorder`` writes each step to the run's row at once (outside any
transaction), so that a page watching the run sees it move. ``run_logging``
makes every log line emitted while a run is under way start with
``run=<id>``, including the lines of the scraper and of threads it starts.
"""

import contextlib
import contextvars
import logging
import threading
import time

from django.utils import timezone

from scraping.models import RunStatus, ScrapeRun
from scraping.signals import sync_finished

logger = logging.getLogger(__name__)

# Counters the scraper reports with its steps that the run keeps.
RUN_COUNTERS = ("pages_loaded", "orders_seen", "sites_read")

_current_run_id = contextvars.ContextVar("scrape_run_id", default=None)
_active_run_ids: set[int] = set()
_active_lock = threading.Lock()
_factory_installed = False


def _run_id_for_record() -> int | None:
    run_id = _current_run_id.get()
    if run_id is not None:
        return run_id

    # A thread the run started has no context of its own; when this process
    # runs one sync (a worker, a command), the line is that run's.
    with _active_lock:
        if len(_active_run_ids) == 1:
            return next(iter(_active_run_ids))
    return None


def _install_record_factory() -> None:
    global _factory_installed
    with _active_lock:
        if _factory_installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args, **kwargs):
            record = previous(*args, **kwargs)
            run_id = _run_id_for_record()
            # A line that already starts with "run=" names its run itself.
            if (
                run_id is not None
                and isinstance(record.msg, str)
                and not record.msg.startswith("run=")
            ):
                record.msg = f"run={run_id} {record.msg}"
            return record

        logging.setLogRecordFactory(factory)
        _factory_installed = True


@contextlib.contextmanager
def run_logging(run: ScrapeRun):
    """Within the block, every log line starts with ``run=<run id>``."""
    _install_record_factory()
    token = _current_run_id.set(run.pk)
    with _active_lock:
        _active_run_ids.add(run.pk)
    try:
        yield
    finally:
        with _active_lock:
            _active_run_ids.discard(run.pk)
        _current_run_id.reset(token)


def send_sync_finished(run: ScrapeRun) -> None:
    """Send ``sync_finished`` for ``run``; a failing receiver is only logged."""
    for receiver, outcome in sync_finished.send_robust(sender=ScrapeRun, run=run):
        if isinstance(outcome, Exception):
            logger.error(
                "run=%s sync_finished receiver %r failed",
                run.pk,
                receiver,
                exc_info=outcome,
            )


class RunRecorder:
    """Writes one run's steps, counters and outcome to its row.

    Every step appends ``{"at", "step", "message", "seconds"}`` to
    ``step_log`` (``seconds`` is filled in once the next step starts),
    sets ``current_step`` and saves at once, and calls ``progress(step,
    message)`` when given.
    """

    def __init__(self, run: ScrapeRun, progress=None):
        self.run = run
        self.progress = progress
        self._step_started = None

    def step(self, step: str, message: str, **counts) -> None:
        """Record that ``step`` started; ``counts`` update the run's counters.

        Counter names other than those of ``RUN_COUNTERS`` are ignored.
        """
        self._close_step()
        self._step_started = time.monotonic()
        self.run.step_log.append(
            {
                "at": timezone.now().isoformat(),
                "step": step,
                "message": message,
                "seconds": None,
            }
        )
        self.run.current_step = message[:200]
        fields = ["step_log", "current_step"]
        for name, value in counts.items():
            if name in RUN_COUNTERS and isinstance(value, int):
                setattr(self.run, name, value)
                fields.append(name)
        self.run.save(update_fields=fields)
        logger.info("step %s: %s", step, message)
        if self.progress is not None:
            self.progress(step, message)

    def start(self) -> None:
        """Move the run to running; raises IntegrityError if the user has one.

        The database's ``scraperun_one_running_per_user`` constraint is what
        refuses the second run, so two workers cannot both take the slot.
        """
        self.run.status = RunStatus.RUNNING
        self.run.started_at = timezone.now()
        self.run.save(update_fields=["status", "started_at"])

    def finish(self, status: str, message: str = "", kind: str = "") -> None:
        """Record the run's outcome; the run is then finished."""
        self._close_step()
        now = timezone.now()
        self.run.status = status
        self.run.failure_kind = kind
        self.run.message = message
        self.run.finished_at = now
        self.run.current_step = ""
        if self.run.started_at:
            self.run.duration_seconds = round(
                (now - self.run.started_at).total_seconds(), 3
            )
        self.run.save(
            update_fields=[
                "status",
                "failure_kind",
                "message",
                "finished_at",
                "current_step",
                "duration_seconds",
                "step_log",
            ]
        )

    def _close_step(self) -> None:
        if self._step_started is None or not self.run.step_log:
            return

        seconds = time.monotonic() - self._step_started
        self.run.step_log[-1]["seconds"] = round(seconds, 3)
        self._step_started = None
