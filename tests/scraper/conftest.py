"""Fixtures for the scraper tests: accounts on the simulator, and scrapers
pointed at it."""

import pytest

from scraping.scraper import WorkFossaScraper

EMAIL = "tech@example.com"
PASSWORD = "s3cret-Pa55word"


@pytest.fixture
def account(simulator):
    """An account with 30 open orders at 8 sites, on one list page."""
    return simulator.add_account(EMAIL, PASSWORD, orders=30, sites=8)


@pytest.fixture
def make_scraper(simulator):
    """Builds a scraper for the simulator; every one is closed after the test.

    The politeness limit is lifted: the simulator is local, and the limit
    has its own test.
    """
    made = []

    def make(password=PASSWORD, **options):
        options.setdefault("max_requests_per_second", 100)
        options.setdefault("site_browsers", 1)
        options.setdefault("wait_timeout", 10)
        scraper = WorkFossaScraper(
            EMAIL, password, base_url=simulator.base_url, run_id="t1", **options
        )
        made.append(scraper)
        return scraper

    yield make
    for scraper in made:
        scraper.close()


def logins(simulator, email=EMAIL):
    return simulator.stats["logins"].get(email, {})
