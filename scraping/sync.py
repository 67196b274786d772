"""Applies one complete scrape of a user's WorkFossa account to the database.

``sites_to_read`` decides which sites' equipment a run reads; ``apply_scrape``
then writes the orders and dispensers in one transaction. Both work on the
records of ``scraping.records`` and know nothing about the browser.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scraping.fingerprint import order_fingerprint
from scraping.records import ScrapedDispenser, ScrapedWorkOrder, SiteEquipment
from workorders.models import Dispenser, WorkOrder

logger = logging.getLogger(__name__)

# Removing more than this share of a user's orders in one run is held back
# until an operator confirms it: a list that lost half of its rows is more
# likely a site fault than half the work done in an hour.
MASS_REMOVAL_SHARE = 0.5
# Below this many stored orders a large share is a few orders: no guard.
MASS_REMOVAL_MIN_ORDERS = 10

# The columns a sync rewrites on an order whose content changed.
ORDER_CONTENT_FIELDS = (
    "url",
    "status",
    "customer",
    "site_id",
    "site_url",
    "store_number",
    "street",
    "city",
    "state",
    "zip_code",
    "county",
    "services",
    "service_codes",
    "next_visit_date",
    "next_visit_time",
    "next_visit_note",
    "visit_id",
    "visit_url",
    "created_by",
    "created_on",
    "instructions",
)
_UPDATED_FIELDS = ORDER_CONTENT_FIELDS + (
    "fingerprint",
    "last_seen_at",
    "last_changed_at",
    "equipment_read_at",
)


@dataclass
class ApplyResult:
    """What ``apply_scrape`` changed; ids are WorkFossa ids (digits)."""

    orders_seen: int = 0
    created_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    unchanged_count: int = 0
    removed_ids: list[str] = field(default_factory=list)
    withheld_removal_ids: list[str] = field(default_factory=list)
    dispensers_written: int = 0
    sites_read: int = 0

    @property
    def removal_withheld(self) -> bool:
        return bool(self.withheld_removal_ids)


def sites_to_read(user, orders, *, now=None) -> dict[str, str]:
    """The sites whose equipment this run must read: ``{site_id: site_url}``.

    A site is read when one of its listed orders is new, moved to it from
    another site, or has equipment older than
    ``settings.EQUIPMENT_MAX_AGE_HOURS`` (or never read). Otherwise the
    stored dispensers stand, so an hourly sync of an unchanged account reads
    no site. Orders without a site link have no equipment to read.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(hours=settings.EQUIPMENT_MAX_AGE_HOURS)
    stored = {
        external_id: (site_id, read_at)
        for external_id, site_id, read_at in WorkOrder.objects.filter(
            owner=user
        ).values_list("external_id", "site_id", "equipment_read_at")
    }

    sites = {}
    for order in orders:
        if not order.site_id or not order.site_url:
            continue

        stored_site, read_at = stored.get(order.external_id, (None, None))
        if stored_site != order.site_id or read_at is None or read_at < cutoff:
            sites.setdefault(order.site_id, order.site_url)
    return sites


def apply_scrape(
    user,
    orders: list[ScrapedWorkOrder],
    equipment: dict[str, SiteEquipment],
    *,
    run,
    allow_mass_removal: bool = False,
) -> ApplyResult:
    """Make ``user``'s stored orders match a complete work list, in one transaction.

    ``orders`` is the complete list of open orders (never a partial one);
    ``equipment`` holds the sites read in this run. New orders are created,
    orders whose fingerprint moved are rewritten, unchanged orders are not
    written at all. Each order at a site in ``equipment`` gets that site's
    dispensers (replacing its own) and a new ``equipment_read_at``; an order
    moved to a site that was not read loses its dispensers until it is.
    Stored orders missing from the list are deleted with their dispensers,
    unless that would remove more than half of more than 10 stored orders
    and ``allow_mass_removal`` is False: then they are kept and listed in
    ``withheld_removal_ids``.

    The counts and ids are saved on ``run`` in the same transaction, so the
    run says exactly what was committed. Queries do not grow with the number
    of rows beyond the database's batch sizes. Raises ``DatabaseError`` (and
    changes nothing) when the database refuses a write.
    """
    now = timezone.now()
    listed = {}
    for order in orders:
        # A row that moved between pages while they were read shows up twice.
        listed.setdefault(order.external_id, order)

    with transaction.atomic():
        stored = {
            order.external_id: order
            for order in WorkOrder.objects.filter(owner=user).order_by()
        }
        result = ApplyResult(orders_seen=len(listed), sites_read=len(equipment))
        to_create, to_update, moved = [], [], []

        for external_id, scraped in listed.items():
            fields = order_fields(scraped)
            fingerprint = order_fingerprint(scraped)
            current = stored.get(external_id)
            if current is None:
                to_create.append(
                    WorkOrder(
                        owner=user,
                        external_id=external_id,
                        fingerprint=fingerprint,
                        first_seen_at=now,
                        last_seen_at=now,
                        last_changed_at=now,
                        **fields,
                    )
                )
                result.created_ids.append(external_id)
                continue
            if current.fingerprint == fingerprint:
                result.unchanged_count += 1
                continue

            if current.site_id != fields["site_id"]:
                current.equipment_read_at = None
                moved.append(current.pk)
            for name, value in fields.items():
                setattr(current, name, value)
            current.fingerprint = fingerprint
            current.last_seen_at = now
            current.last_changed_at = now
            to_update.append(current)
            result.updated_ids.append(external_id)

        unlisted = sorted(set(stored) - set(listed), key=_numeric_order)
        if _is_mass_removal(len(stored), len(unlisted)) and not allow_mass_removal:
            result.withheld_removal_ids = unlisted
        else:
            result.removed_ids = unlisted

        WorkOrder.objects.bulk_create(to_create)
        WorkOrder.objects.bulk_update(to_update, _UPDATED_FIELDS)
        if result.removed_ids:
            # The ORM cascade deletes the orders' dispensers first.
            WorkOrder.objects.filter(
                owner=user, external_id__in=result.removed_ids
            ).delete()
        if moved:
            Dispenser.objects.filter(work_order_id__in=moved).delete()
        result.dispensers_written = _replace_dispensers(user, equipment, now)

        _record_on_run(run, result)

    logger.info(
        "applied: %d seen, %d created, %d updated, %d unchanged, %d removed, "
        "%d removals withheld, %d dispensers from %d sites",
        result.orders_seen,
        len(result.created_ids),
        len(result.updated_ids),
        result.unchanged_count,
        len(result.removed_ids),
        len(result.withheld_removal_ids),
        result.dispensers_written,
        result.sites_read,
    )
    return result


def order_fields(order: ScrapedWorkOrder) -> dict:
    """The WorkOrder column values of a scraped order (missing text is '')."""
    visit = order.next_visit
    codes = [service.code for service in order.services]
    return {
        "url": order.url,
        "status": order.status,
        "customer": order.customer,
        "site_id": order.site_id or "",
        "site_url": order.site_url or "",
        "store_number": order.store_number or "",
        "street": order.street or "",
        "city": order.city or "",
        "state": order.state or "",
        "zip_code": order.zip or "",
        "county": order.county or "",
        "services": [
            {"code": s.code, "quantity": s.quantity, "name": s.name}
            for s in order.services
        ],
        "service_codes": f" {' '.join(codes)} " if codes else "",
        "next_visit_date": visit.date if visit else None,
        "next_visit_time": visit.time if visit else None,
        "next_visit_note": (visit.note or "") if visit else "",
        "visit_id": (visit.visit_id or "") if visit else "",
        "visit_url": (visit.url or "") if visit else "",
        "created_by": order.created_by or "",
        "created_on": order.created_on,
        "instructions": order.instructions or "",
    }


def dispenser_fields(dispenser: ScrapedDispenser, position: int) -> dict:
    """The Dispenser column values of a scraped dispenser (missing text is '')."""
    return {
        "position": position,
        "equipment_id": dispenser.equipment_id or "",
        "number": dispenser.number,
        "title": dispenser.title,
        "make": dispenser.make or "",
        "model": dispenser.model or "",
        "serial_number": dispenser.serial_number or "",
        "meter_type": dispenser.meter_type or "",
        "nozzles": dispenser.nozzles,
        "grades": [{"code": g.code, "name": g.name} for g in dispenser.grades],
        "stand_alone_code": dispenser.stand_alone_code or "",
        "extra": dict(dispenser.extra),
    }


def _replace_dispensers(user, equipment: dict[str, SiteEquipment], now) -> int:
    """Give every order at a site that was read that site's dispensers."""
    if not equipment:
        return 0

    at_read_sites = WorkOrder.objects.filter(owner=user, site_id__in=list(equipment))
    Dispenser.objects.filter(work_order__in=at_read_sites).delete()
    rows = [
        Dispenser(work_order_id=order_pk, **dispenser_fields(dispenser, position))
        for order_pk, site_id in at_read_sites.values_list("pk", "site_id")
        for position, dispenser in enumerate(equipment[site_id].dispensers)
    ]
    Dispenser.objects.bulk_create(rows)
    at_read_sites.update(equipment_read_at=now)
    return len(rows)


def _is_mass_removal(stored: int, removed: int) -> bool:
    return stored > MASS_REMOVAL_MIN_ORDERS and removed > stored * MASS_REMOVAL_SHARE


def _numeric_order(external_id: str):
    return (len(external_id), external_id)


def _record_on_run(run, result: ApplyResult) -> None:
    run.orders_seen = result.orders_seen
    run.orders_created = len(result.created_ids)
    run.orders_updated = len(result.updated_ids)
    run.orders_unchanged = result.unchanged_count
    run.orders_removed = len(result.removed_ids)
    run.dispensers_written = result.dispensers_written
    run.sites_read = result.sites_read
    run.created_ids = result.created_ids
    run.updated_ids = result.updated_ids
    run.removed_ids = result.removed_ids
    run.withheld_removal_ids = result.withheld_removal_ids
    run.save(
        update_fields=[
            "orders_seen",
            "orders_created",
            "orders_updated",
            "orders_unchanged",
            "orders_removed",
            "dispensers_written",
            "sites_read",
            "created_ids",
            "updated_ids",
            "removed_ids",
            "withheld_removal_ids",
        ]
    )
