"""One account's work orders, sites and equipment, drawn from a seed.

Generation is deterministic: the same seed and email give the same orders on
the same ``today``. A site's equipment is drawn only when first needed, from
its own generator, so a thousand orders take a few milliseconds and the
result does not depend on which sites were looked at first.
"""

import datetime
import random
from dataclasses import dataclass, field

from . import catalog


@dataclass
class Dispenser:
    equipment_id: str
    number: str  # "1/2" or "7"
    make: str | None
    model: str | None
    serial_number: str | None
    # The custom fields in the order the page shows them, label to value.
    fields: list[tuple[str, str]]

    def field(self, label):
        return dict(self.fields).get(label)

    @property
    def grade_codes(self):
        value = self.field("GRADE")
        return value.split() if value else []

    @property
    def title(self):
        grades = ", ".join(catalog.GRADE_NAMES.get(c, c) for c in self.grade_codes)
        return " - ".join(part for part in (self.number, grades, self.make) if part)


@dataclass
class Equipment:
    """A piece of equipment in a group other than Dispenser."""

    equipment_id: str
    group: str
    title: str
    serial_number: str | None


@dataclass
class Site:
    id: str
    customer: str
    brand: str
    store_number: str | None  # as shown, "#38437"
    street: str | None
    city: str
    state: str
    zip: str
    county: str | None
    dispenser_count: int
    has_other_equipment: bool
    seed: str
    dispensers: list[Dispenser] | None = None  # drawn on first use
    other_equipment: list[Equipment] | None = None

    @property
    def name(self):
        if self.store_number:
            return f"{self.brand} {self.store_number}"
        return f"{self.brand} - {self.city}"

    def equipment(self):
        """Return (dispensers, other equipment), drawing them on first use."""
        if self.dispensers is None:
            rng = random.Random(self.seed)
            self.dispensers = draw_dispensers(rng, self.dispenser_count)
            self.other_equipment = (
                draw_other_equipment(rng) if self.has_other_equipment else []
            )
        return self.dispensers, self.other_equipment


@dataclass
class Visit:
    id: str
    date: datetime.date
    time: str | None  # "HH:MM", 24-hour
    note: str | None  # "anytime" is the only note the site writes


@dataclass
class Order:
    id: str
    site: Site
    status: str
    services: list[tuple[str, int, str]]  # (code, quantity, name)
    visit: Visit | None
    created_by: str
    created_on: datetime.date
    instructions: str | None
    completed: bool = False


@dataclass
class World:
    """Everything one account can see, plus the id counters for additions."""

    orders: list[Order] = field(default_factory=list)
    sites: dict[str, Site] = field(default_factory=dict)
    next_order_id: int = 0
    next_site_id: int = 0
    next_visit_id: int = 0
    next_equipment_id: int = 0


def _draw_ids(rng):
    # Each account gets its own region of id space, so two accounts on one
    # simulator rarely share an order number.
    return (
        rng.randrange(100, 900) * 1000,
        rng.randrange(1000, 9000) * 10,
        rng.randrange(10, 90) * 10000,
    )


def generate(seed, email, orders, sites, today):
    """Return the World of one account: ``orders`` open orders at ``sites``
    sites (about four in five of ``orders`` when None), plus about one in ten
    as many completed orders, which only the unfiltered work list shows."""
    rng = random.Random(f"{seed}/{email}")
    world = World()
    world.next_order_id, world.next_site_id, world.next_visit_id = _draw_ids(rng)
    world.next_equipment_id = 1_000_000 + world.next_visit_id
    site_count = max(1, round(orders * 0.8)) if sites is None else max(1, sites)
    site_count = min(site_count, max(orders, 1))
    site_list = [new_site(world, rng, f"{seed}/{email}") for _ in range(site_count)]

    for index in range(orders):
        site = site_list[index] if index < site_count else rng.choice(site_list)
        new_order(world, rng, site, today)
    for _ in range(orders // 10):
        order = new_order(world, rng, rng.choice(site_list), today)
        order.completed = True
        order.status = "Completed"
    return world


def new_site(world, rng, seed_prefix):
    world.next_site_id += rng.randrange(1, 15)
    site_id = str(world.next_site_id)
    customer, brand, numbered = rng.choice(catalog.CUSTOMERS)
    city, state, county, zip3 = rng.choice(catalog.PLACES)
    street = f"{rng.randrange(1, 9999)} {rng.choice(catalog.STREETS)}"
    zip_code = f"{zip3}{rng.randrange(0, 100):02d}"
    if rng.random() < 0.2:
        zip_code += f"-{rng.randrange(0, 10000):04d}"
    count_roll = rng.random()
    if count_roll < 0.06:
        dispensers = 0
    elif count_roll < 0.12:
        dispensers = rng.randrange(12, 17)
    else:
        dispensers = rng.randrange(1, 11)
    site = Site(
        id=site_id,
        customer=customer,
        brand=brand,
        store_number=f"#{rng.randrange(1000, 99999)}" if numbered else None,
        street=None if rng.random() < 0.05 else street,
        city=city,
        state=state,
        zip=zip_code,
        county=None if rng.random() < 0.12 else county,
        dispenser_count=dispensers,
        has_other_equipment=rng.random() < 0.7,
        seed=f"{seed_prefix}/site/{site_id}",
    )
    world.sites[site_id] = site
    return site


def new_order(world, rng, site, today):
    world.next_order_id += rng.randrange(1, 40)
    visit = None
    if rng.random() < 0.85:
        world.next_visit_id += rng.randrange(1, 30)
        time_roll = rng.random()
        visit = Visit(
            id=str(world.next_visit_id),
            date=today + datetime.timedelta(days=rng.randrange(-3, 60)),
            time=rng.choice(catalog.VISIT_TIMES) if time_roll < 0.4 else None,
            note="anytime" if 0.4 <= time_roll < 0.8 else None,
        )
    statuses = catalog.STATUSES_WITH_VISIT if visit else catalog.STATUSES_WITHOUT_VISIT
    order = Order(
        id=str(world.next_order_id),
        site=site,
        status=rng.choice(statuses),
        services=_draw_services(rng, site),
        visit=visit,
        created_by=rng.choice(catalog.DISPATCHERS),
        created_on=today - datetime.timedelta(days=rng.randrange(1, 90)),
        instructions=_draw_instructions(rng),
    )
    world.orders.append(order)
    return order


def _draw_services(rng, site):
    code, name = rng.choice(catalog.ALL_DISPENSER_SERVICES)
    services = [(code, max(site.dispenser_count, 1), name)]
    for code, name in rng.sample(catalog.OTHER_SERVICES, rng.choice([0, 0, 0, 1, 2])):
        services.append((code, rng.randrange(1, 5), name))
    rng.shuffle(services)
    return services


def _draw_instructions(rng):
    roll = rng.random()
    if roll < 0.05:
        return ""  # the row shows an empty instructions block
    if roll < 0.18:
        return None
    pieces = rng.sample(catalog.INSTRUCTIONS, rng.choice([1, 1, 2, 3]))
    return rng.choice([" ", "\n"]).join(pieces)


def draw_dispensers(rng, count):
    """Return ``count`` dispensers numbered 1/2, 3/4, ... with, now and then,
    a one-sided dispenser at the end."""
    equipment_id = rng.randrange(100000, 900000)
    dispensers = []
    side = 1
    for index in range(count):
        one_sided = index == count - 1 and rng.random() < 0.3
        number = str(side) if one_sided else f"{side}/{side + 1}"
        side += 1 if one_sided else 2
        equipment_id += rng.randrange(1, 9)
        dispensers.append(draw_dispenser(rng, str(equipment_id), number))
    return dispensers


def draw_dispenser(rng, equipment_id, number):
    make = None if rng.random() < 0.06 else rng.choice(list(catalog.MAKES))
    prefix, models = catalog.MAKES.get(make, ("XX", ["Unknown"]))
    model = rng.choice(models) if make and rng.random() < 0.92 else None
    serial = None if rng.random() < 0.08 else f"{prefix}{rng.randrange(10**6, 10**7)}"
    grades = list(rng.choice(catalog.GRADE_SETS))
    if rng.random() < 0.07:
        grades.append(rng.choice(catalog.UNKNOWN_GRADES))
    fields = [
        ("GRADE", " ".join(grades)),
        ("METER TYPE", rng.choice(catalog.METER_TYPES)),
        ("NUMBER OF NOZZLES", str(len(grades) * 2)),
        ("STAND ALONE CODE", f"{rng.randrange(1, 40):04d}"),
    ]
    if rng.random() < 0.15:
        label = rng.choice(list(catalog.EXTRA_FIELDS))
        fields.append((label, rng.choice(catalog.EXTRA_FIELDS[label])))
    fields = [f for f in fields if rng.random() > 0.08]
    rng.shuffle(fields)
    return Dispenser(equipment_id, number, make, model, serial, fields)


def draw_other_equipment(rng):
    groups = rng.sample(catalog.OTHER_EQUIPMENT, rng.randrange(1, 4))
    pieces = []
    for group, titles in groups:
        for _ in range(rng.choice([1, 1, 2])):
            pieces.append(
                Equipment(
                    equipment_id=str(rng.randrange(100000, 900000)),
                    group=group,
                    title=rng.choice(titles),
                    serial_number=f"SN{rng.randrange(10**5, 10**6)}",
                )
            )
    return pieces
