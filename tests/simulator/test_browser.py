"""The scripted parts of the simulated pages, in a real headless browser:
the loader, the page-size control, the Equipment tab, its groups and the
blocking dialog."""

import pytest
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from .site_client import OPEN_WORK

pytestmark = pytest.mark.browser

ROW = "div.work-list-item"


@pytest.fixture
def browser_in(browser, simulator, sim_account):
    """The browser, logged in as tech@example.com on a fresh simulator."""
    browser.delete_all_cookies()
    browser.get(simulator.base_url + "/login")
    browser.find_element(By.NAME, "email").send_keys("tech@example.com")
    browser.find_element(By.NAME, "password").send_keys("secret")
    browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    _wait(browser).until(ec.url_contains("/app/dashboard"))
    return browser


def _wait(browser, seconds=10):
    return WebDriverWait(browser, seconds)


def _loaded(browser):
    """Wait for the work list's loader to go; return the rows."""
    _wait(browser).until(
        ec.invisibility_of_element_located((By.CSS_SELECTOR, "div.loader-line"))
    )
    return browser.find_elements(By.CSS_SELECTOR, ROW)


def _open_equipment(browser):
    browser.find_element(By.CSS_SELECTOR, 'a[dusk="equipment-tab"]').click()
    _wait(browser).until(
        lambda b: (
            b.find_elements(By.CSS_SELECTOR, "#equipment .equipment-group")
            or b.find_elements(By.CSS_SELECTOR, "#equipment .empty-state")
        )
    )


def _site_with_dispensers(account):
    return next(o for o in account.open_orders() if len(o["dispensers"]) >= 2)


def test_login_form_lands_on_the_dashboard(browser_in):
    menu = browser_in.find_element(By.CSS_SELECTOR, 'button[aria-label="User menu"]')

    assert menu.text == "Dana Reyes"


def test_rows_arrive_after_the_loader(browser_in, simulator):
    simulator.configure(loader_delay=(0.4, 0.4))

    browser_in.get(f"{simulator.base_url}/app/work/list?{OPEN_WORK}&per_page=25")

    assert browser_in.find_element(By.CSS_SELECTOR, "div.loader-line").is_displayed()
    assert browser_in.find_elements(By.CSS_SELECTOR, ROW) == []
    rows = _loaded(browser_in)
    assert len(rows) == 25
    summary = browser_in.find_element(By.CSS_SELECTOR, "div.pagination-summary")
    assert summary.text == "Showing 1 to 25 of 30 results"


def test_row_text_reads_as_the_ground_truth(browser_in, simulator, sim_account):
    browser_in.get(f"{simulator.base_url}/app/work/list?{OPEN_WORK}&per_page=50")
    rows = _loaded(browser_in)

    for row, order in zip(rows, sim_account.open_orders(), strict=True):
        assert row.get_attribute("data-work-id") == order["id"]
        customer = row.find_element(By.CSS_SELECTOR, ".customer a")
        assert customer.text == order["customer"]
        found = row.find_elements(By.CSS_SELECTOR, ".instructions")
        text = found[0].get_attribute("textContent").strip() if found else ""
        assert text == (order["instructions"] or "")


def test_page_size_control_reloads_with_that_size(browser_in, simulator):
    browser_in.get(f"{simulator.base_url}/app/work/list?{OPEN_WORK}")
    assert len(_loaded(browser_in)) == 25

    browser_in.find_element(By.CSS_SELECTOR, "div.ks-select-selection").click()
    option = browser_in.find_element(
        By.XPATH, "//ul[@class='ks-select-dropdown']/li[normalize-space()='Show 50']"
    )
    option.click()

    _wait(browser_in).until(ec.url_contains("per_page=50"))
    assert len(_loaded(browser_in)) == 30
    assert "work_visit_completion=none" in browser_in.current_url


def test_dispenser_rows_arrive_when_the_group_is_expanded(
    browser_in, simulator, sim_account
):
    order = _site_with_dispensers(sim_account)
    browser_in.get(f"{simulator.base_url}/app/customers/locations/{order['site_id']}/")

    _open_equipment(browser_in)
    heading = browser_in.find_element(
        By.XPATH,
        "//a[@class='group-heading'][starts-with(normalize-space(), 'Dispenser')]",
    )
    body = heading.find_element(By.XPATH, "following-sibling::div[@class='group-body']")
    assert not body.is_displayed()
    heading.click()

    rows = _wait(browser_in).until(
        lambda b: body.find_elements(By.CSS_SELECTOR, "[data-equipment-id]")
    )
    titles = [row.find_element(By.CSS_SELECTOR, ".flex div").text for row in rows]
    assert titles == [d["title"] for d in order["dispensers"]]


def test_dialog_on_location_load_blocks_the_page_until_cancelled(
    browser_in, simulator, sim_account
):
    simulator.configure(dialog_rate=1.0, dialog_on="location")
    order = _site_with_dispensers(sim_account)
    browser_in.get(f"{simulator.base_url}/app/customers/locations/{order['site_id']}/")

    dialog = browser_in.find_element(By.CSS_SELECTOR, 'div.modal[role="dialog"]')
    with pytest.raises(ElementClickInterceptedException):
        browser_in.find_element(By.CSS_SELECTOR, 'a[dusk="equipment-tab"]').click()
    dialog.find_element(By.XPATH, ".//button[normalize-space()='Cancel']").click()

    _wait(browser_in).until(ec.staleness_of(dialog))
    _open_equipment(browser_in)
    assert simulator.stats["events"].get("check_in") is None


def test_dialog_after_equipment_loads_blocks_the_groups(
    browser_in, simulator, sim_account
):
    simulator.configure(dialog_rate=1.0, dialog_on="equipment")
    order = _site_with_dispensers(sim_account)
    browser_in.get(f"{simulator.base_url}/app/customers/locations/{order['site_id']}/")
    assert browser_in.find_elements(By.CSS_SELECTOR, "div.modal") == []

    _open_equipment(browser_in)

    dialog = _wait(browser_in).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, 'div.modal[role="dialog"]'))
    )
    with pytest.raises(ElementClickInterceptedException):
        browser_in.find_element(By.CSS_SELECTOR, "a.group-heading").click()
    dialog.find_element(By.XPATH, ".//button[normalize-space()='Cancel']").click()
    _wait(browser_in).until(ec.staleness_of(dialog))
    browser_in.find_element(By.CSS_SELECTOR, "a.group-heading").click()


def test_lost_session_sends_the_page_to_login_and_back_after(browser_in, simulator):
    work_list = f"{simulator.base_url}/app/work/list?{OPEN_WORK}"
    simulator.end_sessions()

    browser_in.get(work_list)

    _wait(browser_in).until(ec.url_contains("/login"))
    browser_in.find_element(By.NAME, "email").send_keys("tech@example.com")
    browser_in.find_element(By.NAME, "password").send_keys("secret")
    browser_in.find_element(By.CSS_SELECTOR, "#login-form button").click()
    _wait(browser_in).until(ec.url_contains("/app/work/list"))
    assert len(_loaded(browser_in)) == 25


def test_a_session_lost_behind_the_loader_goes_to_login(browser_in, simulator):
    # The dashboard and the page use up the session; its script's
    # request for the rows is refused.
    simulator.configure(session_max_requests=2)

    browser_in.get(f"{simulator.base_url}/app/work/list?{OPEN_WORK}")

    _wait(browser_in).until(ec.url_contains("/login"))
    assert browser_in.find_elements(By.ID, "login-form")
