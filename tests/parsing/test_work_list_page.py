"""The work list as a page: summary, paging, empty state, changed markup."""

import pytest

from scraping.parsing import PageNotAsExpected, parse_work_list
from tests.parsing.conftest import WORK_LIST_URL
from tests.parsing.rows import work_list, work_row


def test_first_page_reads_every_row_in_page_order(saved_page):
    page = parse_work_list(saved_page("work_list_first_page.html"), WORK_LIST_URL)

    assert [order.external_id for order in page.orders] == [
        "129651",
        "130007",
        "131200",
        "131377",
        "131502",
    ]
    assert (page.first, page.last, page.total) == (1, 5, 7)


def test_next_link_is_resolved_against_the_page_url(saved_page):
    page = parse_work_list(saved_page("work_list_first_page.html"), WORK_LIST_URL)

    assert page.next_url == (
        "https://app.example.test/app/work/list?work_visit_completion=none"
        "||No%20visits%20completed||Work%20Visits%20Completed"
        "&order_direction=asc&per_page=5&page=2"
    )


def test_last_page_has_no_next_url(saved_page):
    page = parse_work_list(saved_page("work_list_last_page.html"), WORK_LIST_URL)

    assert len(page.orders) == 2
    assert (page.first, page.last, page.total) == (101, 102, 102)
    assert page.next_url is None


def test_empty_state_is_a_list_without_orders(saved_page):
    page = parse_work_list(saved_page("work_list_empty.html"), WORK_LIST_URL)

    assert page.orders == ()
    assert (page.first, page.last, page.total) == (0, 0, 0)
    assert page.next_url is None


def test_page_past_the_last_shows_the_empty_state(saved_page):
    page = parse_work_list(saved_page("work_list_past_last_page.html"), WORK_LIST_URL)

    assert page.orders == ()
    assert page.total == 0
    assert page.next_url is None


def test_summary_with_thousands_separators_is_read():
    rows = [work_row(str(order_id)) for order_id in range(1001, 1101)]

    page = parse_work_list(
        work_list(rows, summary="Showing 1,001 to 1,100 of 1,234 results"),
        WORK_LIST_URL,
    )

    assert (page.first, page.last, page.total) == (1001, 1100, 1234)


def test_rows_under_another_class_raise_instead_of_reading_as_empty(saved_page):
    with pytest.raises(PageNotAsExpected, match="holds 0 rows"):
        parse_work_list(saved_page("work_list_rows_renamed.html"), WORK_LIST_URL)


def test_page_without_summary_or_empty_state_raises(saved_page):
    with pytest.raises(PageNotAsExpected, match="pagination summary"):
        parse_work_list(saved_page("work_list_summary_missing.html"), WORK_LIST_URL)


def test_page_whose_rows_have_not_loaded_raises(saved_page):
    with pytest.raises(PageNotAsExpected, match="may not have loaded"):
        parse_work_list(saved_page("work_list_still_loading.html"), WORK_LIST_URL)


def test_login_page_is_not_read_as_an_empty_work_list(saved_page):
    with pytest.raises(PageNotAsExpected):
        parse_work_list(saved_page("login.html"), WORK_LIST_URL)


@pytest.mark.parametrize(
    "summary",
    [
        "Showing some results",
        "Showing 1 to 100 of many results",
        "Showing 5 to 3 of 10 results",
        "Showing 1 to 20 of 10 results",
    ],
)
def test_summary_that_cannot_be_read_raises(summary):
    with pytest.raises(PageNotAsExpected, match="summary"):
        parse_work_list(work_list([work_row()], summary=summary), WORK_LIST_URL)


def test_summary_counting_more_rows_than_the_page_holds_raises():
    html = work_list(
        [work_row("1"), work_row("2")], summary="Showing 1 to 3 of 3 results"
    )

    with pytest.raises(PageNotAsExpected, match="orders 1 to 3 but the page holds 2"):
        parse_work_list(html, WORK_LIST_URL)


def test_empty_state_next_to_rows_raises():
    html = work_list([work_row()], summary=None).replace(
        "</body>", '<div class="empty-state">No work orders match.</div></body>'
    )

    with pytest.raises(PageNotAsExpected, match="empty state and 1 rows"):
        parse_work_list(html, WORK_LIST_URL)


def test_row_markup_in_a_script_is_not_taken_for_a_row(saved_page):
    # The saved first page embeds row markup in a script's JSON.
    page = parse_work_list(saved_page("work_list_first_page.html"), WORK_LIST_URL)

    assert len(page.orders) == page.last - page.first + 1


def test_a_full_page_of_hundred_rows_is_read(saved_page):
    template = saved_page("work_list_first_page.html")
    start, end = (
        template.index('<div class="work-list-item"'),
        template.index('<div data-work-id="130007"'),
    )
    row = template[start:end]
    rows = [row.replace("129651", str(200000 + n)) for n in range(100)]

    page = parse_work_list(work_list(rows), WORK_LIST_URL)

    assert [order.external_id for order in page.orders] == [
        str(200000 + n) for n in range(100)
    ]
