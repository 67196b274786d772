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
    from django.conf import settings
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1024",
    ):
        options.add_argument(argument)
    options.binary_location = settings.CHROMIUM_BINARY
    service = Service(settings.CHROMEDRIVER_PATH)
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()
