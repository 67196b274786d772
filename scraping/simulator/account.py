"""A simulated WorkFossa account: its password, its world, and the changes
a test can make to that world between two scrapes."""

import hmac
import random

from . import world as world_module
from .equipment import KNOWN_FIELDS
from .worklist import sort_key


class Account:
    """One technician's login and everything it can see.

    Every method takes the simulator's lock, so a test may change the world
    while a scrape is running; a page being served sees the world either
    before or after the change, never half of it.
    """

    def __init__(self, email, password, name, world, *, lock, seed, today):
        self.email = email
        self.name = name
        self._password = password
        self._world = world
        self._lock = lock
        self._today = today
        self._seed = seed
        # Changes draw from their own generator, so the same calls in the same
        # order change the same orders, whatever pages were served between.
        self._rng = random.Random(f"{seed}/{email}/changes")

    def __repr__(self):
        return f"<Account {self.email}>"

    @property
    def password(self):
        return self._password

    def password_matches(self, password):
        return hmac.compare_digest(self._password.encode(), password.encode())

    def set_password(self, password):
        """Change the password, as the technician would on the site."""
        with self._lock:
            self._password = password

    # World changes ------------------------------------------------------

    def complete_orders(self, count=1, ids=None):
        """Complete ``count`` open orders chosen by the seed, or exactly the
        orders ``ids``; return their ids. Completed orders leave the
        filtered work list. Raises KeyError for an id that is not open."""
        with self._lock:
            open_orders = {o.id: o for o in self._world.orders if not o.completed}
            if ids is None:
                ids = self._rng.sample(
                    sorted(open_orders), min(count, len(open_orders))
                )
            for order_id in ids:
                order = open_orders[str(order_id)]
                order.completed = True
                order.status = "Completed"
            return [str(order_id) for order_id in ids]

    def add_orders(self, count=1):
        """Add ``count`` open orders, some at sites the account already has
        and some at new sites; return their ids."""
        with self._lock:
            sites = list(self._world.sites.values())
            prefix = f"{self._seed}/{self.email}"
            added = []
            for _ in range(count):
                if sites and self._rng.random() < 0.4:
                    site = self._rng.choice(sites)
                else:
                    site = world_module.new_site(self._world, self._rng, prefix)
                order = world_module.new_order(
                    self._world, self._rng, site, self._today
                )
                added.append(order.id)
            return added

    def change_dispensers(self, site_ids=None, count=1):
        """Change the dispensers of ``count`` sites of open orders (or of the
        sites ``site_ids``): add one, remove one, or swap one for a unit with
        a new serial number and model. Return the ids of the changed sites."""
        with self._lock:
            if site_ids is None:
                open_sites = sorted(
                    {o.site.id for o in self._world.orders if not o.completed},
                    key=int,
                )
                site_ids = self._rng.sample(open_sites, min(count, len(open_sites)))
            for site_id in site_ids:
                self._change_site(self._world.sites[str(site_id)])
            return [str(site_id) for site_id in site_ids]

    def _change_site(self, site):
        dispensers, _ = site.equipment()
        change = self._rng.choice(["add", "remove", "replace"]) if dispensers else "add"
        if change == "remove":
            dispensers.remove(self._rng.choice(dispensers))
            return

        self._world.next_equipment_id += self._rng.randrange(1, 50)
        equipment_id = str(self._world.next_equipment_id)
        if change == "add":
            numbers = [int(part) for d in dispensers for part in d.number.split("/")]
            side = max(numbers, default=0) + 1
            number = f"{side}/{side + 1}"
            dispensers.append(
                world_module.draw_dispenser(self._rng, equipment_id, number)
            )
            return

        index = self._rng.randrange(len(dispensers))
        old = dispensers[index]
        new = world_module.draw_dispenser(self._rng, equipment_id, old.number)
        if new.serial_number is None or new.serial_number == old.serial_number:
            new.serial_number = f"RP{self._rng.randrange(10**6, 10**7)}"
        dispensers[index] = new

    # Ground truth -------------------------------------------------------

    def open_orders(self):
        """The open orders as a correct scrape of the filtered work list and
        each site's Equipment tab would read them, in list order.

        Each is a dict: id, status, customer, site_id, site_name,
        store_number ("#38437" or None), street, city, state, zip, county,
        services [{code, quantity, name}], next_visit {date "YYYY-MM-DD",
        time "HH:MM" or None, note or None, visit_id} or None, created_by,
        created_on "YYYY-MM-DD", instructions (None when the row shows
        none), dispensers [see ``dispensers``].
        """
        return self.orders(include_completed=False)

    def orders(self, include_completed=True):
        """Like ``open_orders``, with the completed orders too by default."""
        with self._lock:
            chosen = [
                o for o in self._world.orders if include_completed or not o.completed
            ]
            chosen.sort(key=sort_key)
            return [_order_dict(order) for order in chosen]

    def dispensers(self, site_id):
        """The dispensers of one site, in page order. Each is a dict:
        equipment_id, number, title, make, model, serial_number, meter_type,
        nozzles (int or None), grades [{code, name or None}],
        stand_alone_code, extra {label: value} for the other custom fields.
        Raises KeyError for a site the account does not have."""
        with self._lock:
            return _dispenser_dicts(self._world.sites[str(site_id)])

    # Used by the application, under the lock ----------------------------

    def world_orders(self):
        return self._world.orders

    def find_order(self, order_id):
        return next((o for o in self._world.orders if o.id == order_id), None)

    def find_site(self, site_id):
        return self._world.sites.get(site_id)


def _order_dict(order):
    site = order.site
    visit = order.visit
    return {
        "id": order.id,
        "status": order.status,
        "customer": site.customer,
        "site_id": site.id,
        "site_name": site.name,
        "store_number": site.store_number,
        "street": site.street,
        "city": site.city,
        "state": site.state,
        "zip": site.zip,
        "county": site.county,
        "services": [
            {"code": code, "quantity": quantity, "name": name}
            for code, quantity, name in order.services
        ],
        "next_visit": None
        if visit is None
        else {
            "date": visit.date.isoformat(),
            "time": visit.time,
            "note": visit.note,
            "visit_id": visit.id,
        },
        "created_by": order.created_by,
        "created_on": order.created_on.isoformat(),
        "instructions": order.instructions or None,
        "dispensers": _dispenser_dicts(site),
    }


def _dispenser_dicts(site):
    dispensers, _ = site.equipment()
    result = []
    for d in dispensers:
        nozzles = d.field("NUMBER OF NOZZLES")
        result.append(
            {
                "equipment_id": d.equipment_id,
                "number": d.number,
                "title": d.title,
                "make": d.make,
                "model": d.model,
                "serial_number": d.serial_number,
                "meter_type": d.field("METER TYPE"),
                "nozzles": int(nozzles) if nozzles else None,
                "grades": [
                    {"code": code, "name": world_module.catalog.GRADE_NAMES.get(code)}
                    for code in d.grade_codes
                ],
                "stand_alone_code": d.field("STAND ALONE CODE"),
                "extra": {
                    label: value
                    for label, value in d.fields
                    if label not in KNOWN_FIELDS
                },
            }
        )
    return result
