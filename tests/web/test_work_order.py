"""The work order page: every field, its dispensers, and only for its owner."""

import pytest
from django.urls import reverse

from tests.web.conftest import add_dispenser, make_order

pytestmark = pytest.mark.django_db


def test_it_shows_every_field_and_the_dispensers(owner, owner_client):
    order = make_order(
        owner,
        external_id="129651",
        customer="7-Eleven Stores, Inc",
        instructions='Call the manager & say "hi" <before> 8:00',
        created_by="Dana Reyes",
        visit_id="88812",
        visit_url="https://app.workfossa.com/app/work/129651/visits/88812",
    )
    add_dispenser(order, number="1/2")
    add_dispenser(
        order,
        number="3/4",
        grades=[{"code": "0999", "name": None}],
        make="",
        model="",
        serial_number="",
        nozzles=None,
        extra={"HOSE LENGTH": "9 ft"},
    )

    response = owner_client.get(reverse("work_order", args=["129651"]))

    page = response.content.decode()
    assert response.status_code == 200
    for text in [
        "W-129651",
        "7-Eleven Stores, Inc",
        "38437",
        "1801 N Dale Mabry Hwy",
        "Tampa, FL 33607",
        "Hillsborough County",
        "2861 · 6 × All Dispensers",
        "Dana Reyes",
        "Call the manager &amp; say &quot;hi&quot; &lt;before&gt; 8:00",
        'href="https://app.workfossa.com/app/work/129651"',
        "visit 88812",
        "Regular",
        "Diesel",
        "Gilbarco",
        "Encore 700 S",
        "GB12965112",
        "HD Meter",
        "Stand alone code: 0001",
        "Blend ratio: 50/50",
        "0999",
        "Hose length: 9 ft",
        'id="first-seen"',
        'id="last-changed"',
    ]:
        assert text in page, text
    assert list(response.context["dispensers"]) == list(order.dispensers.all())


def test_a_stranger_gets_404(owner, stranger_client):
    make_order(owner, external_id="129651")

    response = stranger_client.get(reverse("work_order", args=["129651"]))

    assert response.status_code == 404


def test_an_order_that_is_gone_gets_404(owner_client):
    response = owner_client.get(reverse("work_order", args=["404404"]))

    assert response.status_code == 404


def test_an_order_whose_site_was_not_read_yet_says_so(owner, owner_client):
    make_order(owner, external_id="129651")

    page = owner_client.get(reverse("work_order", args=["129651"])).content.decode()

    assert "has not been read yet" in page
