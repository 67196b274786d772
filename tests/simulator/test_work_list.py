"""The work list over plain HTTP: the page without rows, the rows its script
fetches, pagination, the filter and the rows' fields."""

import html
import re

import pytest

from .site_client import OPEN_WORK

ROWS = "/app/work/list/data"


def _ids(fragment):
    return re.findall(r'class="work-list-item" data-work-id="(\d+)"', fragment)


def _next_link(fragment):
    match = re.search(r'<a rel="next" href="([^"]+)"', fragment)
    return html.unescape(match.group(1)) if match else None


def test_first_html_has_the_loader_and_no_rows(logged_in):
    page = logged_in.get(f"/app/work/list?{OPEN_WORK}&per_page=100&page=1")

    assert page.status == 200
    assert '<div class="loader-line"></div>' in page.text
    assert "data-work-id" not in page.text
    assert '<div class="ks-select-selection">Show 100</div>' in page.text
    for size in (25, 50, 100):
        assert f">Show {size}</li>" in page.text


@pytest.mark.parametrize("per_page", [25, 50, 100])
def test_following_next_links_lists_every_open_order_once_in_order(
    simulator, client, per_page
):
    account = simulator.add_account("big@example.com", "pw", orders=137)
    client.login("big@example.com", "pw")
    expected = [order["id"] for order in account.open_orders()]
    path = f"/app/work/list?{OPEN_WORK}&order_direction=asc&per_page={per_page}&page=1"

    seen, pages = [], 0
    while path:
        fragment = client.get(path.replace("/app/work/list?", ROWS + "?")).text
        summary = re.search(r"Showing (\d+) to (\d+) of (\d+) results", fragment)
        assert summary.groups() == (
            str(len(seen) + 1),
            str(min(len(seen) + per_page, 137)),
            "137",
        )
        seen += _ids(fragment)
        path = _next_link(fragment)
        pages += 1

    assert seen == expected
    assert pages == -(-137 // per_page)


def test_other_page_sizes_mean_25(logged_in):
    fragment = logged_in.get(f"{ROWS}?{OPEN_WORK}&per_page=40").text

    assert "Showing 1 to 25 of 30 results" in fragment


def test_a_page_past_the_last_shows_the_empty_state_without_summary(logged_in):
    fragment = logged_in.get(f"{ROWS}?{OPEN_WORK}&per_page=25&page=3").text

    assert '<div class="empty-state">No work orders match these filters.</div>' in (
        fragment
    )
    assert "pagination-summary" not in fragment
    assert _next_link(fragment) is None


def test_an_account_with_no_open_orders_shows_the_empty_state(simulator, client):
    simulator.add_account("idle@example.com", "pw", orders=0)
    client.login("idle@example.com", "pw")

    assert "empty-state" in client.get(f"{ROWS}?{OPEN_WORK}").text


def test_without_the_filter_completed_orders_are_listed_too(logged_in, sim_account):
    filtered = logged_in.get(f"{ROWS}?{OPEN_WORK}&per_page=100").text
    unfiltered = logged_in.get(f"{ROWS}?per_page=100").text

    completed = set(_ids(unfiltered)) - set(_ids(filtered))
    assert completed
    assert set(_ids(filtered)) == {o["id"] for o in sim_account.open_orders()}
    assert '<span class="badge status">Completed</span>' in unfiltered


def test_completed_orders_leave_the_filtered_list(logged_in, sim_account):
    gone = sim_account.complete_orders(3)

    fragment = logged_in.get(f"{ROWS}?{OPEN_WORK}&per_page=100").text

    assert "of 27 results" in fragment
    assert not set(gone) & set(_ids(fragment))


def test_added_orders_join_the_list(logged_in, sim_account):
    added = sim_account.add_orders(2)

    fragment = logged_in.get(f"{ROWS}?{OPEN_WORK}&per_page=100").text

    assert set(added) <= set(_ids(fragment))
    assert "of 32 results" in fragment


def test_orders_come_by_next_visit_with_unscheduled_ones_last(sim_account):
    orders = sim_account.open_orders()
    dates = [o["next_visit"]["date"] for o in orders if o["next_visit"]]
    unscheduled = [o["next_visit"] is None for o in orders]

    assert dates == sorted(dates)
    assert unscheduled == sorted(unscheduled)


def test_a_row_shows_what_the_ground_truth_says(simulator, client):
    account = simulator.add_account("rows@example.com", "pw", orders=100)
    client.login("rows@example.com", "pw")
    fragment = client.get(f"{ROWS}?{OPEN_WORK}&per_page=100").text
    rows = dict(
        re.findall(r'data-work-id="(\d+)">(.*?)\n</div>', fragment, flags=re.DOTALL)
    )

    for order in account.open_orders():
        row = rows[order["id"]]
        assert f">W-{order['id']}</a>" in row
        assert f"/app/customers/locations/{order['site_id']}/" in row
        assert f">{html.escape(order['customer'])}</a>" in row
        assert f'<span class="badge status">{order["status"]}</span>' in row
        for service in order["services"]:
            line = f"{service['quantity']} x {html.escape(service['name'])}</div>"
            assert f'<span class="muted">{service["code"]}</span> {line}' in row
        if order["instructions"]:
            assert html.escape(order["instructions"]) in row
        if order["next_visit"] is None:
            assert "No visit scheduled" in row
        else:
            assert f"/visits/{order['next_visit']['visit_id']}" in row


def test_awkward_text_is_escaped_and_multi_line_instructions_keep_their_breaks(
    simulator, client
):
    account = simulator.add_account("text@example.com", "pw", orders=300)
    client.login("text@example.com", "pw")
    texts = [o["instructions"] or "" for o in account.open_orders()]
    fragments = "".join(
        client.get(f"{ROWS}?{OPEN_WORK}&per_page=100&page={page}").text
        for page in (1, 2, 3)
    )

    assert any("<b>" in text for text in texts)
    assert "&lt;b&gt;side&lt;/b&gt;" in fragments
    assert "<b>" not in fragments
    assert any("\n" in text for text in texts)
    assert any("🚗" in text or "☕" in text or "📸" in text for text in texts)
    assert "&amp;" in fragments
    assert "&quot;Big Mike&quot;" in fragments


def test_visit_text_follows_the_contract(simulator, client):
    account = simulator.add_account("visits@example.com", "pw", orders=200)
    client.login("visits@example.com", "pw")
    fragment = "".join(
        client.get(f"{ROWS}?{OPEN_WORK}&per_page=100&page={page}").text
        for page in (1, 2)
    )
    links = re.findall(r'title="Next Visit" href="[^"]+">([^<]+)</a>', fragment)

    formats = {
        "plain": r"\d\d/\d\d/\d{4}",
        "anytime": r"\d\d/\d\d/\d{4} \(anytime\)",
        "time": r"\d\d/\d\d/\d{4} \d{1,2}:\d\d [AP]M",
    }
    kinds = {
        name for link in links for name, rx in formats.items() if re.fullmatch(rx, link)
    }
    assert kinds == set(formats)
    assert len(links) == sum(1 for o in account.open_orders() if o["next_visit"])
