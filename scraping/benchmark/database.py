"""The database side of a sync and of the dashboard, counted in queries.

Saving a scrape is done in bulk, so its query count depends on the
database's batch sizes, not on the number of rows; the dashboard shows one
page of orders, so its query count does not depend on how many a user has.
Each figure is taken at two sizes so that the report shows both claims.
"""

import datetime
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from scraping.models import ScrapeRun, Trigger
from scraping.records import (
    Grade,
    ScrapedDispenser,
    ScrapedWorkOrder,
    Service,
    SiteEquipment,
    Visit,
)
from scraping.sync import apply_scrape

DISPENSERS_PER_SITE = 8


def database_figures(orders: int) -> dict:
    """Query counts and seconds of saving and showing ``orders`` orders.

    Each order is at its own site with ``DISPENSERS_PER_SITE`` dispensers.
    Returns the figures for ``orders`` and for a tenth of them, so that a
    reader sees whether the counts grow with the rows.
    """
    small = max(orders // 10, 1)
    big_figures = _figures_for(orders)
    small_figures = _figures_for(small)
    return {
        "orders": orders,
        "dispensers": orders * DISPENSERS_PER_SITE,
        **big_figures,
        "compared_with_orders": small,
        "compared": small_figures,
    }


def _figures_for(orders: int) -> dict:
    user = get_user_model().objects.create_user(f"bench-db-{orders}")
    scraped = [_order(index) for index in range(orders)]
    equipment = {
        order.site_id: SiteEquipment(order.site_id, _dispensers(order.site_id))
        for order in scraped
    }

    first = _counted(lambda: _apply(user, scraped, equipment))
    again = _counted(lambda: _apply(user, scraped, {}))
    page = _counted(lambda: _dashboard(user))
    return {
        "save_queries": first["queries"],
        "save_s": first["seconds"],
        "resave_unchanged_queries": again["queries"],
        "resave_unchanged_s": again["seconds"],
        "dashboard_queries": page["queries"],
        "dashboard_s": page["seconds"],
    }


def _counted(call) -> dict:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        call()
        seconds = time.perf_counter() - started
    return {"queries": len(queries), "seconds": round(seconds, 3)}


def _apply(user, orders, equipment):
    run = ScrapeRun.objects.create(user=user, trigger=Trigger.COMMAND)
    result = apply_scrape(user, orders, equipment, run=run)
    expected = len(equipment) * DISPENSERS_PER_SITE
    if result.dispensers_written != expected:
        raise AssertionError(f"wrote {result.dispensers_written} of {expected}")


def _dashboard(user):
    client = Client()
    client.force_login(user)
    with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False):
        response = client.get(reverse("dashboard"))
    if response.status_code != 200:
        raise AssertionError(f"dashboard answered {response.status_code}")


def _order(index: int) -> ScrapedWorkOrder:
    external_id = str(500000 + index)
    site_id = str(9000 + index)
    base = "https://app.workfossa.test"
    return ScrapedWorkOrder(
        external_id=external_id,
        url=f"{base}/app/work/{external_id}",
        status="Scheduled",
        customer="Wawa",
        site_id=site_id,
        site_url=f"{base}/app/customers/locations/{site_id}/",
        store_number=f"#{index}",
        street=f"{index} Main St",
        city="Tampa",
        state="FL",
        zip="33607",
        county="Hillsborough County",
        services=(Service("2861", DISPENSERS_PER_SITE, "All Dispensers"),),
        next_visit=Visit(
            datetime.date(2030, 1, 1) + datetime.timedelta(days=index % 90),
            None,
            "anytime",
            str(700000 + index),
            f"{base}/app/work/{external_id}/visits/{700000 + index}",
        ),
        created_by="Dana Reyes",
        created_on=datetime.date(2029, 12, 1),
        instructions="Calibrate all dispensers.",
    )


def _dispensers(site_id: str) -> tuple[ScrapedDispenser, ...]:
    grades = (Grade("0126", "Regular"), Grade("0135", "Plus"))
    return tuple(
        ScrapedDispenser(
            equipment_id=f"{site_id}{side}",
            number=f"{2 * side + 1}/{2 * side + 2}",
            title=f"{2 * side + 1}/{2 * side + 2} - Regular, Plus - Gilbarco",
            make="Gilbarco",
            model="Encore 700 S",
            serial_number=f"GB{site_id}{side}",
            meter_type="HD Meter",
            nozzles=6,
            grades=grades,
            stand_alone_code="0001",
        )
        for side in range(DISPENSERS_PER_SITE)
    )
