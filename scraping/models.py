from django.conf import settings
from django.db import models
from django.utils import timezone


class Trigger(models.TextChoices):
    SCHEDULE = "schedule", "Schedule"
    USER = "user", "Sync now"
    COMMAND = "command", "Command"
    RETRY = "retry", "Retry"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Skipped"
    ABANDONED = "abandoned", "Abandoned"


class FailureKind(models.TextChoices):
    LOGIN_REJECTED = "login_rejected", "Login refused"
    LOGIN_THROTTLED = "login_throttled", "Login locked out"
    ACTION_NEEDED = "action_needed", "Action needed on WorkFossa"
    SITE_UNAVAILABLE = "site_unavailable", "WorkFossa unavailable"
    TIMED_OUT = "timed_out", "Timed out"
    PAGE_NOT_AS_EXPECTED = "page_not_as_expected", "Page not as expected"
    INCOMPLETE_LIST = "incomplete_list", "Incomplete list"
    BROWSER_FAILURE = "browser_failure", "Browser failure"
    DATABASE_ERROR = "database_error", "Database error"
    INTERNAL_ERROR = "internal_error", "Internal error"


# Failures about the WorkFossa login itself: retrying them cannot help and
# can lock the account, so they pause the user's syncs.
LOGIN_FAILURES = (
    FailureKind.LOGIN_REJECTED,
    FailureKind.LOGIN_THROTTLED,
    FailureKind.ACTION_NEEDED,
)

FINISHED_STATUSES = (
    RunStatus.SUCCEEDED,
    RunStatus.FAILED,
    RunStatus.SKIPPED,
    RunStatus.ABANDONED,
)


class ScrapeRun(models.Model):
    """One attempted sync of one user's WorkFossa account.

    States: queued (created when the sync is asked for) -> running (the
    worker took it) -> succeeded or failed. A sync that must not run (the
    user is paused, another sync is running) goes from queued to skipped.
    A run left running by a worker that died is marked abandoned once past
    the sync time-out. Only a succeeded run changes work orders.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scrape_runs",
    )
    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    status = models.CharField(
        max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    failure_kind = models.CharField(
        max_length=30, choices=FailureKind.choices, blank=True
    )
    # What happened, worded for the technician; never holds a secret.
    message = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)

    # Progress, updated at each step while the run goes on.
    current_step = models.CharField(max_length=200, blank=True)
    orders_seen = models.PositiveIntegerField(default=0)
    orders_created = models.PositiveIntegerField(default=0)
    orders_updated = models.PositiveIntegerField(default=0)
    orders_unchanged = models.PositiveIntegerField(default=0)
    orders_removed = models.PositiveIntegerField(default=0)
    dispensers_written = models.PositiveIntegerField(default=0)
    pages_loaded = models.PositiveIntegerField(default=0)
    sites_read = models.PositiveIntegerField(default=0)

    # WorkFossa ids (digits) of the orders this run changed.
    created_ids = models.JSONField(default=list, blank=True)
    updated_ids = models.JSONField(default=list, blank=True)
    removed_ids = models.JSONField(default=list, blank=True)
    # Orders a run would have removed but kept, because it would have removed
    # more than half of them; an operator confirms with --allow-mass-removal.
    withheld_removal_ids = models.JSONField(default=list, blank=True)

    # [{"at": ISO time, "step": "login", "message": "...", "seconds": 1.2}]
    step_log = models.JSONField(default=list, blank=True)
    screenshot = models.FileField(upload_to="runs/screenshots/", blank=True)
    page_html = models.FileField(upload_to="runs/pages/", blank=True)

    class Meta:
        ordering = ["-queued_at"]
        constraints = [
            # Two syncs of one account at once would race on its orders and
            # log in twice; the database refuses the second one.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="running"),
                name="scraperun_one_running_per_user",
            ),
        ]
        indexes = [
            # Run history and "last successful sync" of one user.
            models.Index(fields=["user", "-queued_at"], name="scraperun_user_time_idx"),
            # The reaper and the admin look runs up by status.
            models.Index(fields=["status", "started_at"], name="scraperun_status_idx"),
        ]

    def __str__(self):
        return f"Sync {self.pk} of {self.user} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def is_login_failure(self) -> bool:
        return self.failure_kind in LOGIN_FAILURES
