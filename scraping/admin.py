from django.contrib import admin

from scraping import operator_admin
from scraping.models import ScrapeRun


@admin.register(ScrapeRun)
class ScrapeRunAdmin(admin.ModelAdmin):
    """Sync history, newest first, made for finding out why syncs fail."""

    list_display = [
        "id",
        "queued_at",
        "user",
        "trigger",
        "status",
        "failure_kind",
        "duration",
        "orders_seen",
        "orders_created",
        "orders_updated",
        "orders_unchanged",
        "orders_removed",
        "dispensers_written",
        "sites_read",
        "pages_loaded",
    ]
    list_filter = [
        "status",
        "failure_kind",
        "trigger",
        operator_admin.HeldRemovalFilter,
        "user",
        "queued_at",
    ]
    search_fields = ["user__username", "message"]
    list_select_related = ["user"]
    date_hierarchy = "queued_at"
    ordering = ["-queued_at"]

    def get_readonly_fields(self, request, obj=None):
        fields = [field.name for field in self.model._meta.fields]
        return fields + ["screenshot_in_place", "step_log_table"]

    @admin.display(description="Screenshot at the failure")
    def screenshot_in_place(self, run):
        return operator_admin.screenshot_in_place(run)

    @admin.display(description="Step log")
    def step_log_table(self, run):
        return operator_admin.step_log_table(run)

    def has_add_permission(self, request):
        return False

    @admin.display(description="Duration", ordering="duration_seconds")
    def duration(self, run):
        if run.duration_seconds is None:
            return "-"
        return f"{run.duration_seconds:.1f} s"
