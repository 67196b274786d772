"""apply_scrape: one complete scrape written to the database, fed by hand."""

import datetime
import json

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from scraping.sync import apply_scrape
from tests.sync.records import scraped_order, site
from workorders.export import order_as_dict, orders_for_export
from workorders.models import Dispenser, WorkOrder

pytestmark = pytest.mark.django_db


def exported(user) -> str:
    return json.dumps([order_as_dict(o) for o in orders_for_export(user)])


def first_sync(owner, run, count=3):
    orders = [
        scraped_order(100 + i, site_id="4821" if i < 2 else "77") for i in range(count)
    ]
    equipment = {"4821": site("4821", 2), "77": site("77", 3)}
    return orders, apply_scrape(owner, orders, equipment, run=run)


def test_first_sync_stores_orders_with_their_sites_dispensers(owner, run):
    _, result = first_sync(owner, run)

    assert result.created_ids == ["100", "101", "102"]
    assert [
        d.number for d in WorkOrder.objects.get(external_id="100").dispensers.all()
    ] == ["1/2", "3/4"]
    assert WorkOrder.objects.get(external_id="102").dispensers.count() == 3
    run.refresh_from_db()
    assert (run.orders_created, run.dispensers_written, run.sites_read) == (3, 7, 2)
    assert run.created_ids == ["100", "101", "102"]


def test_stored_order_exports_as_the_site_shows_it(owner, run):
    first_sync(owner, run, count=1)

    data = order_as_dict(WorkOrder.objects.get(external_id="100"))

    assert data["store_number"] == "#38437"
    assert data["services"] == [
        {"code": "2861", "quantity": 6, "name": "All Dispensers"}
    ]
    assert data["next_visit"] == {
        "date": "2026-12-08",
        "time": None,
        "note": "anytime",
        "visit_id": "88812",
    }
    assert (
        data["instructions"]
        == "Calibrate all dispensers.\nCall the manager on arrival."
    )
    dispenser = data["dispensers"][0]
    assert dispenser["grades"][-1] == {"code": "0999", "name": None}
    assert dispenser["extra"] == {"CARD READER": "Yes"}
    assert dispenser["nozzles"] == 6


def test_missing_values_export_as_null(owner, run):
    order = scraped_order(
        5,
        site_id=None,
        store_number=None,
        street=None,
        county=None,
        next_visit=None,
        instructions=None,
        services=(),
    )
    apply_scrape(owner, [order], {}, run=run)

    data = order_as_dict(WorkOrder.objects.get(external_id="5"))

    assert data["store_number"] is None
    assert data["street"] is None
    assert data["next_visit"] is None
    assert data["instructions"] is None
    assert data["site_id"] is None
    assert data["dispensers"] == []


def test_unchanged_orders_are_not_written(owner, run):
    orders, _ = first_sync(owner, run)
    before = {o.external_id: (o.pk, o.last_changed_at) for o in WorkOrder.objects.all()}

    with CaptureQueriesContext(connection) as queries:
        result = apply_scrape(owner, orders, {}, run=run)

    assert result.unchanged_count == 3
    assert (result.created_ids, result.updated_ids, result.removed_ids) == ([], [], [])
    after = {o.external_id: (o.pk, o.last_changed_at) for o in WorkOrder.objects.all()}
    assert after == before
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].startswith("SELECT") and "workorders_" in q["sql"]
    ]
    assert writes == []


def test_changed_order_is_rewritten_and_the_others_are_left_alone(owner, run):
    orders, _ = first_sync(owner, run)
    untouched = WorkOrder.objects.get(external_id="100")
    orders[1] = scraped_order(101, status="On Hold", instructions="Gate code 1234")

    result = apply_scrape(owner, orders, {}, run=run)

    assert result.updated_ids == ["101"]
    changed = WorkOrder.objects.get(external_id="101")
    assert (changed.status, changed.instructions) == ("On Hold", "Gate code 1234")
    assert changed.last_changed_at > untouched.last_changed_at
    assert (
        WorkOrder.objects.get(external_id="100").last_changed_at
        == untouched.last_changed_at
    )
    # Its site was not read in this run: its dispensers stay.
    assert changed.dispensers.count() == 2


def test_removed_order_takes_its_dispensers_with_it(owner, run):
    orders, _ = first_sync(owner, run)

    result = apply_scrape(owner, orders[:2], {}, run=run)

    assert result.removed_ids == ["102"]
    assert not WorkOrder.objects.filter(external_id="102").exists()
    assert Dispenser.objects.filter(work_order__external_id="102").count() == 0
    assert Dispenser.objects.count() == 4
    run.refresh_from_db()
    assert (run.orders_removed, run.removed_ids) == (1, ["102"])


def test_reading_a_site_refreshes_the_dispensers_of_every_order_at_it(owner, run):
    orders, _ = first_sync(owner, run)
    changed_site = site("4821", 1)
    stale = WorkOrder.objects.get(external_id="102").equipment_read_at

    result = apply_scrape(owner, orders, {"4821": changed_site}, run=run)

    assert result.dispensers_written == 2
    for external_id in ("100", "101"):
        order = WorkOrder.objects.get(external_id=external_id)
        assert [d.number for d in order.dispensers.all()] == ["1/2"]
        assert order.equipment_read_at > stale
    assert WorkOrder.objects.get(external_id="102").dispensers.count() == 3
    assert WorkOrder.objects.get(external_id="102").equipment_read_at == stale


def test_order_moved_to_a_site_not_read_loses_the_old_sites_dispensers(owner, run):
    orders, _ = first_sync(owner, run)
    orders[0] = scraped_order(100, site_id="900")

    apply_scrape(owner, orders, {}, run=run)

    moved = WorkOrder.objects.get(external_id="100")
    assert moved.dispensers.count() == 0
    assert moved.equipment_read_at is None
    assert WorkOrder.objects.get(external_id="101").dispensers.count() == 2


def test_site_without_dispensers_leaves_its_orders_without_any(owner, run):
    orders, _ = first_sync(owner, run)

    apply_scrape(owner, orders, {"77": site("77", 0)}, run=run)

    assert WorkOrder.objects.get(external_id="102").dispensers.count() == 0


def test_an_order_listed_twice_is_stored_once(owner, run):
    order = scraped_order(7)

    result = apply_scrape(owner, [order, order], {"4821": site("4821")}, run=run)

    assert result.created_ids == ["7"]
    assert WorkOrder.objects.count() == 1


def test_other_users_orders_are_not_touched(owner, stranger, run):
    first_sync(owner, run)
    apply_scrape(stranger, [scraped_order(100)], {"4821": site("4821", 1)}, run=run)

    assert WorkOrder.objects.filter(owner=owner).count() == 3
    assert WorkOrder.objects.get(owner=owner, external_id="100").dispensers.count() == 2


def test_a_failed_write_changes_nothing(owner, run):
    orders, _ = first_sync(owner, run)
    before = exported(owner)
    # Two dispensers with one number break dispenser_unique_number.
    broken = site("4821", 1)
    broken = broken.__class__("4821", broken.dispensers * 2)
    orders.append(scraped_order(200))

    with pytest.raises(IntegrityError):
        apply_scrape(owner, orders[1:], {"4821": broken}, run=run)

    assert exported(owner) == before


def many_orders(count, start=1000):
    return [scraped_order(start + i, site_id=str(start + i)) for i in range(count)]


def test_removing_more_than_half_of_many_orders_is_withheld(owner, run):
    orders = many_orders(12)
    apply_scrape(owner, orders, {}, run=run)

    result = apply_scrape(owner, orders[:5], {}, run=run)

    assert result.removed_ids == []
    assert result.withheld_removal_ids == [str(1000 + i) for i in range(5, 12)]
    assert WorkOrder.objects.filter(owner=owner).count() == 12
    run.refresh_from_db()
    assert len(run.withheld_removal_ids) == 7


def test_mass_removal_goes_through_when_allowed(owner, run):
    orders = many_orders(12)
    apply_scrape(owner, orders, {}, run=run)

    result = apply_scrape(owner, orders[:5], {}, run=run, allow_mass_removal=True)

    assert len(result.removed_ids) == 7
    assert WorkOrder.objects.filter(owner=owner).count() == 5


def test_removing_half_or_from_few_orders_is_not_withheld(owner, run):
    orders = many_orders(12)
    apply_scrape(owner, orders, {}, run=run)
    assert len(apply_scrape(owner, orders[:6], {}, run=run).removed_ids) == 6

    apply_scrape(
        owner, many_orders(10, start=5000), {}, run=run, allow_mass_removal=True
    )
    result = apply_scrape(owner, [], {}, run=run)
    assert len(result.removed_ids) == 10


def test_number_of_queries_does_not_grow_with_the_orders(owner, stranger, run):
    def count_queries(user, orders):
        equipment = {o.site_id: site(o.site_id, 2) for o in orders}
        with CaptureQueriesContext(connection) as queries:
            apply_scrape(user, orders, equipment, run=run)
        return len(queries)

    assert count_queries(owner, many_orders(3)) == count_queries(
        stranger, many_orders(30)
    )


def test_equipment_read_time_is_set_when_a_site_is_read(owner, run):
    first_sync(owner, run)

    read_at = WorkOrder.objects.get(external_id="100").equipment_read_at

    assert read_at is not None
    assert read_at > datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
