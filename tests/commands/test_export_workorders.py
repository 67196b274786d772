"""manage.py export_workorders, on orders stored by hand."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from scraping.models import ScrapeRun, Trigger
from scraping.sync import apply_scrape
from tests.sync.records import scraped_order, site

pytestmark = pytest.mark.django_db

ORDER_KEYS = {
    "id",
    "status",
    "customer",
    "store_number",
    "site_id",
    "street",
    "city",
    "state",
    "zip",
    "county",
    "services",
    "next_visit",
    "created_by",
    "created_on",
    "instructions",
    "dispensers",
}
DISPENSER_KEYS = {
    "number",
    "title",
    "make",
    "model",
    "serial_number",
    "meter_type",
    "nozzles",
    "grades",
    "stand_alone_code",
    "extra",
}


@pytest.fixture
def stored(owner):
    run = ScrapeRun.objects.create(user=owner, trigger=Trigger.COMMAND)
    orders = [scraped_order(2), scraped_order(1, next_visit=None, site_id="9")]
    apply_scrape(owner, orders, {"4821": site("4821", 2), "9": site("9", 0)}, run=run)


def export(*args):
    out = io.StringIO()
    call_command("export_workorders", *args, stdout=out)
    return out.getvalue()


def test_json_lists_each_order_with_its_dispensers(owner, stored):
    orders = json.loads(export("dana"))

    assert [o["id"] for o in orders] == ["2", "1"]  # no visit comes last
    assert all(set(order) == ORDER_KEYS for order in orders)
    assert set(orders[0]["dispensers"][0]) == DISPENSER_KEYS
    assert [d["number"] for d in orders[0]["dispensers"]] == ["1/2", "3/4"]
    assert orders[1]["next_visit"] is None
    assert orders[1]["dispensers"] == []


def test_csv_has_one_row_per_order(owner, stored):
    rows = list(csv.DictReader(io.StringIO(export("dana", "--format", "csv"))))

    assert [row["id"] for row in rows] == ["2", "1"]
    assert rows[0]["dispenser_count"] == "2"
    assert rows[0]["store_number"] == "#38437"
    assert rows[0]["instructions"] == (
        "Calibrate all dispensers.\nCall the manager on arrival."
    )
    assert rows[1]["next_visit_date"] == ""


def test_other_users_orders_are_not_exported(owner, stranger, stored):
    assert json.loads(export("sam")) == []


def test_unknown_user_is_an_error(db):
    with pytest.raises(CommandError):
        export("nobody")
