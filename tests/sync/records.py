"""Scraped records built by hand, as the scraper would hand them to the sync."""

import datetime

from scraping.records import (
    Grade,
    ScrapedDispenser,
    ScrapedWorkOrder,
    Service,
    SiteEquipment,
    Visit,
)

BASE = "http://workfossa.test"


def scraped_order(external_id, site_id="4821", **changes) -> ScrapedWorkOrder:
    values = {
        "external_id": str(external_id),
        "url": f"{BASE}/app/work/{external_id}",
        "status": "Scheduled",
        "customer": "7-Eleven Stores, Inc",
        "site_id": site_id,
        "site_url": f"{BASE}/app/customers/locations/{site_id}/" if site_id else None,
        "store_number": "#38437",
        "street": "1801 N Dale Mabry Hwy",
        "city": "Tampa",
        "state": "FL",
        "zip": "33607",
        "county": "Hillsborough County",
        "services": (Service("2861", 6, "All Dispensers"),),
        "next_visit": Visit(
            datetime.date(2026, 12, 8),
            None,
            "anytime",
            "88812",
            f"{BASE}/app/work/{external_id}/visits/88812",
        ),
        "created_by": "Dana Reyes",
        "created_on": datetime.date(2026, 11, 20),
        "instructions": "Calibrate all dispensers.\nCall the manager on arrival.",
    }
    values.update(changes)
    return ScrapedWorkOrder(**values)


def scraped_dispenser(number, **changes) -> ScrapedDispenser:
    values = {
        "equipment_id": f"55{number.replace('/', '')}",
        "number": number,
        "title": f"{number} - Regular, Plus, Diesel - Gilbarco",
        "make": "Gilbarco",
        "model": "Encore 700 S",
        "serial_number": f"GB{number.replace('/', '')}",
        "meter_type": "HD Meter",
        "nozzles": 6,
        "grades": (
            Grade("0126", "Regular"),
            Grade("0135", "Plus"),
            Grade("0999", None),
        ),
        "stand_alone_code": "0001",
        "extra": (("CARD READER", "Yes"),),
    }
    values.update(changes)
    return ScrapedDispenser(**values)


def site(site_id, count=2) -> SiteEquipment:
    numbers = [f"{2 * i + 1}/{2 * i + 2}" for i in range(count)]
    return SiteEquipment(site_id, tuple(scraped_dispenser(n) for n in numbers))
