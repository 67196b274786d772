from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts import crypto


class CredentialStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Not checked yet"
    VALID = "valid", "Accepted by WorkFossa"
    REJECTED = "rejected", "Refused by WorkFossa"
    THROTTLED = "throttled", "Locked out by WorkFossa for a while"
    ACTION_NEEDED = "action_needed", "Needs action on WorkFossa"


# A credential in one of these states is not used to log in until the user
# saves one that passes the check: retrying it gets the account locked out.
PAUSING_STATUSES = (
    CredentialStatus.REJECTED,
    CredentialStatus.THROTTLED,
    CredentialStatus.ACTION_NEEDED,
)


def default_sync_interval() -> int:
    """Minutes between syncs for a new credential (SYNC_INTERVAL_MINUTES)."""
    return settings.SYNC_INTERVAL_MINUTES


class WorkFossaCredential(models.Model):
    """A user's WorkFossa login, the password encrypted at rest.

    States (``status``):
    - unverified: saved but not checked (WorkFossa could not be reached, or
      saved with ``--no-verify``); the next sync tries it.
    - valid: the last login with it was accepted.
    - rejected: WorkFossa refused the password. Syncs stop until the user
      saves a password that passes the check.
    - throttled: WorkFossa locked the account after failed logins; syncs stop
      until ``throttled_until`` has passed or new credentials are saved.
    - action_needed: the login needs something only the user can do on
      WorkFossa (two-step verification, a disabled account).

    Saving a new password moves any state to unverified until it is checked.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workfossa_credential",
    )
    email = models.EmailField("WorkFossa email")
    # Fernet token; read it only through password_for_login().
    password_encrypted = models.TextField(editable=False)
    status = models.CharField(
        max_length=20,
        choices=CredentialStatus.choices,
        default=CredentialStatus.UNVERIFIED,
    )
    last_verified_at = models.DateTimeField(null=True, blank=True)
    # The last refused or failed login, worded for the user to read.
    last_login_error = models.TextField(blank=True)
    password_changed_at = models.DateTimeField(default=timezone.now)
    throttled_until = models.DateTimeField(null=True, blank=True)
    # WorkFossa's session cookies from the last sync, encrypted like the
    # password, so that the next sync can skip the login.
    session_encrypted = models.TextField(blank=True, editable=False)

    sync_interval_minutes = models.PositiveIntegerField(
        default=default_sync_interval,
        help_text="Minutes between scheduled syncs (at least 15).",
    )
    active_hours_start = models.TimeField(
        null=True, blank=True, help_text="Scheduled syncs start at this hour."
    )
    active_hours_end = models.TimeField(
        null=True, blank=True, help_text="Scheduled syncs stop after this hour."
    )
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE)
    # When the user was last emailed that syncs are paused, so that one
    # pause sends one email, not one per skipped slot.
    pause_notified_at = models.DateTimeField(null=True, blank=True)
    # When users and operators were emailed about a failure streak.
    failure_alert_sent_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "WorkFossa credential"
        constraints = [
            # More often than every 15 minutes would hammer WorkFossa.
            models.CheckConstraint(
                condition=models.Q(sync_interval_minutes__gte=15),
                name="credential_interval_at_least_15_minutes",
            ),
        ]

    def __str__(self):
        return f"WorkFossa login {self.email} of {self.user}"

    def __repr__(self):
        return f"<WorkFossaCredential {self.pk} {self.email} {self.status}>"

    def set_password(self, clear: str) -> None:
        """Store ``clear`` encrypted; the credential becomes unverified.

        Does not save. A stored WorkFossa session is dropped with the old
        password.
        """
        self.password_encrypted = crypto.encrypt(clear)
        self.password_changed_at = timezone.now()
        self.status = CredentialStatus.UNVERIFIED
        self.last_login_error = ""
        self.throttled_until = None
        self.session_encrypted = ""

    def password_for_login(self) -> str:
        """Return the clear password. Only code that logs in may call this.

        Raises ``crypto.UndecryptableSecret`` if it was encrypted with a key
        that is no longer configured.
        """
        return crypto.decrypt(self.password_encrypted)

    @property
    def is_paused(self) -> bool:
        """Whether syncs are held back until the user acts (or a wait ends)."""
        if self.status == CredentialStatus.THROTTLED and self.throttled_until:
            return self.throttled_until > timezone.now()
        return self.status in PAUSING_STATUSES
