"""Checks that need no browser: a complete list, and the politeness pace."""

import time

import pytest

from scraping.errors import IncompleteList
from scraping.pacing import Pacer
from scraping.records import ScrapedWorkOrder, WorkListPage
from scraping.work_list_reader import complete_list, rows_are_in, work_list_url


def order(number):
    return ScrapedWorkOrder(
        external_id=str(number),
        url=f"https://wf.test/app/work/{number}",
        status="Open",
        customer="Wawa",
        site_id="1",
        site_url="https://wf.test/app/customers/locations/1/",
        store_number=None,
        street=None,
        city=None,
        state=None,
        zip=None,
        county=None,
    )


def page(numbers, total, next_url=None):
    orders = tuple(order(n) for n in numbers)
    return WorkListPage(orders, total, numbers[0] if numbers else 0, 0, next_url)


def test_pages_that_add_up_give_every_order_once():
    pages = [page(range(1, 101), 150, "next"), page(range(100, 151), 150)]

    orders = complete_list(pages)

    assert [o.external_id for o in orders] == [str(n) for n in range(1, 151)]


def test_missing_orders_make_the_list_incomplete():
    pages = [page(range(1, 101), 137, "next"), page(range(101, 131), 137)]

    with pytest.raises(IncompleteList) as raised:
        complete_list(pages)

    assert "130" in raised.value.detail and "137" in raised.value.detail


def test_a_total_that_changes_midway_makes_the_list_incomplete():
    pages = [page(range(1, 101), 120, "next"), page(range(101, 122), 121)]

    with pytest.raises(IncompleteList):
        complete_list(pages)


def test_an_empty_list_is_complete():
    assert complete_list([page([], 0)]) == []


def test_work_list_url_asks_for_open_work_at_the_largest_page_size():
    url = work_list_url("https://wf.test", page=3)

    assert url.startswith("https://wf.test/app/work/list?work_visit_completion=")
    assert "none||No%20visits%20completed||Work%20Visits%20Completed" in url
    assert url.endswith("&order_direction=asc&per_page=100&page=3")


def test_pacer_spaces_page_loads():
    pacer = Pacer(per_second=20)
    started = time.monotonic()

    for _ in range(5):
        pacer.wait()

    assert time.monotonic() - started >= 4 / 20


def list_state(rows, summary=None, empty=0, loading=False):
    return {
        "loading": loading,
        "counts": {"rows": rows, "summary": int(summary is not None), "empty": empty},
        "texts": {"rows": None, "summary": summary, "empty": None},
    }


def test_the_wait_holds_until_the_rows_the_summary_counts_are_in():
    summary = "Showing 101 to 137 of 137 results"

    assert not rows_are_in(list_state(0, summary))
    assert not rows_are_in(list_state(36, summary))
    assert not rows_are_in(list_state(37, summary, loading=True))
    assert rows_are_in(list_state(37, summary))
    assert rows_are_in(list_state(0, empty=1))
    # A summary it cannot read is the parser's to report.
    assert rows_are_in(list_state(5, "Page 2"))
