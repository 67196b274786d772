"""Records and signed-in clients for the web tests."""

import datetime
import itertools

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.models import RunStatus, ScrapeRun, Trigger
from workorders.models import Dispenser, WorkOrder

STORED_PASSWORD = "Stored-Pa55word!"
_ids = itertools.count(500001)


@pytest.fixture
def owner_client(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(stranger):
    client = Client()
    client.force_login(stranger)
    return client


def make_order(owner, **fields) -> WorkOrder:
    """A stored work order with plausible content; ``fields`` override it."""
    external_id = fields.pop("external_id", None) or str(next(_ids))
    now = timezone.now()
    values = {
        "url": f"https://app.workfossa.com/app/work/{external_id}",
        "status": "Scheduled",
        "customer": "Wawa",
        "site_id": "4821",
        "site_url": "https://app.workfossa.com/app/customers/locations/4821/",
        "store_number": "38437",
        "street": "1801 N Dale Mabry Hwy",
        "city": "Tampa",
        "state": "FL",
        "zip_code": "33607",
        "county": "Hillsborough County",
        "services": [{"code": "2861", "quantity": 6, "name": "All Dispensers"}],
        "service_codes": " 2861 ",
        "next_visit_date": timezone.localdate() + datetime.timedelta(days=3),
        "first_seen_at": now,
        "last_seen_at": now,
        "last_changed_at": now,
        "fingerprint": "f" * 64,
    }
    values.update(fields)
    return WorkOrder.objects.create(owner=owner, external_id=external_id, **values)


def add_dispenser(order, number="1/2", **fields) -> Dispenser:
    values = {
        "title": f"{number} - Regular, Diesel - Gilbarco",
        "make": "Gilbarco",
        "model": "Encore 700 S",
        "serial_number": f"GB{order.external_id}{number.replace('/', '')}",
        "meter_type": "HD Meter",
        "nozzles": 6,
        "grades": [
            {"code": "0126", "name": "Regular"},
            {"code": "0118", "name": "Diesel"},
        ],
        "stand_alone_code": "0001",
        "extra": {"BLEND RATIO": "50/50"},
        "position": order.dispensers.count(),
    }
    values.update(fields)
    return Dispenser.objects.create(work_order=order, number=number, **values)


def make_run(user, **fields) -> ScrapeRun:
    now = timezone.now()
    values = {
        "trigger": Trigger.SCHEDULE,
        "status": RunStatus.SUCCEEDED,
        "queued_at": now,
        "started_at": now,
        "finished_at": now,
        "duration_seconds": 12.5,
    }
    values.update(fields)
    return ScrapeRun.objects.create(user=user, **values)


def make_credential(user, status=CredentialStatus.VALID, **fields):
    credential = WorkFossaCredential(user=user, email="tech@example.com")
    credential.set_password(STORED_PASSWORD)
    credential.status = status
    for name, value in fields.items():
        setattr(credential, name, value)
    credential.save()
    return credential
