from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and WorkFossa credentials"

    def ready(self):
        from accounts import signals
        from accounts.models import WorkFossaCredential

        pre_save.connect(
            signals.remember_previous_state,
            sender=WorkFossaCredential,
            dispatch_uid="credential_previous_state",
        )
        post_save.connect(
            signals.credential_saved,
            sender=WorkFossaCredential,
            dispatch_uid="credential_keeps_schedules",
        )
        post_delete.connect(
            signals.credential_deleted,
            sender=WorkFossaCredential,
            dispatch_uid="credential_removes_schedules",
        )
