"""What one scrape reads off WorkFossa, before it touches the database.

These records are the boundary between the page parsers (pure functions over
HTML) and the sync that applies a scrape to the database. A value the page
does not show is ``None``; text is as the site shows it, trimmed, with HTML
entities decoded.
"""

import datetime
from dataclasses import dataclass, field

# Grade codes seen on the real site. A code missing here is kept as it is and
# its name is unknown (None): guessing a fuel name would mislabel a dispenser.
GRADE_NAMES = {
    "0126": "Regular",
    "0127": "Regular",
    "0135": "Plus",
    "0136": "Premium",
    "0128": "Super",
    "0129": "Premium",
    "0118": "Diesel",
    "0119": "Diesel",
    "0120": "Diesel",
    "0140": "Ethanol-Free Gasoline Plus",
    "0141": "E85",
    "0142": "E15",
    "0150": "DEF",
}

# What the known service codes mean; other codes occur and are kept.
SERVICE_NAMES = {
    "2861": "AccuMeasure test, all dispensers",
    "2862": "AccuMeasure test, specific dispensers",
    "3146": "Open-neck prover test",
    "3002": "Test of all dispensers",
}


@dataclass(frozen=True)
class Service:
    code: str
    quantity: int | None
    name: str


@dataclass(frozen=True)
class Visit:
    date: datetime.date
    time: datetime.time | None
    # The text in parentheses after the date, such as "anytime".
    note: str | None
    visit_id: str | None
    url: str | None


@dataclass(frozen=True)
class ScrapedWorkOrder:
    """One row of the work list."""

    external_id: str  # the digits of "W-129651"
    url: str  # absolute URL of the order on WorkFossa
    status: str
    customer: str
    site_id: str | None  # the customer location number, e.g. "4821"
    site_url: str | None  # absolute URL of the customer location page
    store_number: str | None  # as shown, e.g. "#38437"
    street: str | None
    city: str | None
    state: str | None
    zip: str | None
    county: str | None
    services: tuple[Service, ...] = ()
    next_visit: Visit | None = None
    created_by: str | None = None
    created_on: datetime.date | None = None
    instructions: str | None = None


@dataclass(frozen=True)
class Grade:
    code: str
    name: str | None  # None for a code the product does not know


@dataclass(frozen=True)
class ScrapedDispenser:
    """One row of a site's Dispenser group, in the site's order."""

    equipment_id: str | None
    number: str  # "1/2" for a two-sided dispenser, "7" for a one-sided one
    title: str
    make: str | None
    model: str | None
    serial_number: str | None
    meter_type: str | None
    nozzles: int | None
    grades: tuple[Grade, ...] = ()
    stand_alone_code: str | None = None
    # Custom fields other than the known ones, label as shown to value.
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WorkListPage:
    """One loaded page of the work list.

    ``total`` is the figure of the summary line ("of 137 results"), or 0 when
    the page shows the empty state. A page that shows neither cannot be read
    and is never turned into one of these: the parser raises instead.
    """

    orders: tuple[ScrapedWorkOrder, ...]
    total: int
    first: int  # "Showing 1 to ..." (0 for the empty state)
    last: int
    next_url: str | None  # absolute URL of the next page, if there is one


@dataclass(frozen=True)
class SiteEquipment:
    """The dispensers of one customer location, as its Equipment tab shows."""

    site_id: str
    dispensers: tuple[ScrapedDispenser, ...] = field(default_factory=tuple)
