"""The customer location page, its Equipment tab and the dispenser rows.

The page arrives with an empty Equipment pane; its script fetches
``pane_fragment`` when the tab is clicked and, by default, the Dispenser
rows (``dispenser_rows``) only when that group is first expanded.
"""

import random
from html import escape

from .pages import document
from .scripts import LOCATION
from .worklist import address_lines

KNOWN_FIELDS = ("GRADE", "METER TYPE", "NUMBER OF NOZZLES", "STAND ALONE CODE")


def base_path(site):
    return f"/app/customers/locations/{site.id}/"


def location_page(user, token, site, dialog):
    """The location page; ``dialog`` is "location", "equipment" or "" (when
    the blocking dialog opens, if at all)."""
    address = "".join(f"<div>{escape(line)}</div>" for line in address_lines(site))
    store = escape(site.store_number or "")
    body = f"""
<div class="location" data-location="{base_path(site)}" data-dialog="{dialog}">
  <h1 class="location-name">{escape(site.name)}</h1>
  <nav class="tabs">
    <a class="tab active" dusk="info-tab" href="#info">Info</a>
    <a class="tab" dusk="equipment-tab" href="#equipment">Equipment</a>
  </nav>
  <div class="tab-pane active" id="info">
    <dl>
      <dt>Customer</dt><dd>{escape(site.customer)}</dd>
      <dt>Store</dt><dd>{store}</dd>
      <dt>Address</dt><dd class="address-info">{address}</dd>
    </dl>
  </div>
  <div class="tab-pane" id="equipment"></div>
</div>
<template id="dialog-template">
  <div class="modal" role="dialog" aria-modal="true" aria-labelledby="check-in">
    <div class="modal-content">
      <h2 id="check-in">Check in at this location?</h2>
      <p>Checking in records your arrival time on today's visit.</p>
      <button type="button" class="btn btn-primary" data-action="check-in">\
Check in</button>
      <button type="button" class="btn" data-action="cancel">Cancel</button>
    </div>
  </div>
</template>"""
    return document(
        f"{site.name} - WorkFossa", body, user=user, token=token, script=LOCATION
    )


def pane_fragment(site, *, rows_after_expand=True, changed_markup=False):
    """The groups of the Equipment tab, each collapsed, in the site's order."""
    dispensers, others = site.equipment()
    groups = {}
    for piece in others:
        groups.setdefault(piece.group, []).append(piece)
    names = list(groups)
    if dispensers:
        names.append("Dispenser")
    # Each site keeps its own group order, which is rarely alphabetical.
    random.Random(f"{site.seed}/groups").shuffle(names)
    if not names:
        if changed_markup:
            return '<p class="no-assets">Nothing here yet.</p>'
        return '<div class="empty-state">No equipment recorded.</div>'

    parts = []
    for name in names:
        if name == "Dispenser":
            count = len(dispensers)
            lazy = rows_after_expand
            rows = "" if lazy else dispenser_rows(dispensers, changed_markup)
        else:
            count, lazy = len(groups[name]), False
            rows = _other_rows(groups[name], changed_markup)
        src = f' data-src="{base_path(site)}equipment/dispensers"' if lazy else ""
        parts.append(_group(name, count, rows, src, changed_markup))
    return "\n".join(parts)


def _group(name, count, rows, src, changed_markup):
    if changed_markup:
        return (
            '<section class="asset-category">'
            f'<button type="button" class="asset-toggle" data-toggle>{name}s '
            f"&middot; {count}</button>"
            f'<ul class="asset-list" data-group-body hidden{src}>{rows}</ul>'
            "</section>"
        )
    return (
        '<div class="equipment-group">'
        '<a class="group-heading" href="#" data-toggle>'
        f'<span class="text-normal bold">{name} ({count})</span></a>'
        f'<div class="group-body" data-group-body hidden{src}>{rows}</div>'
        "</div>"
    )


def _other_rows(pieces, changed_markup):
    if changed_markup:
        return "".join(f'<li class="asset">{escape(p.title)}</li>' for p in pieces)
    return "".join(
        f'<div class="py-1.5" data-equipment-id="{p.equipment_id}">'
        f'<div class="flex align-start"><div>{escape(p.title)}</div></div>'
        f'<div class="muted text-tiny">S/N: {escape(p.serial_number)}</div></div>'
        for p in pieces
    )


def dispenser_rows(dispensers, changed_markup=False):
    if changed_markup:
        return "".join(
            f'<li class="asset" data-asset="{d.equipment_id}">{escape(d.title)}</li>'
            for d in dispensers
        )
    return "\n".join(_dispenser_row(d, i) for i, d in enumerate(dispensers))


def _dispenser_row(dispenser, index):
    shade = "py-1.5 bg-gray-50" if index % 2 else "py-1.5"
    parts = [
        f'<div class="{shade}" data-equipment-id="{dispenser.equipment_id}">',
        f'<div class="flex align-start"><div>{escape(dispenser.title)}</div></div>',
    ]
    if dispenser.serial_number:
        parts.append(
            f'<div class="muted text-tiny">S/N: {escape(dispenser.serial_number)}</div>'
        )
    make_model = [("MAKE", dispenser.make), ("MODEL", dispenser.model)]
    make_model = "".join(
        f"<div>{label}: {escape(value)}</div>" for label, value in make_model if value
    )
    if make_model:
        parts.append(f'<div class="text-tiny">{make_model}</div>')
    fields = "".join(
        f'<div class="row"><div>{escape(label)}</div><div>{escape(value)}</div></div>'
        for label, value in dispenser.fields
    )
    parts.append(f'<div class="custom-fields-view">{fields}</div></div>')
    return "".join(parts)
