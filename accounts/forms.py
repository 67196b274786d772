"""The WorkFossa credential form."""

from django import forms
from django.contrib.auth.forms import PasswordChangeForm

from accounts.models import WorkFossaCredential

MIN_INTERVAL_MINUTES = 15


class CredentialForm(forms.Form):
    """Email, password and sync schedule of a user's WorkFossa login.

    The password field is never filled in from the stored one: an empty
    password keeps what is stored. ``stored`` is the user's existing
    credential or None; without one a password is required.
    """

    email = forms.EmailField(
        label="WorkFossa email",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    password = forms.CharField(
        label="WorkFossa password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "new-password"}
        ),
    )
    sync_interval_minutes = forms.IntegerField(
        label="Minutes between syncs",
        min_value=MIN_INTERVAL_MINUTES,
        max_value=24 * 60,
        initial=60,
    )
    active_hours_start = forms.TimeField(
        label="Sync from",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text="Empty: from midnight. Leave both empty to sync around the clock.",
    )
    active_hours_end = forms.TimeField(
        label="Sync until",
        required=False,
        help_text="Empty: until midnight. Before the start time: through the night.",
        widget=forms.TimeInput(attrs={"type": "time"}),
    )

    def __init__(self, *args, stored: WorkFossaCredential | None, **kwargs):
        if stored is not None:
            kwargs.setdefault(
                "initial",
                {
                    "email": stored.email,
                    "sync_interval_minutes": stored.sync_interval_minutes,
                    "active_hours_start": stored.active_hours_start,
                    "active_hours_end": stored.active_hours_end,
                },
            )
        super().__init__(*args, **kwargs)
        self.stored = stored
        if stored is not None:
            self.fields[
                "password"
            ].help_text = "A password is saved. Leave this empty to keep it."
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def clean(self):
        values = super().clean()
        if self.stored is None and not values.get("password"):
            self.add_error("password", "Enter your WorkFossa password.")

        return values

    @property
    def login_changed(self) -> bool:
        """Whether the email or password differs from the stored credential."""
        values = self.cleaned_data
        if self.stored is None or values.get("password"):
            return True
        return values["email"] != self.stored.email


class StyledPasswordChangeForm(PasswordChangeForm):
    """Django's password change form with the page's input style."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
