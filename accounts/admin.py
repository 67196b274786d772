from django.contrib import admin

from accounts.models import WorkFossaCredential


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
    ]
    list_filter = ["status"]
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

    def has_add_permission(self, request):
        # A credential without a password makes no sense, and the admin must
        # never handle the password.
        return False
