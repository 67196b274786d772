"""The main flows in a real browser: headless Chromium against the live test
server, with the simulator standing in for WorkFossa.

Queued syncs are run by a background thread that does what a django-q2
worker does (``run_queued_sync``), so that the page really watches a sync go
on while the server keeps answering.
"""

import threading

import pytest
from django.db import connections
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from accounts.models import CredentialStatus
from accounts.services import save_credential
from scraping.browser import close_browser, open_browser
from scraping.models import RunStatus, ScrapeRun
from scraping.runner import sync_user
from scraping.tasks import run_queued_sync
from workorders.models import WorkOrder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "tech@example.com"
SIM_PASSWORD = "right-password"


@pytest.fixture
def workfossa(simulator, settings):
    settings.WORKFOSSA_BASE_URL = simulator.base_url
    settings.SCRAPE_SITE_BROWSERS = 1
    return simulator.add_account(EMAIL, SIM_PASSWORD, orders=6, sites=3)


@pytest.fixture
def sync_worker(live_server):
    """Run queued syncs in a thread until the test ends, like a worker."""
    shared = connections["default"]
    # An in-memory test database exists only on the connection the live
    # server shares; any other database gets a connection of its own.
    share = shared.vendor == "sqlite" and shared.is_in_memory_db()
    stop = threading.Event()

    def work():
        if share:
            connections["default"] = shared
        try:
            while not stop.is_set():
                run = ScrapeRun.objects.filter(status=RunStatus.QUEUED).first()
                if run is None:
                    stop.wait(0.2)
                else:
                    run_queued_sync(run.pk)
        finally:
            if not share:
                connections["default"].close()

    if share:
        shared.inc_thread_sharing()
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=60)
    if share:
        shared.dec_thread_sharing()


@pytest.fixture
def browser():
    driver = open_browser()
    # Tall enough that the credential form's buttons are in view.
    driver.set_window_size(1280, 1600)
    yield driver
    close_browser(driver)


def text_shown(locator, text):
    """Whether ``text`` is in the element at ``locator``; "not yet" while the
    page is being replaced (a navigation, an htmx swap) and the element is
    momentarily gone."""

    def shown(driver):
        try:
            return text in driver.find_element(*locator).text
        except WebDriverException:
            return False

    return shown


def wait_for_text(browser, text, timeout=10):
    WebDriverWait(browser, timeout).until(text_shown((By.TAG_NAME, "body"), text))


def sign_in(browser, live_server):
    browser.get(live_server.url + "/signin/")
    browser.find_element(By.ID, "id_username").send_keys("dana")
    browser.find_element(By.ID, "id_password").send_keys("dana-pass-1")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for_text(browser, "Open work orders")


def save_login(browser, password):
    browser.find_element(By.ID, "id_email").clear()
    browser.find_element(By.ID, "id_email").send_keys(EMAIL)
    browser.find_element(By.ID, "id_password").send_keys(password)
    browser.find_element(By.NAME, "save").click()


def test_a_technician_sets_up_the_login_syncs_and_reads_an_order(
    browser, live_server, owner, workfossa, sync_worker
):
    sign_in(browser, live_server)
    browser.find_element(By.LINK_TEXT, "Add your WorkFossa login").click()

    save_login(browser, "not-my-password")
    wait_for_text(browser, "Not saved. WorkFossa refused this email or password.")

    save_login(browser, SIM_PASSWORD)
    wait_for_text(browser, "Saved. WorkFossa accepted this login.")

    browser.find_element(By.ID, "sync-button").click()
    WebDriverWait(browser, 10).until(
        text_shown((By.ID, "sync-button"), "Sync running…")
    )
    wait_for_text(browser, "Sync finished", timeout=90)
    assert browser.find_element(By.ID, "sync-button").text == "Sync now"
    assert "6 open orders: 6 new" in browser.find_element(By.ID, "sync-panel").text

    browser.get(live_server.url + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, "#orders tr[data-order]")
    expected = [order["id"] for order in workfossa.open_orders()]
    assert sorted(row.get_attribute("data-order") for row in rows) == sorted(expected)

    order = WorkOrder.objects.filter(owner=owner).first()
    browser.find_element(By.LINK_TEXT, f"W-{order.external_id}").click()
    wait_for_text(browser, order.customer)
    assert order.dispensers.count() == len(
        browser.find_elements(By.CSS_SELECTOR, "#dispensers tbody tr")
    )


def test_the_login_banner_shows_when_workfossa_refuses_the_saved_password(
    browser, live_server, owner, workfossa
):
    credential, check = save_credential(owner, EMAIL, SIM_PASSWORD)
    assert check.ok
    workfossa.set_password("changed-on-workfossa")
    run = sync_user(owner)
    assert run.failure_kind == "login_rejected"

    sign_in(browser, live_server)

    banner = browser.find_element(By.CSS_SELECTOR, "[data-banner=login]")
    assert "WorkFossa login refused" in banner.text
    assert "alert-danger" in banner.get_attribute("class")
    banner.find_element(By.LINK_TEXT, "Check your WorkFossa login").click()

    save_login(browser, "changed-on-workfossa")
    wait_for_text(browser, "Saved. WorkFossa accepted this login.")
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-banner=login]")
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.VALID
