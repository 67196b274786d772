"""The fingerprint of a scraped work order: what tells a sync it changed."""

import dataclasses
import hashlib
import json

from scraping.records import ScrapedWorkOrder


def order_fingerprint(order: ScrapedWorkOrder) -> str:
    """SHA-256 (hex) of a canonical JSON form of everything the row shows.

    Two scrapes of an order that looks the same give the same fingerprint,
    whatever order the fields were read in. Dispensers are not part of it:
    they are read from the site, on their own schedule.
    """
    canonical = json.dumps(
        dataclasses.asdict(order),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=_isoformat,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _isoformat(value):
    # Dates and times are the only values JSON does not know.
    return value.isoformat()
