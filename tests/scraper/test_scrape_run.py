"""A whole scrape in a real browser against the simulator: the work list,
every site's dispensers, and what a run meets on the way."""

import os

import pytest

from scraping import site_browser
from scraping.errors import PageNotAsExpected, SiteUnavailable
from tests.scraper.conftest import EMAIL, PASSWORD, logins

pytestmark = pytest.mark.browser


def scrape(scraper):
    scraper.login()
    orders = scraper.read_work_list()
    equipment = scraper.read_equipment({o.site_id: o.site_url for o in orders})
    return orders, equipment


def as_truth(orders, equipment):
    """The scrape in the shape of the simulator's ground truth."""
    return [
        {
            "id": order.external_id,
            "status": order.status,
            "customer": order.customer,
            "site_id": order.site_id,
            "street": order.street,
            "zip": order.zip,
            "instructions": order.instructions,
            "services": [(s.code, s.quantity) for s in order.services],
            "dispensers": [
                (d.number, d.serial_number, d.model, [g.code for g in d.grades])
                for d in equipment[order.site_id].dispensers
            ],
        }
        for order in orders
    ]


def truth(account):
    return [
        {
            "id": order["id"],
            "status": order["status"],
            "customer": order["customer"],
            "site_id": order["site_id"],
            "street": order["street"],
            "zip": order["zip"],
            "instructions": order["instructions"],
            "services": [(s["code"], s["quantity"]) for s in order["services"]],
            "dispensers": [
                (d["number"], d["serial_number"], d["model"])
                + ([g["code"] for g in d["grades"]],)
                for d in order["dispensers"]
            ],
        }
        for order in account.open_orders()
    ]


def test_whole_account_is_read_over_several_pages(simulator, make_scraper):
    account = simulator.add_account(EMAIL, PASSWORD, orders=130, sites=10)
    steps = []
    scraper = make_scraper(
        site_browsers=2, on_step=lambda step, message, **c: steps.append((message, c))
    )

    orders, equipment = scrape(scraper)

    assert as_truth(orders, equipment) == truth(account)
    assert ("Read page 2 of 2: 130 of 130 orders") in [m for m, _ in steps]
    assert steps[-1][1] == {"pages_loaded": 14, "orders_seen": 130, "sites_read": 10}
    assert simulator.stats["requests_by_page"]["location"] == 10
    assert logins(simulator) == {
        "accepted": 1,
        "refused": 0,
        "throttled": 0,
        "two_factor": 0,
    }


def test_lost_session_leads_to_one_new_login(simulator, account, make_scraper):
    # A run here makes about 27 /app requests: the session ends after 18,
    # and the new one lasts to the end.
    simulator.configure(EMAIL, session_max_requests=18)

    orders, equipment = scrape(make_scraper(site_browsers=2))

    assert as_truth(orders, equipment) == truth(account)
    assert logins(simulator)["accepted"] == 2


def test_session_lost_twice_fails_the_run(simulator, account, make_scraper):
    simulator.configure(EMAIL, session_max_requests=6)

    with pytest.raises(SiteUnavailable) as raised:
        scrape(make_scraper())

    assert "twice" in raised.value.message
    assert logins(simulator)["accepted"] == 2


def test_dialogs_are_cancelled(simulator, account, make_scraper):
    simulator.configure(dialog_rate=1.0, dialog_on="either")

    orders, equipment = scrape(make_scraper())

    assert as_truth(orders, equipment) == truth(account)
    assert simulator.stats["events"]["dialog_opened"] == len(equipment)
    assert simulator.stats["events"].get("check_in", 0) == 0


def test_server_errors_are_retried_once(simulator, account, make_scraper, monkeypatch):
    monkeypatch.setattr(site_browser, "RETRY_PAUSE_SECONDS", 0.05)
    scraper = make_scraper()
    scraper.login()
    simulator.configure(error_rate=0.15)

    orders = scraper.read_work_list()
    equipment = scraper.read_equipment({o.site_id: o.site_url for o in orders})

    assert as_truth(orders, equipment) == truth(account)
    assert simulator.stats["responses_by_status"][500] >= 1


@pytest.mark.parametrize("part", ["worklist", "equipment"])
def test_changed_markup_is_not_read_as_empty(simulator, account, make_scraper, part):
    simulator.configure(changed_markup=part)
    scraper = make_scraper()

    with pytest.raises(PageNotAsExpected):
        scrape(scraper)

    html = scraper.capture()[1]
    assert html and ("work-list" in html or "equipment" in html)


def test_browsers_are_closed_after_a_failure(
    simulator, account, make_scraper, started_browsers
):
    scraper = make_scraper(site_browsers=2)
    scraper.login()
    orders = scraper.read_work_list()
    simulator.configure(maintenance=True)

    with scraper, pytest.raises(SiteUnavailable):
        scraper.read_equipment({o.site_id: o.site_url for o in orders})

    assert len(started_browsers) == 2
    for driver in started_browsers:
        assert driver.service.process.poll() is not None
        assert not os.path.exists(driver.profile_dir)


def test_capture_never_shows_the_password(simulator, account, make_scraper):
    scraper = make_scraper()
    driver = scraper.browser.driver
    driver.get(f"{simulator.base_url}/login")
    driver.find_element("name", "password").send_keys(PASSWORD)

    png, html = scraper.capture()

    assert png.startswith(b"\x89PNG")
    assert PASSWORD not in html
    assert (
        driver.execute_script(
            "return document.querySelector('input[name=password]').value"
        )
        == ""
    )
