"""The simulator's ground truth in the export shape, for comparisons."""

import io
import json

from django.core.management import call_command


def expected_orders(account) -> dict[str, dict]:
    """``account.open_orders()`` as ``export_workorders`` prints them, by id."""
    expected = {}
    for order in account.open_orders():
        order = dict(order)
        order.pop("site_name")
        order["dispensers"] = [
            {k: v for k, v in d.items() if k != "equipment_id"}
            for d in order["dispensers"]
        ]
        expected[order["id"]] = order
    return expected


def export_json(username) -> str:
    out = io.StringIO()
    call_command("export_workorders", username, stdout=out)
    return out.getvalue()


def exported_orders(username) -> dict[str, dict]:
    return {order["id"]: order for order in json.loads(export_json(username))}
