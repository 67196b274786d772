from django.contrib import admin

from workorders.models import Dispenser, WorkOrder


class DispenserInline(admin.TabularInline):
    model = Dispenser
    extra = 0
    can_delete = False
    fields = [
        "position",
        "number",
        "title",
        "make",
        "model",
        "serial_number",
        "meter_type",
        "nozzles",
        "grades",
        "stand_alone_code",
        "extra",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WorkOrder)
class WorkOrderAdmin(admin.ModelAdmin):
    """Work orders as the last sync stored them; syncs own them, so read-only."""

    list_display = [
        "external_id",
        "owner",
        "status",
        "customer",
        "store_number",
        "city",
        "state",
        "next_visit_date",
        "last_changed_at",
    ]
    list_filter = ["status", "owner", "state"]
    search_fields = ["external_id", "customer", "store_number", "city"]
    list_select_related = ["owner"]
    date_hierarchy = "next_visit_date"
    inlines = [DispenserInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False
