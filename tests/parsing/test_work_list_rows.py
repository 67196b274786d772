"""Each field of a work-list row, read as the site contract describes it."""

import datetime

import pytest

from scraping.parsing import PageNotAsExpected, parse_work_list
from scraping.records import Service
from tests.parsing.conftest import WORK_LIST_URL
from tests.parsing.rows import work_list, work_row


@pytest.fixture
def orders(saved_page):
    page = parse_work_list(saved_page("work_list_first_page.html"), WORK_LIST_URL)
    return {order.external_id: order for order in page.orders}


def only_order(**parts):
    return parse_work_list(work_list([work_row(**parts)]), WORK_LIST_URL).orders[0]


def test_contract_example_row_is_read_field_by_field(orders):
    order = orders["129651"]

    assert order.url == "https://app.example.test/app/work/129651"
    assert order.status == "Scheduled"
    assert order.customer == "7-Eleven Stores, Inc"
    assert order.site_id == "4821"
    assert order.site_url == "https://app.example.test/app/customers/locations/4821/"
    assert order.store_number == "#38437"
    assert (order.street, order.city, order.state, order.zip, order.county) == (
        "1801 N Dale Mabry Hwy",
        "Tampa",
        "FL",
        "33607",
        "Hillsborough County",
    )
    assert order.services == (Service("2861", 6, "All Dispensers"),)
    assert order.created_by == "Dana Reyes"
    assert order.created_on == datetime.date(2026, 11, 20)
    assert order.instructions == (
        "Calibrate all dispensers. Call the manager on arrival."
    )


def test_visit_with_anytime_keeps_the_note(orders):
    visit = orders["129651"].next_visit

    assert visit.date == datetime.date(2026, 12, 8)
    assert visit.time is None
    assert visit.note == "anytime"
    assert visit.visit_id == "88812"
    assert visit.url == "https://app.example.test/app/work/129651/visits/88812"


def test_visit_with_a_morning_time(orders):
    visit = orders["130007"].next_visit

    assert visit.date == datetime.date(2027, 1, 14)
    assert visit.time == datetime.time(8, 0)
    assert visit.note is None
    # The link ends in a slash; the id is still its last segment.
    assert visit.visit_id == "90001"


def test_visit_with_an_afternoon_time_is_read_on_the_24_hour_clock(orders):
    assert orders["131377"].next_visit.time == datetime.time(14, 30)


def test_visit_with_only_a_date_and_an_absolute_link(orders):
    visit = orders["131502"].next_visit

    assert (visit.date, visit.time, visit.note) == (
        datetime.date(2027, 3, 30),
        None,
        None,
    )
    assert visit.url == "https://app.example.test/app/work/131502/visits/91020"
    assert visit.visit_id == "91020"


def test_order_without_a_scheduled_visit_has_none(orders):
    assert orders["131200"].next_visit is None


def test_reordered_attributes_wrappers_and_whitespace_do_not_matter(orders):
    order = orders["130007"]

    assert order.status == "In Progress"
    assert order.customer == "Circle K"
    assert order.site_id == "977"
    assert order.store_number == "#2715"
    assert order.created_by == "Sam O’Neil"


def test_address_without_street_with_parish_and_zip_plus_four(orders):
    order = orders["130007"]

    assert (order.street, order.city, order.state, order.zip, order.county) == (
        None,
        "Baton Rouge",
        "LA",
        "70801-1234",
        "East Baton Rouge Parish",
    )


def test_two_line_address_of_street_and_city_has_no_county(orders):
    order = orders["131200"]

    assert (order.street, order.city, order.zip, order.county) == (
        "400 Crossroads Blvd",
        "Cherry Hill",
        "08002",
        None,
    )


def test_two_line_address_of_city_and_county_has_no_street(orders):
    order = orders["131502"]

    assert (order.street, order.city, order.county) == (
        None,
        "Lake Charles",
        "Calcasieu Parish",
    )


def test_one_line_address_is_the_city_line(orders):
    order = orders["131377"]

    assert (order.street, order.city, order.state, order.zip, order.county) == (
        None,
        "Dayton",
        "OH",
        "45402",
        None,
    )


def test_several_services_in_page_order_with_names_as_shown(orders):
    assert orders["130007"].services == (
        Service("2862", 2, "Specific Dispensers (1/2, 3/4)"),
        Service("3146", 1, "Open Neck Prover"),
        Service("3002", 12, "All Dispensers"),
    )


def test_services_split_by_line_breaks_and_an_unknown_code(orders):
    assert orders["131200"].services == (
        Service("4410", 3, "Meter Replacement"),
        Service("2861", 8, "All Dispensers"),
    )


def test_service_without_a_quantity_keeps_its_text_as_the_name():
    services = (
        '<div class="services"><div><span class="muted">9100</span>'
        " Site survey</div></div>"
    )

    assert only_order(services=services).services == (
        Service("9100", None, "Site survey"),
    )


def test_services_shown_without_codes_raise():
    services = '<div class="services"><div>6 x All Dispensers</div></div>'

    with pytest.raises(PageNotAsExpected, match="service code"):
        only_order(services=services)


def test_instructions_keep_markup_characters_accents_emoji_and_line_breaks(orders):
    assert orders["131377"].instructions == (
        'Gate code: "4471#" & ask for José at the café.\n'
        "Don't use the <b>north</b> entrance < 7 AM — trucks unload.\n"
        "\n"
        "Manager: Zoë 🚚⛽ >> call first 📞"
    )


def test_customer_name_with_escaped_characters_is_decoded(orders):
    assert orders["131377"].customer == "Speedway & Sons <Fuel>"


def test_instructions_broken_by_br_elements_keep_the_breaks():
    instructions = (
        '<div class="pre-wrap instructions">\n  Line one<br>Line two<br/>'
        "&lt;three&gt;\n</div>"
    )

    order = only_order(instructions=instructions)

    assert order.instructions == "Line one\nLine two\n<three>"


def test_blank_or_absent_instructions_are_none(orders):
    assert orders["131200"].instructions is None
    assert orders["131502"].instructions is None


def test_creator_bullet_as_entity_or_character(orders):
    assert orders["129651"].created_by == "Dana Reyes"
    assert orders["130007"].created_on == datetime.date(2026, 12, 1)
    assert orders["131377"].created_on == datetime.date(2026, 11, 28)


def test_order_without_store_number_has_none(orders):
    assert orders["131200"].store_number is None


def test_order_number_comes_from_the_attribute_when_the_link_text_lacks_it():
    heading = (
        '<div class="work-heading"><a class="work-link" href="/app/work/{id}">'
        'Open order</a><span class="badge status">Open</span></div>'
    )

    assert only_order(heading=heading).external_id == "129651"


def test_row_without_any_order_number_raises():
    heading = (
        '<div class="work-heading"><a class="work-link" href="/app/work/x">'
        'Open order</a><span class="badge status">Open</span></div>'
    )
    row = work_row(attributes='class="work-list-item"', heading=heading)

    with pytest.raises(PageNotAsExpected, match="no order number"):
        parse_work_list(work_list([row]), WORK_LIST_URL)


def test_row_whose_link_and_attribute_disagree_raises():
    row = work_row(attributes='class="work-list-item" data-work-id="555"')

    with pytest.raises(PageNotAsExpected, match="data-work-id='555'"):
        parse_work_list(work_list([row]), WORK_LIST_URL)


@pytest.mark.parametrize(
    ("part", "message"),
    [
        ("heading", "link to the order"),
        ("customer", "customer"),
    ],
)
def test_row_missing_required_markup_raises_naming_it(part, message):
    row = work_row(**{part: None})

    with pytest.raises(PageNotAsExpected, match=message):
        parse_work_list(work_list([row]), WORK_LIST_URL)


def test_row_without_status_badge_raises():
    heading = '<a class="work-link" href="/app/work/129651">W-129651</a>'

    with pytest.raises(PageNotAsExpected, match="status badge"):
        only_order(heading=heading)


def test_visit_link_that_is_not_a_date_raises():
    visit = '<div class="visit"><a href="/app/work/1/visits/2">Soon</a></div>'

    with pytest.raises(PageNotAsExpected, match="does not start with a date"):
        only_order(visit=visit)


def test_customer_link_elsewhere_than_a_location_has_no_site():
    customer = '<div class="customer"><a href="/app/customers/91">Shell</a></div>'

    order = only_order(customer=customer)

    assert (order.customer, order.site_id, order.site_url) == ("Shell", None, None)


def test_customer_without_a_link_is_named_by_its_text():
    customer = '<div class="customer">Wawa <span class="store-number">#812</span></div>'

    order = only_order(customer=customer)

    assert (order.customer, order.store_number, order.site_id) == ("Wawa", "#812", None)


def test_customer_link_without_a_name_raises():
    customer = '<div class="customer"><a href="/app/customers/locations/1/"></a></div>'

    with pytest.raises(PageNotAsExpected, match="customer name not found"):
        only_order(customer=customer)
