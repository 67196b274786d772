"""Signals the sync sends, for code that reacts to runs (emails, pausing).

``sync_finished(sender=ScrapeRun, run=run)`` is sent once at the end of
every run, whatever its status: succeeded, failed, skipped, and abandoned
(sent by the reaper when it gives up on a run). Receivers run in the
worker after the run is saved; an exception in a receiver is logged and
does not change the run.
"""

from django.dispatch import Signal

sync_finished = Signal()
