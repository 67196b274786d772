"""The CSV export of what the dashboard shows, with the dispensers."""

import csv
import io

import pytest
from django.urls import reverse

from tests.web.conftest import add_dispenser, make_order

pytestmark = pytest.mark.django_db


def exported(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_exports_the_filtered_orders_with_their_dispensers(owner, owner_client):
    wawa = make_order(owner, external_id="1", customer="Wawa")
    add_dispenser(wawa, number="1/2")
    add_dispenser(wawa, number="3/4")
    make_order(owner, external_id="2", customer="Shell")

    rows = exported(owner_client.get(reverse("export_csv"), {"q": "wawa"}))

    assert [row["id"] for row in rows] == ["1"]
    assert rows[0]["dispenser_count"] == "2"
    assert "1/2 - Regular, Diesel - Gilbarco" in rows[0]["dispensers"]
    assert "3/4" in rows[0]["dispensers"]


def test_it_exports_every_page_not_only_the_first(owner, owner_client):
    for index in range(60):
        make_order(owner, external_id=str(100 + index))

    rows = exported(owner_client.get(reverse("export_csv"), {"page": 2}))

    assert len(rows) == 60


def test_the_dashboard_links_the_export_with_its_filters(owner, owner_client):
    make_order(owner)

    page = owner_client.get(reverse("dashboard"), {"status": "Open", "page": 1})

    assert 'href="/orders/export.csv?status=Open"' in page.content.decode()


def test_a_stranger_exports_none_of_the_owners_orders(owner, stranger_client):
    make_order(owner, external_id="129651")

    rows = exported(stranger_client.get(reverse("export_csv")))

    assert rows == []
