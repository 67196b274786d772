"""The export shape of a user's work orders: JSON objects and CSV rows.

Used by ``manage.py export_workorders`` and by the dashboard's CSV download,
so both give the same data. Text the site did not show (stored as '') comes
out as null; everything else is as stored, which is as the site shows it.
"""

import csv
import json

from django.db.models import F, Prefetch

from workorders.models import Dispenser, WorkOrder

CSV_COLUMNS = (
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
    "next_visit_date",
    "next_visit_time",
    "next_visit_note",
    "visit_id",
    "created_by",
    "created_on",
    "instructions",
    "dispenser_count",
    "dispensers",
)


def orders_for_export(user):
    """``user``'s orders with their dispensers, soonest visit first.

    Orders without a visit come last, as on WorkFossa; ties go by id.
    """
    return (
        WorkOrder.objects.filter(owner=user)
        .order_by(
            F("next_visit_date").asc(nulls_last=True),
            F("next_visit_time").asc(nulls_last=True),
            "external_id",
        )
        .prefetch_related(
            Prefetch("dispensers", queryset=Dispenser.objects.order_by("position"))
        )
    )


def order_as_dict(order: WorkOrder) -> dict:
    """One order in the export shape (see the commands documentation)."""
    return {
        "id": order.external_id,
        "status": _or_none(order.status),
        "customer": _or_none(order.customer),
        "store_number": _or_none(order.store_number),
        "site_id": _or_none(order.site_id),
        "street": _or_none(order.street),
        "city": _or_none(order.city),
        "state": _or_none(order.state),
        "zip": _or_none(order.zip_code),
        "county": _or_none(order.county),
        "services": [
            {
                "code": service["code"],
                "quantity": service["quantity"],
                "name": service["name"],
            }
            for service in order.services
        ],
        "next_visit": _visit(order),
        "created_by": _or_none(order.created_by),
        "created_on": order.created_on.isoformat() if order.created_on else None,
        "instructions": _or_none(order.instructions),
        "dispensers": [dispenser_as_dict(d) for d in order.dispensers.all()],
    }


def dispenser_as_dict(dispenser: Dispenser) -> dict:
    return {
        "number": dispenser.number,
        "title": dispenser.title,
        "make": _or_none(dispenser.make),
        "model": _or_none(dispenser.model),
        "serial_number": _or_none(dispenser.serial_number),
        "meter_type": _or_none(dispenser.meter_type),
        "nozzles": dispenser.nozzles,
        "grades": [
            {"code": grade["code"], "name": grade["name"]} for grade in dispenser.grades
        ],
        "stand_alone_code": _or_none(dispenser.stand_alone_code),
        "extra": dict(dispenser.extra),
    }


def write_json(orders, stream) -> None:
    """Write ``orders`` to ``stream`` as one JSON list, indented."""
    json.dump(
        [order_as_dict(order) for order in orders],
        stream,
        indent=2,
        ensure_ascii=False,
    )
    stream.write("\n")


def write_csv(orders, stream) -> None:
    """Write ``orders`` to ``stream`` as CSV, one row per order.

    Services and dispensers are one cell each, one per line, so that a
    spreadsheet shows an order on one row.
    """
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for order in orders:
        writer.writerow(_csv_row(order))


def _csv_row(order: WorkOrder) -> list:
    data = order_as_dict(order)
    visit = data["next_visit"] or {}
    services = "\n".join(
        f"{s['code']} {s['quantity']} x {s['name']}"
        if s["quantity"] is not None
        else f"{s['code']} {s['name']}"
        for s in data["services"]
    )
    dispensers = "\n".join(
        d["title"] + (f" (S/N {d['serial_number']})" if d["serial_number"] else "")
        for d in data["dispensers"]
    )
    values = {
        **data,
        "services": services,
        "next_visit_date": visit.get("date"),
        "next_visit_time": visit.get("time"),
        "next_visit_note": visit.get("note"),
        "visit_id": visit.get("visit_id"),
        "dispenser_count": len(data["dispensers"]),
        "dispensers": dispensers,
    }
    return ["" if values[column] is None else values[column] for column in CSV_COLUMNS]


def _visit(order: WorkOrder) -> dict | None:
    if order.next_visit_date is None:
        return None

    time = order.next_visit_time
    return {
        "date": order.next_visit_date.isoformat(),
        "time": time.strftime("%H:%M") if time else None,
        "note": _or_none(order.next_visit_note),
        "visit_id": _or_none(order.visit_id),
    }


def _or_none(text: str) -> str | None:
    return text or None
