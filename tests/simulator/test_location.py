"""The customer location page and its Equipment tab over plain HTTP."""

import html
import re


def _site_with(account, condition):
    for order in account.open_orders():
        if condition(order["dispensers"]):
            return order["site_id"]
    raise AssertionError("no such site in the generated data")


def test_location_page_has_the_tabs_and_an_empty_equipment_pane(logged_in, sim_account):
    order = sim_account.open_orders()[0]

    page = logged_in.get(f"/app/customers/locations/{order['site_id']}/").text

    assert f'<h1 class="location-name">{html.escape(order["site_name"])}</h1>' in page
    assert '<a class="tab active" dusk="info-tab" href="#info">Info</a>' in page
    assert '<a class="tab" dusk="equipment-tab" href="#equipment">Equipment</a>' in page
    assert '<div class="tab-pane" id="equipment"></div>' in page


def test_dispenser_rows_match_the_ground_truth(simulator, client):
    account = simulator.add_account("eq@example.com", "pw", orders=60)
    client.login("eq@example.com", "pw")
    site = _site_with(account, lambda dispensers: len(dispensers) >= 3)
    base = f"/app/customers/locations/{site}/equipment"

    pane = client.get(base).text
    rows = client.get(base + "/dispensers").text

    truth = account.dispensers(site)
    assert f'<span class="text-normal bold">Dispenser ({len(truth)})</span>' in pane
    assert 'class="group-body" data-group-body hidden' in pane
    shades = re.findall(r'<div class="(py-1\.5[^"]*)" data-equipment-id', rows)
    assert shades[:2] == ["py-1.5", "py-1.5 bg-gray-50"]
    assert len(shades) == len(truth)
    for dispenser in truth:
        row = rows.split(f'data-equipment-id="{dispenser["equipment_id"]}"')[1]
        row = row.split("data-equipment-id")[0]
        assert f"<div>{html.escape(dispenser['title'])}</div>" in row
        if dispenser["serial_number"]:
            assert f"S/N: {dispenser['serial_number']}" in row
        if dispenser["grades"]:
            codes = " ".join(g["code"] for g in dispenser["grades"])
            assert f"<div>GRADE</div><div>{codes}</div>" in row


def test_rows_can_come_with_the_pane(simulator, client):
    account = simulator.add_account("eq@example.com", "pw", rows_after_expand=False)
    client.login("eq@example.com", "pw")
    site = _site_with(account, bool)

    pane = client.get(f"/app/customers/locations/{site}/equipment").text

    assert pane.count('class="py-1.5') >= len(account.dispensers(site))
    assert "equipment/dispensers" not in pane


def test_a_site_without_equipment_shows_the_empty_state(simulator, client):
    account = simulator.add_account("eq@example.com", "pw", orders=400)
    client.login("eq@example.com", "pw")
    bare = {o["site_id"] for o in account.open_orders() if not o["dispensers"]}

    panes = [
        client.get(f"/app/customers/locations/{site}/equipment").text
        for site in sorted(bare)
    ]

    empty = [pane for pane in panes if "empty-state" in pane]
    assert empty, "no site without equipment was generated"
    for pane in empty:
        assert '<div class="empty-state">No equipment recorded.</div>' in pane
        assert "equipment-group" not in pane
    assert all("Dispenser (" not in pane for pane in panes)


def test_changed_markup_hides_the_groups_from_the_contract(
    logged_in, simulator, sim_account
):
    simulator.configure(changed_markup="equipment")
    site = _site_with(sim_account, bool)

    pane = logged_in.get(f"/app/customers/locations/{site}/equipment").text

    assert "equipment-group" not in pane
    assert "group-heading" not in pane
    assert "empty-state" not in pane


def test_changed_work_list_markup_keeps_the_total_but_not_the_rows(
    logged_in, simulator
):
    simulator.configure(changed_markup="worklist")

    fragment = logged_in.get("/app/work/list/data?per_page=25").text

    assert "pagination-summary" in fragment
    assert "work-list-item" not in fragment
    assert "data-work-id" not in fragment
