"""The work order page: every field, its dispensers, and only for its owner."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from scraping.models import RunStatus
from tests.web.conftest import add_dispenser, make_order, make_run

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


def test_an_unchanged_order_was_last_seen_by_the_last_successful_sync(
    owner, owner_client
):
    long_ago = timezone.now() - datetime.timedelta(days=3)
    order = make_order(owner, last_seen_at=long_ago, last_changed_at=long_ago)
    synced = make_run(owner, finished_at=timezone.now() - datetime.timedelta(hours=1))
    make_run(owner, status=RunStatus.FAILED, finished_at=timezone.now())

    page = owner_client.get(f"/orders/{order.external_id}/").content.decode()

    shown = timezone.localtime(synced.finished_at).strftime("%b %-d, %Y %H:%M")
    assert f'id="last-seen">{shown}<' in page


def test_an_order_withheld_from_removal_keeps_its_own_last_seen_time(
    owner, owner_client
):
    long_ago = timezone.now() - datetime.timedelta(days=3)
    order = make_order(owner, last_seen_at=long_ago)
    make_run(owner, withheld_removal_ids=[order.external_id])

    page = owner_client.get(f"/orders/{order.external_id}/").content.decode()

    shown = timezone.localtime(long_ago).strftime("%b %-d, %Y %H:%M")
    assert f'id="last-seen">{shown}<' in page
