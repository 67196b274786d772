"""The Dispenser group of a location's Equipment tab."""

import pytest

from scraping.parsing import (
    PageNotAsExpected,
    dispenser_group_count,
    parse_equipment,
)
from scraping.records import Grade


def equipment_pane(*rows: str, count: int | None = None) -> str:
    heading_count = len(rows) if count is None else count
    return (
        '<div class="tab-pane active" id="equipment"><div class="equipment-group">'
        '<a class="group-heading" href="#"><span class="text-normal bold">'
        f"Dispenser ({heading_count})</span></a>"
        f'<div class="group-body">{"".join(rows)}</div></div></div>'
    )


@pytest.fixture
def dispensers(saved_page):
    html = saved_page("location_dispensers_expanded.html")
    return parse_equipment(html, site_id="4821").dispensers


def test_only_the_dispenser_group_is_read_in_page_order(dispensers):
    assert [d.equipment_id for d in dispensers] == [
        "553201",
        "553202",
        "553203",
        "553204",
    ]
    assert [d.number for d in dispensers] == ["1/2", "3/4", "5/6", "11"]


def test_contract_example_dispenser_is_read_field_by_field(dispensers):
    dispenser = dispensers[0]

    assert dispenser.title == "1/2 - Regular, Plus, Diesel - Gilbarco"
    assert dispenser.serial_number == "GB4471235"
    assert dispenser.make == "Gilbarco"
    assert dispenser.model == "Encore 700 S"
    assert dispenser.meter_type == "HD Meter"
    assert dispenser.nozzles == 6
    assert dispenser.stand_alone_code == "0001"
    assert dispenser.grades == (
        Grade("0126", "Regular"),
        Grade("0135", "Plus"),
        Grade("0118", "Diesel"),
    )
    assert dispenser.extra == ()


def test_custom_fields_in_another_order_with_extra_labels_and_unknown_grade(
    dispensers,
):
    dispenser = dispensers[1]

    assert dispenser.grades == (
        Grade("0126", "Regular"),
        Grade("0136", "Premium"),
        Grade("0999", None),
    )
    assert dispenser.meter_type == "Mechanical"
    assert dispenser.nozzles == 3
    assert dispenser.stand_alone_code == "0002"
    assert dispenser.extra == (
        ("PRODUCT ORDER", "REG / PREM / 0999"),
        ("Blender", "Yes & calibrated"),
    )


def test_title_and_serial_are_trimmed_around_buttons_and_spaces(dispensers):
    assert dispensers[1].title == "3/4 - Regular, Premium, 0999 - Wayne"
    assert dispensers[1].serial_number == "WN-88/1022"


def test_missing_fields_are_none_and_missing_grade_is_no_grades(dispensers):
    dispenser = dispensers[2]

    assert dispenser.title == "5/6 - Regular"
    assert (dispenser.serial_number, dispenser.make) == (None, None)
    assert dispenser.model == "Unknown"
    assert dispenser.meter_type is None
    assert dispenser.stand_alone_code is None
    assert dispenser.grades == ()


def test_nozzle_count_that_is_not_a_number_is_none(dispensers):
    assert dispensers[2].nozzles is None


def test_make_and_model_on_one_line_and_wrapped_custom_fields(dispensers):
    dispenser = dispensers[3]

    assert (dispenser.make, dispenser.model) == ("Bennett", "3000 Series")
    assert dispenser.grades == (Grade("0118", "Diesel"), Grade("0150", "DEF"))
    assert dispenser.meter_type is None


def test_group_count_is_read_from_the_expanded_page(saved_page):
    assert dispenser_group_count(saved_page("location_dispensers_expanded.html")) == 4


def test_collapsed_group_gives_its_count_but_cannot_be_parsed(saved_page):
    html = saved_page("location_dispensers_collapsed.html")

    assert dispenser_group_count(html) == 6
    with pytest.raises(PageNotAsExpected, match="says 6 but 0 rows"):
        parse_equipment(html, site_id="5120")


def test_heading_count_different_from_the_rows_raises():
    row = (
        '<div data-equipment-id="{n}"><div>{n} - Regular - Wayne</div>'
        '<div class="custom-fields-view"></div></div>'
    )
    html = equipment_pane(row.format(n=1), row.format(n=2), count=3)

    with pytest.raises(PageNotAsExpected, match="says 3 but 2 rows"):
        parse_equipment(html, site_id="1")


def test_location_with_only_other_groups_has_no_dispensers(saved_page):
    html = saved_page("location_without_dispensers.html")

    assert dispenser_group_count(html) == 0
    assert parse_equipment(html, site_id="12").dispensers == ()


def test_location_without_equipment_has_no_dispensers(saved_page):
    html = saved_page("location_no_equipment.html")

    assert dispenser_group_count(html) == 0
    equipment = parse_equipment(html, site_id="7311")
    assert (equipment.site_id, equipment.dispensers) == ("7311", ())


def test_tab_still_loading_has_no_count_and_cannot_be_parsed(saved_page):
    # The Info tab's own empty state must not pass for the equipment's.
    html = saved_page("location_equipment_loading.html")

    assert dispenser_group_count(html) is None
    with pytest.raises(PageNotAsExpected, match="neither equipment groups"):
        parse_equipment(html, site_id="2715")


def test_renamed_group_markup_raises_instead_of_reading_as_no_dispensers(
    saved_page,
):
    html = saved_page("location_groups_renamed.html")

    assert dispenser_group_count(html) is None
    with pytest.raises(PageNotAsExpected):
        parse_equipment(html, site_id="2715")


def test_pane_alone_without_the_page_around_it_is_read():
    row = '<div data-equipment-id="9"><div>7 - E85 - Tokheim</div></div>'

    equipment = parse_equipment(equipment_pane(row), site_id="3")

    assert [(d.number, d.make, d.grades) for d in equipment.dispensers] == [
        ("7", None, ())
    ]


def test_dispenser_row_without_a_title_raises():
    row = '<div data-equipment-id="9"><div class="muted">S/N: 123</div></div>'

    with pytest.raises(PageNotAsExpected, match="row 9 has no title"):
        parse_equipment(equipment_pane(row), site_id="3")


def test_dispenser_heading_without_a_count_raises():
    html = equipment_pane().replace("Dispenser (0)", "Dispenser")

    with pytest.raises(PageNotAsExpected, match="has no count"):
        dispenser_group_count(html)
