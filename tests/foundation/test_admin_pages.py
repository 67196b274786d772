"""The admin pages render for every model and never show a password."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import WorkFossaCredential
from scraping.models import FailureKind, RunStatus, ScrapeRun, Trigger
from workorders.models import Dispenser, WorkOrder

pytestmark = pytest.mark.django_db

PASSWORD = "hunter2-WorkFossa"


@pytest.fixture
def records(owner):
    credential = WorkFossaCredential(user=owner, email="dana@example.com")
    credential.set_password(PASSWORD)
    credential.save()
    now = timezone.now()
    order = WorkOrder.objects.create(
        owner=owner,
        external_id="129651",
        url="https://app.workfossa.com/app/work/129651",
        status="Scheduled",
        customer="Wawa",
        first_seen_at=now,
        last_seen_at=now,
        last_changed_at=now,
        fingerprint="f" * 64,
    )
    Dispenser.objects.create(
        work_order=order, number="1/2", title="1/2 - Regular - Gilbarco"
    )
    run = ScrapeRun.objects.create(
        user=owner,
        trigger=Trigger.SCHEDULE,
        status=RunStatus.FAILED,
        failure_kind=FailureKind.LOGIN_REJECTED,
        message="WorkFossa refused the email or password.",
        duration_seconds=4.2,
    )
    return credential, order, run


def admin_pages(credential, order, run):
    for model, obj in [
        ("accounts_workfossacredential", credential),
        ("workorders_workorder", order),
        ("scraping_scraperun", run),
    ]:
        yield reverse(f"admin:{model}_changelist")
        yield reverse(f"admin:{model}_change", args=[obj.pk])


def test_every_admin_page_renders_without_the_password(admin_client, records):
    for url in admin_pages(*records):
        response = admin_client.get(url)
        page = response.content.decode()

        assert response.status_code == 200, url
        assert PASSWORD not in page, url
        assert records[0].password_encrypted not in page, url


def test_run_list_shows_what_failed(admin_client, records):
    page = admin_client.get(reverse("admin:scraping_scraperun_changelist"))

    assert b"Login refused" in page.content
    assert b"4.2 s" in page.content


def test_a_work_order_shows_its_dispensers_inline(admin_client, records):
    order = records[1]

    page = admin_client.get(
        reverse("admin:workorders_workorder_change", args=[order.pk])
    )

    assert b"1/2 - Regular - Gilbarco" in page.content
