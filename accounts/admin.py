from django.contrib import admin

from accounts.models import WorkFossaCredential
from scraping.operator_admin import (
    PausedSyncsFilter,
    sync_selected_users_now,
    with_paused_since,
)


@admin.register(WorkFossaCredential)
class WorkFossaCredentialAdmin(admin.ModelAdmin):
    """Credentials with their state. The password is never shown or editable
    here: only its owner sets it, through the credential form or
    ``manage.py set_credentials``."""

    list_display = [
        "user",
        "email",
        "status",
        "last_verified_at",
        "password_changed_at",
        "sync_interval_minutes",
        "paused_since",
        "last_login_error",
    ]
    list_filter = [PausedSyncsFilter, "status"]
    actions = [sync_selected_users_now]
    search_fields = ["user__username", "email"]
    list_select_related = ["user"]
    fields = [
        "user",
        "email",
        "status",
        "last_login_error",
        "last_verified_at",
        "password_changed_at",
        "throttled_until",
        "sync_interval_minutes",
        "active_hours_start",
        "active_hours_end",
        "time_zone",
        "pause_notified_at",
        "failure_alert_sent_at",
    ]
    readonly_fields = [
        "user",
        "status",
        "last_login_error",
        "last_verified_at",
        "password_changed_at",
        "throttled_until",
        "pause_notified_at",
        "failure_alert_sent_at",
    ]

    def get_queryset(self, request):
        return with_paused_since(super().get_queryset(request))

    @admin.display(description="Paused since", ordering="paused_since")
    def paused_since(self, credential):
        return credential.paused_since if credential.is_paused else None

    def has_add_permission(self, request):
        # A credential without a password makes no sense, and the admin must
        # never handle the password.
        return False
