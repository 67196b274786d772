"""Reads the Equipment tab of a customer location: its Dispenser group.

Only the ``Dispenser (N)`` group matters to the sync; the other groups are
looked at only to tell a loaded tab without dispensers from one that has
not loaded or whose markup changed.
"""

import re
from typing import NamedTuple

from scraping.parsing.common import PageNotAsExpected
from scraping.parsing.tree import Element, parse_html, squash
from scraping.records import GRADE_NAMES, Grade, ScrapedDispenser, SiteEquipment

_GROUP_HEADING = re.compile(r"(?P<name>.+?)\s*\(\s*(?P<count>\d+)\s*\)")
_DISPENSER_GROUP_NAMES = {"dispenser", "dispensers"}
# "S/N: GB4471235", "MAKE: Gilbarco", "MODEL: Encore 700 S", even when the
# site puts two of them on one line.
_LABELLED = re.compile(r"\b(S/N|MAKE|MODEL)\s*:\s*", re.IGNORECASE)
_TITLE_SEPARATOR = " - "


class _DispenserGroup(NamedTuple):
    count: int
    group: Element | None  # None when the site has no Dispenser group


def dispenser_group_count(html: str) -> int | None:
    """N of the ``Dispenser (N)`` heading, as far as the tab has loaded.

    Answers 0 when the tab shows groups but no Dispenser group, or the
    ``No equipment recorded.`` empty state, and None when it shows neither
    (still loading, or not the expected markup). Raises PageNotAsExpected
    when a Dispenser heading is there but its count cannot be read.
    """
    located = _locate_dispenser_group(parse_html(html))
    return located.count if located else None


def parse_equipment(html: str, site_id: str) -> SiteEquipment:
    """The dispensers of the Dispenser group, in page order.

    Takes the location page (or its equipment pane) after the Dispenser group
    was expanded. A site without a Dispenser group, or without equipment,
    has no dispensers. Raises PageNotAsExpected when neither groups nor the
    empty state are present, when the group holds a different number of rows
    than its heading says, or when a row has no title.
    """
    located = _locate_dispenser_group(parse_html(html))
    if located is None:
        raise PageNotAsExpected(
            "equipment tab shows neither equipment groups (div.equipment-group) "
            "nor the empty state (div.empty-state)"
        )
    if located.group is None:
        return SiteEquipment(site_id=site_id, dispensers=())

    body = located.group.find_class("group-body")
    rows = (
        body.find_all(lambda e: "data-equipment-id" in e.attrs, nested=False)
        if body
        else []
    )
    if len(rows) != located.count:
        raise PageNotAsExpected(
            f"site {site_id}: the Dispenser group heading says {located.count} "
            f"but {len(rows)} rows (div[data-equipment-id]) are present"
        )
    return SiteEquipment(
        site_id=site_id,
        dispensers=tuple(_read_dispenser(row, site_id) for row in rows),
    )


def _locate_dispenser_group(document: Element) -> _DispenserGroup | None:
    groups = document.find_all_class("equipment-group")
    if not groups:
        # The empty state is looked for in the equipment pane when the page
        # has one, so that an empty list elsewhere on the page does not count.
        pane = document.find(lambda e: e.attrs.get("id") == "equipment")
        if (pane or document).find_class("empty-state") is not None:
            return _DispenserGroup(0, None)
        return None

    found = []
    for group in groups:
        heading = group.find_class("group-heading")
        text = heading.text() if heading else ""
        match = _GROUP_HEADING.fullmatch(text)
        if match and match["name"].casefold() in _DISPENSER_GROUP_NAMES:
            found.append(_DispenserGroup(int(match["count"]), group))
        elif not match and text.casefold().startswith("dispenser"):
            raise PageNotAsExpected(f"dispenser group heading {text!r} has no count")
    if len(found) > 1:
        raise PageNotAsExpected(f"the tab shows {len(found)} Dispenser groups")
    return found[0] if found else _DispenserGroup(0, None)


def _read_dispenser(row: Element, site_id: str) -> ScrapedDispenser:
    equipment_id = row.attrs.get("data-equipment-id", "").strip() or None
    title, labelled = _read_heading_lines(row)
    number = title.split(_TITLE_SEPARATOR, 1)[0].strip() if title else ""
    if not number:
        raise PageNotAsExpected(
            f"site {site_id}: dispenser row {equipment_id} has no title"
        )

    fields = _read_custom_fields(row)

    def take(label: str) -> str:
        # Known fields leave ``fields``, so that what remains is the extra.
        return fields.pop(label, (label, ""))[1]

    grade_codes = take("GRADE").replace(",", " ").split()
    nozzles = take("NUMBER OF NOZZLES")
    meter_type = take("METER TYPE") or None
    stand_alone_code = take("STAND ALONE CODE") or None
    return ScrapedDispenser(
        equipment_id=equipment_id,
        number=number,
        title=title,
        make=labelled.get("MAKE"),
        model=labelled.get("MODEL"),
        serial_number=labelled.get("S/N"),
        meter_type=meter_type,
        nozzles=int(nozzles) if nozzles.isascii() and nozzles.isdigit() else None,
        grades=tuple(Grade(code, GRADE_NAMES.get(code)) for code in grade_codes),
        stand_alone_code=stand_alone_code,
        extra=tuple(fields.values()),
    )


def _read_heading_lines(row: Element) -> tuple[str | None, dict[str, str | None]]:
    """The title line and the S/N, MAKE and MODEL values of a dispenser row."""
    title = None
    labelled: dict[str, str | None] = {}
    lines = row.lines(skip=lambda e: e.has_class("custom-fields-view"))
    for line in lines:
        labels = list(_LABELLED.finditer(line))
        if not labels or labels[0].start() != 0:
            title = title or line
            continue

        for label, following in zip(labels, labels[1:] + [None], strict=True):
            end = following.start() if following else len(line)
            value = line[label.end() : end].strip()
            labelled.setdefault(label[1].upper(), value or None)
    return title, labelled


def _read_custom_fields(row: Element) -> dict[str, tuple[str, str]]:
    """Custom fields by upper-case label, to (label as shown, value).

    Keeps page order and, for a label shown twice, the first value.
    """
    view = row.find_class("custom-fields-view")
    fields: dict[str, tuple[str, str]] = {}
    for field_row in view.find_all_class("row") if view else []:
        pair = _read_label_and_value(field_row)
        if pair is None:
            continue
        label, value = pair
        fields.setdefault(label.rstrip(":").strip().upper(), (label, value))
    return fields


def _read_label_and_value(field_row: Element) -> tuple[str, str] | None:
    cells = field_row.elements()
    # Look through wrappers that hold both cells.
    while len(cells) == 1 and not squash("".join(_own_text(field_row))):
        field_row = cells[0]
        cells = field_row.elements()
    if len(cells) >= 2:
        value = squash(" ".join(cell.text() for cell in cells[1:]))
        return cells[0].text(), value

    lines = field_row.lines()
    if not lines:
        return None
    return lines[0], " ".join(lines[1:])


def _own_text(element: Element) -> list[str]:
    return [child for child in element.children if isinstance(child, str)]
