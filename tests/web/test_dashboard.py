"""The dashboard: a user's open work orders, searched, filtered and grouped."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import add_dispenser, make_order

pytestmark = pytest.mark.django_db


def shown_ids(response) -> list[str]:
    return [order.external_id for order in response.context["page"]]


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_it_asks_a_visitor_to_sign_in(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_lists_the_soonest_visit_first_and_orders_without_a_visit_last(
    owner, owner_client
):
    make_order(owner, external_id="3", next_visit_date=None)
    make_order(owner, external_id="2", next_visit_date=in_days(9))
    make_order(owner, external_id="1", next_visit_date=in_days(1))

    response = owner_client.get(reverse("dashboard"))

    assert shown_ids(response) == ["1", "2", "3"]
    page = response.content.decode()
    assert page.index("W-1<") < page.index("W-2<") < page.index("W-3<")


def test_it_shows_a_stranger_none_of_the_owners_orders(owner, stranger_client):
    make_order(owner, external_id="129651", customer="Wawa")

    response = stranger_client.get(reverse("dashboard"))

    assert shown_ids(response) == []
    assert "W-129651" not in response.content.decode()


@pytest.mark.parametrize(
    "search, expected",
    [
        ("W-129651", ["129651"]),
        ("129651", ["129651"]),
        ("circle k", ["200001"]),
        ("#38437", ["129651"]),
        ("orlando", ["200001"]),
    ],
)
def test_it_searches_by_id_customer_store_number_or_city(
    owner, owner_client, search, expected
):
    make_order(
        owner,
        external_id="129651",
        customer="Wawa",
        store_number="38437",
        city="Tampa",
    )
    make_order(
        owner,
        external_id="200001",
        customer="Circle K",
        store_number="2207",
        city="Orlando",
    )

    response = owner_client.get(reverse("dashboard"), {"q": search})

    assert shown_ids(response) == expected


def test_it_filters_by_status_service_code_visit_and_date_range(owner, owner_client):
    make_order(owner, external_id="1", status="Open", next_visit_date=in_days(1))
    make_order(
        owner,
        external_id="2",
        status="On Hold",
        next_visit_date=in_days(2),
        services=[{"code": "3146", "quantity": 1, "name": "Prover"}],
        service_codes=" 3146 ",
    )
    make_order(owner, external_id="3", status="Open", next_visit_date=None)
    make_order(owner, external_id="4", status="Open", next_visit_date=in_days(20))
    url = reverse("dashboard")

    assert shown_ids(owner_client.get(url, {"status": "On Hold"})) == ["2"]
    assert shown_ids(owner_client.get(url, {"service": "3146"})) == ["2"]
    assert shown_ids(owner_client.get(url, {"visit": "without"})) == ["3"]
    assert shown_ids(owner_client.get(url, {"visit": "with"})) == ["1", "2", "4"]
    between = {"visit_from": in_days(2).isoformat(), "visit_to": in_days(20)}
    assert shown_ids(owner_client.get(url, between)) == ["2", "4"]


def test_a_malformed_date_is_reported_and_the_other_filters_still_apply(
    owner, owner_client
):
    make_order(owner, external_id="1", status="Open")
    make_order(owner, external_id="2", status="On Hold")

    response = owner_client.get(
        reverse("dashboard"), {"status": "Open", "visit_from": "next tuesday"}
    )

    assert shown_ids(response) == ["1"]
    assert "Enter a valid date" in response.content.decode()


def test_it_groups_the_visits_by_week(owner, owner_client):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    make_order(owner, external_id="1", next_visit_date=monday + datetime.timedelta(6))
    make_order(owner, external_id="2", next_visit_date=monday + datetime.timedelta(7))
    far = monday + datetime.timedelta(days=21)
    make_order(owner, external_id="3", next_visit_date=far)
    make_order(owner, external_id="4", next_visit_date=None)

    page = owner_client.get(reverse("dashboard")).content.decode()

    headings = ["This week", "Next week", f"Week of {far:%b} {far.day}", "No visit"]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert page.index("This week") < page.index("W-1<") < page.index("Next week")


def test_it_shows_fifty_orders_a_page(owner, owner_client):
    for day in range(60):
        make_order(owner, external_id=str(1000 + day), next_visit_date=in_days(day))

    first = owner_client.get(reverse("dashboard"))
    second = owner_client.get(reverse("dashboard"), {"page": 2})

    assert len(shown_ids(first)) == 50
    assert shown_ids(second) == [str(1000 + day) for day in range(50, 60)]
    assert "Page 1 of 2" in first.content.decode()


def page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_orders(owner, owner_client):
    for index in range(10):
        add_dispenser(make_order(owner, next_visit_date=in_days(index % 30)))
    with_ten = page_queries(owner_client)

    for index in range(190):
        order = make_order(owner, next_visit_date=in_days(index % 30))
        add_dispenser(order)
        add_dispenser(order, number="3/4")

    assert page_queries(owner_client) == with_ten


def test_a_visit_earlier_today_s_week_is_overdue_not_this_week(owner, owner_client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_order(owner, external_id="1", next_visit_date=yesterday)
    make_order(owner, external_id="2", next_visit_date=timezone.localdate())

    page = owner_client.get(reverse("dashboard")).content.decode()

    assert page.index("Overdue") < page.index("W-1<") < page.index("This week")
    assert page.index("This week") < page.index("W-2<")


def test_the_status_filter_lists_statuses_in_the_order_work_moves(owner, owner_client):
    for number, status in enumerate(["On Hold", "Awaiting Parts", "Open", "Scheduled"]):
        make_order(owner, external_id=str(number), status=status)

    form = owner_client.get(reverse("dashboard")).context["form"]

    assert [label for _, label in form.fields["status"].choices] == [
        "Any status",
        "Open",
        "Scheduled",
        "On Hold",
        "Awaiting Parts",
    ]
