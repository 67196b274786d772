"""The WorkFossa credential form."""

import zoneinfo
from functools import cache

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm

from accounts.models import WorkFossaCredential

MIN_INTERVAL_MINUTES = 15


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(zoneinfo.available_timezones() - {"localtime"})
    return [(zone, zone.replace("_", " ")) for zone in zones]


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
    time_zone = forms.TypedChoiceField(
        label="Time zone of these hours",
        choices=time_zone_choices,
        help_text="Where you work: the hours above are read in this time zone.",
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
                    "time_zone": stored.time_zone,
                },
            )
        kwargs.setdefault("initial", {}).setdefault("time_zone", settings.TIME_ZONE)
        super().__init__(*args, **kwargs)
        self.stored = stored
        if stored is not None:
            self.fields[
                "password"
            ].help_text = "A password is saved. Leave this empty to keep it."
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
        self.fields["time_zone"].widget.attrs["class"] = "form-select"

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
