"""Receivers that keep a user's sync schedules in step with their credential.

Connected in ``AccountsConfig.ready``. The decisions live in
``scraping.handlers``; these only capture what the credential was before a
save, which ``post_save`` can no longer see.
"""

from accounts.models import WorkFossaCredential

# The stored values the sync side compares with after a save.
TRACKED_FIELDS = (
    "status",
    "throttled_until",
    "sync_interval_minutes",
    "password_changed_at",
)


def remember_previous_state(sender, instance: WorkFossaCredential, **kwargs):
    instance._state_before_save = (
        WorkFossaCredential.objects.filter(pk=instance.pk)
        .values(*TRACKED_FIELDS)
        .first()
        if instance.pk
        else None
    )


def credential_saved(sender, instance: WorkFossaCredential, raw=False, **kwargs):
    # Fixtures being loaded are not a user saving a login.
    if raw:
        return

    from scraping import handlers  # the scraping app depends on accounts

    previous = getattr(instance, "_state_before_save", None)
    handlers.credential_saved(instance, previous)


def credential_deleted(sender, instance: WorkFossaCredential, **kwargs):
    from scraping import handlers

    handlers.credential_deleted(instance.user_id)
