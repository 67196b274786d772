"""Sync now, and its progress panel polled by htmx until the run ends."""

import pytest
from django.urls import reverse

from accounts.models import CredentialStatus
from scraping.models import RunStatus, ScrapeRun, Trigger
from tests.web.conftest import make_credential, make_order, make_run

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_sync_now_queues_a_sync_and_shows_its_progress(owner, owner_client):
    make_credential(owner)

    response = owner_client.post(reverse("sync_now"), **HTMX)

    run = ScrapeRun.objects.get(user=owner)
    assert run.trigger == Trigger.USER
    assert run.status == RunStatus.QUEUED
    page = response.content.decode()
    assert f'hx-get="{reverse("run_progress", args=[run.pk])}"' in page
    assert 'hx-trigger="every 2s"' in page
    # The status strip comes along: its button now says a sync is running.
    assert "Sync running…" in page
    assert 'hx-swap-oob="true"' in page


def test_pressing_it_again_while_one_runs_starts_no_other(owner, owner_client):
    make_credential(owner)

    owner_client.post(reverse("sync_now"), **HTMX)
    owner_client.post(reverse("sync_now"), **HTMX)

    assert ScrapeRun.objects.filter(user=owner).count() == 1


def test_while_a_sync_runs_every_page_says_so_instead_of_offering_the_button(
    owner, owner_client
):
    make_credential(owner)
    make_run(owner, status=RunStatus.RUNNING, finished_at=None, current_step="login")

    page = owner_client.get(reverse("dashboard")).content.decode()

    assert "Sync running…" in page
    assert ">Sync now<" not in page
    assert "login" in page


def test_without_htmx_it_goes_to_the_runs_page(owner, owner_client):
    make_credential(owner)

    response = owner_client.post(reverse("sync_now"))

    run = ScrapeRun.objects.get(user=owner)
    assert response["Location"] == reverse("run_detail", args=[run.pk])


def test_a_paused_user_is_told_why_nothing_ran(owner, owner_client):
    make_credential(owner, status=CredentialStatus.REJECTED)

    response = owner_client.post(reverse("sync_now"), **HTMX)

    run = ScrapeRun.objects.get(user=owner)
    assert run.status == RunStatus.SKIPPED
    assert "Sync skipped" in response.content.decode()
    assert 'hx-trigger="every 2s"' not in response.content.decode()


def test_progress_shows_the_step_and_the_orders_and_sites_read(owner, owner_client):
    run = make_run(
        owner,
        status=RunStatus.RUNNING,
        finished_at=None,
        current_step="Reading site 4821",
        orders_seen=37,
        sites_read=12,
    )

    response = owner_client.get(reverse("run_progress", args=[run.pk]), **HTMX)

    page = response.content.decode()
    assert "Reading site 4821" in page
    assert "37 orders read" in page
    assert "12 sites read" in page
    assert 'hx-trigger="every 2s"' in page


def test_a_finished_run_stops_polling_and_shows_what_changed(owner, owner_client):
    make_credential(owner)
    make_order(owner, external_id="700001")
    run = make_run(
        owner,
        orders_seen=40,
        orders_created=1,
        orders_updated=1,
        orders_removed=1,
        created_ids=["700001"],
        updated_ids=["700002"],
        removed_ids=["600009"],
    )

    response = owner_client.get(reverse("run_progress", args=[run.pk]), **HTMX)

    page = response.content.decode()
    assert "hx-trigger" not in page.split('id="sync-strip"')[0]
    assert "Sync finished" in page
    assert "1 new, 1 changed, 1 removed" in page
    assert f'href="{reverse("work_order", args=["700001"])}"' in page
    assert f'href="{reverse("work_order", args=["700002"])}"' in page
    assert "W-600009" in page
    # The strip is refreshed: the button is back.
    assert ">Sync now<" in page


def test_a_failed_run_says_what_went_wrong(owner, owner_client):
    run = make_run(
        owner,
        status=RunStatus.FAILED,
        failure_kind="timed_out",
        message="WorkFossa took too long to answer. The sync will try again.",
    )

    page = owner_client.get(reverse("run_progress", args=[run.pk])).content.decode()

    assert "Sync failed: Timed out" in page
    assert "WorkFossa took too long to answer" in page


def test_a_stranger_gets_404_for_the_progress_of_the_owners_run(owner, stranger_client):
    run = make_run(owner)

    response = stranger_client.get(reverse("run_progress", args=[run.pk]))

    assert response.status_code == 404


def test_sync_now_only_answers_a_post(owner_client):
    assert owner_client.get(reverse("sync_now")).status_code == 405
