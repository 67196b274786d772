"""The operators' tools in the admin: run evidence, sync now, paused syncs."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.models import FailureKind, RunStatus, ScrapeRun, Trigger
from tests.web.conftest import make_credential, make_run

pytestmark = pytest.mark.django_db


def test_a_runs_admin_page_shows_the_screenshot_and_the_step_log(admin_client, owner):
    run = make_run(
        owner,
        status=RunStatus.FAILED,
        step_log=[
            {
                "at": "2026-12-08T14:05:03+00:00",
                "step": "login",
                "message": "Logging in",
                "seconds": 2.5,
            },
        ],
    )
    run.screenshot.save("run.png", ContentFile(b"\x89PNG fake"))

    response = admin_client.get(
        reverse("admin:scraping_scraperun_change", args=[run.pk])
    )

    page = response.content.decode()
    assert f'<img src="{reverse("admin_run_screenshot", args=[run.pk])}"' in page
    assert "<td>Logging in</td>" in page


def test_the_action_syncs_the_selected_users_now(admin_client, owner, stranger):
    make_credential(owner)
    make_credential(stranger, status=CredentialStatus.REJECTED)

    response = admin_client.post(
        reverse("admin:accounts_workfossacredential_changelist"),
        {
            "action": "sync_selected_users_now",
            "_selected_action": list(
                WorkFossaCredential.objects.values_list("pk", flat=True)
            ),
        },
        follow=True,
    )

    assert ScrapeRun.objects.get(user=owner).status == RunStatus.QUEUED
    assert ScrapeRun.objects.get(user=stranger).status == RunStatus.SKIPPED
    assert ScrapeRun.objects.get(user=owner).trigger == Trigger.COMMAND
    page = response.content.decode()
    assert "Syncs queued or already running: 1." in page
    assert "Skipped (login paused or missing): 1" in page


def test_paused_syncs_lists_the_paused_users_with_why(admin_client, owner, stranger):
    make_credential(owner)
    make_credential(
        stranger,
        status=CredentialStatus.REJECTED,
        last_login_error="WorkFossa refused the email or password.",
    )
    make_run(stranger, status=RunStatus.FAILED, failure_kind=FailureKind.LOGIN_REJECTED)

    response = admin_client.get(
        reverse("admin:accounts_workfossacredential_changelist"), {"syncs": "paused"}
    )

    listed = [credential.user for credential in response.context["cl"].result_list]
    assert listed == [stranger]
    assert "WorkFossa refused the email or password." in response.content.decode()
    assert response.context["cl"].result_list[0].paused_since is not None


def test_runs_that_held_back_a_mass_removal_can_be_listed(admin_client, owner):
    make_run(owner)
    held = make_run(owner, withheld_removal_ids=["129651", "129652"])

    response = admin_client.get(
        reverse("admin:scraping_scraperun_changelist"), {"removals": "held"}
    )

    assert list(response.context["cl"].result_list) == [held]
