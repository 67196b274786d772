"""Fixtures for the simulator's tests: an HTTP client and a headless browser."""

import pytest

from .site_client import SiteClient


@pytest.fixture
def client(simulator):
    return SiteClient(simulator.base_url)


@pytest.fixture
def logged_in(client, sim_account):
    answer = client.login("tech@example.com", "secret")
    assert answer.status == 302
    return client


@pytest.fixture(scope="module")
def browser():
    from scraping.browser import close_browser, open_browser

    driver = open_browser()
    yield driver
    close_browser(driver)
