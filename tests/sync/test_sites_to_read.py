"""sites_to_read: which sites' equipment a run reads."""

import datetime

import pytest
from django.utils import timezone

from scraping.sync import apply_scrape, sites_to_read
from tests.sync.records import scraped_order, site
from workorders.models import WorkOrder

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced(owner, run):
    orders = [scraped_order(1, site_id="10"), scraped_order(2, site_id="20")]
    apply_scrape(owner, orders, {"10": site("10"), "20": site("20")}, run=run)
    return orders


def test_an_unchanged_account_reads_no_site(owner, synced):
    assert sites_to_read(owner, synced) == {}


def test_a_new_order_has_its_site_read(owner, synced):
    orders = [*synced, scraped_order(3, site_id="30")]

    assert list(sites_to_read(owner, orders)) == ["30"]


def test_a_new_order_at_a_known_site_has_that_site_read_again(owner, synced):
    orders = [*synced, scraped_order(3, site_id="10")]

    assert list(sites_to_read(owner, orders)) == ["10"]


def test_an_order_whose_site_changed_has_its_new_site_read(owner, synced):
    orders = [synced[0], scraped_order(2, site_id="99")]

    assert sites_to_read(owner, orders) == {"99": orders[1].site_url}


def test_equipment_older_than_the_maximum_age_is_read_again(owner, synced, settings):
    settings.EQUIPMENT_MAX_AGE_HOURS = 24
    WorkOrder.objects.filter(external_id="1").update(
        equipment_read_at=timezone.now() - datetime.timedelta(hours=25)
    )

    assert list(sites_to_read(owner, synced)) == ["10"]


def test_an_order_without_a_site_link_reads_nothing(owner):
    assert sites_to_read(owner, [scraped_order(1, site_id=None)]) == {}
