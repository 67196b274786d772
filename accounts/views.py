"""The WorkFossa credential page: save a login, or test one without saving."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts.access import owned_by
from accounts.crypto import UndecryptableSecret
from accounts.forms import CredentialForm
from accounts.models import WorkFossaCredential
from accounts.services import save_credential
from scraping.login_check import LoginCheck, check_login
from scraping.models import FailureKind

logger = logging.getLogger(__name__)

# "Test connection" saves nothing, so it words the outcomes its own way.
TEST_MESSAGES = {
    FailureKind.SITE_UNAVAILABLE: (
        "WorkFossa could not be reached or answered with an error, so the "
        "login could not be checked. Nothing was saved. Try again later."
    ),
    FailureKind.TIMED_OUT: (
        "WorkFossa took too long to answer, so the login could not be "
        "checked. Nothing was saved. Try again later."
    ),
}
UNREADABLE_PASSWORD = (
    "The saved password can no longer be read (the server's encryption key "
    "changed). Enter your WorkFossa password again."
)


@login_required
def credential(request):
    """Show and save the user's WorkFossa login.

    "Save" verifies a new email or password before storing it; a refused
    login is not stored. "Test connection" checks the entered password, or
    else the stored one, and stores nothing.
    """
    stored = owned_by(WorkFossaCredential.objects, request.user).first()
    if request.method != "POST":
        form = CredentialForm(stored=stored)
        return render(request, "accounts/credential.html", {"form": form})

    form = CredentialForm(request.POST, stored=stored)
    if not form.is_valid():
        return render(request, "accounts/credential.html", {"form": form})

    if "test" in request.POST:
        return test_connection(request, form)

    return save(request, form)


def login_password(form: CredentialForm) -> str | None:
    """The entered password, or else the stored one; None if unreadable."""
    if form.cleaned_data["password"]:
        return form.cleaned_data["password"]

    try:
        return form.stored.password_for_login()
    except UndecryptableSecret:
        form.add_error("password", UNREADABLE_PASSWORD)
        return None


def test_connection(request, form: CredentialForm):
    password = login_password(form)
    if password is None:
        return render(request, "accounts/credential.html", {"form": form})

    check = check_login(form.cleaned_data["email"], password)
    return render(
        request,
        "accounts/credential.html",
        {"form": form, "test": check, "test_message": test_message(check, form)},
    )


def test_message(check: LoginCheck, form: CredentialForm) -> str:
    which = "entered" if form.cleaned_data["password"] else "saved"
    if check.ok:
        return (
            f"WorkFossa accepted the email and the {which} password. Nothing was saved."
        )
    message = TEST_MESSAGES.get(check.kind, check.message)
    return f"Tested with the {which} password: {message}"


def save(request, form: CredentialForm):
    values = form.cleaned_data
    credential = form.stored
    if form.login_changed:
        password = login_password(form)
        if password is None:
            return render(request, "accounts/credential.html", {"form": form})

        credential, check = save_credential(request.user, values["email"], password)
        if credential is None:
            form.add_error("password", f"Not saved. {check.message}")
            return render(request, "accounts/credential.html", {"form": form})

        if check is not None and check.ok:
            messages.success(request, "Saved. WorkFossa accepted this login.")
        else:
            messages.warning(
                request,
                "Saved, but not checked yet: WorkFossa could not be reached or "
                "did not answer as expected. The next sync will check it.",
            )
    else:
        messages.success(request, "Saved.")

    credential.sync_interval_minutes = values["sync_interval_minutes"]
    credential.active_hours_start = values["active_hours_start"]
    credential.active_hours_end = values["active_hours_end"]
    credential.time_zone = values["time_zone"]
    credential.save(
        update_fields=[
            "sync_interval_minutes",
            "active_hours_start",
            "active_hours_end",
            "time_zone",
            "updated_at",
        ]
    )
    return redirect("credential")
