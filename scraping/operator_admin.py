"""Operator tools for the admin: sync users now, see paused syncs, read a run.

The admin modules of the apps use these; kept apart so that the admin
classes stay a plain list of columns and filters.
"""

from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html

from accounts.models import PAUSING_STATUSES
from scraping.models import LOGIN_FAILURES, RunStatus, ScrapeRun, Trigger
from scraping.tasks import queue_sync


@admin.action(description="Sync the selected users now")
def sync_selected_users_now(modeladmin, request, queryset):
    """Queue a sync for the user of each selected credential.

    A paused user gets a skipped run that says why, as the scheduler would.
    """
    queued = skipped = 0
    for credential in queryset.select_related("user"):
        run = queue_sync(credential.user, Trigger.COMMAND)
        if run.status == RunStatus.SKIPPED:
            skipped += 1
        else:
            queued += 1
    modeladmin.message_user(
        request, f"Syncs queued or already running: {queued}.", messages.SUCCESS
    )
    if skipped:
        modeladmin.message_user(
            request,
            f"Skipped (login paused or missing): {skipped}; see their runs.",
            messages.WARNING,
        )


class PausedSyncsFilter(admin.SimpleListFilter):
    """Credentials whose syncs wait for the user (a refused, locked or
    blocked WorkFossa login)."""

    title = "syncs"
    parameter_name = "syncs"

    def lookups(self, request, model_admin):
        return [("paused", "Paused"), ("active", "Not paused")]

    def queryset(self, request, queryset):
        if self.value() == "paused":
            return queryset.filter(status__in=PAUSING_STATUSES)
        if self.value() == "active":
            return queryset.exclude(status__in=PAUSING_STATUSES)
        return queryset


class HeldRemovalFilter(admin.SimpleListFilter):
    """Runs that kept orders missing from the list, waiting for an operator
    to confirm the removal with ``scrape --allow-mass-removal``."""

    title = "removals"
    parameter_name = "removals"

    def lookups(self, request, model_admin):
        return [("held", "Held back for confirmation")]

    def queryset(self, request, queryset):
        if self.value() == "held":
            return queryset.exclude(withheld_removal_ids=[])
        return queryset


def with_paused_since(credentials):
    """Annotate ``paused_since``: when the user's last refused login was.

    While paused, runs are skipped without logging in, so the last run that
    failed on the login is the one that paused the syncs.
    """
    refusals = ScrapeRun.objects.filter(
        user=OuterRef("user"), failure_kind__in=LOGIN_FAILURES
    ).order_by("-queued_at")
    return credentials.annotate(
        paused_since=Subquery(refusals.values("finished_at")[:1])
    )


def paused_syncs_url() -> str:
    changelist = reverse("admin:accounts_workfossacredential_changelist")
    return f"{changelist}?syncs=paused"


def screenshot_in_place(run: ScrapeRun) -> str:
    if not run.screenshot:
        return "-"

    url = reverse("admin_run_screenshot", args=[run.pk])
    return format_html(
        '<a href="{}"><img src="{}" alt="Screenshot of run {}" '
        'style="max-width: 100%; border: 1px solid #ccc"></a>',
        url,
        url,
        run.pk,
    )


def step_log_table(run: ScrapeRun) -> str:
    return render_to_string(
        "scraping/_step_log.html", {"steps": run.step_log, "plain": True}
    )
