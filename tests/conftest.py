"""Fixtures every test area shares: users, their credentials, the simulator."""

import pytest

from accounts.models import WorkFossaCredential
from scraping import browser, site_browser
from tests.live_account import EMAIL, SIM_PASSWORD

pytest_plugins = ["tests.simulator_plugin"]


@pytest.fixture(autouse=True)
def quick_test_settings(settings, tmp_path):
    # Screenshots and saved pages of runs go to a folder of the test's own.
    settings.MEDIA_ROOT = tmp_path / "media"
    # The real hasher takes most of a second per user made.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def started_browsers(monkeypatch):
    """Every browser the scraper starts in this test, in start order."""
    started = []

    def recording_open_browser(**timeouts):
        started.append(browser.open_browser(**timeouts))
        return started[-1]

    monkeypatch.setattr(site_browser, "open_browser", recording_open_browser)
    return started


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("dana", password="dana-pass-1")


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("sam", password="sam-pass-1")


@pytest.fixture
def live_settings(settings, simulator):
    """Point the sync at the simulator, without the politeness limit."""
    settings.WORKFOSSA_BASE_URL = simulator.base_url
    settings.WORKFOSSA_MAX_REQUESTS_PER_SECOND = 200
    settings.SCRAPE_WAIT_TIMEOUT = 10
    # One browser a run: each one takes seconds to start.
    settings.SCRAPE_SITE_BROWSERS = 1
    return settings


@pytest.fixture
def sim_credential(owner, live_settings):
    """The owner's login to the simulator account of ``tests.live_account``."""
    credential = WorkFossaCredential(user=owner, email=EMAIL)
    credential.set_password(SIM_PASSWORD)
    credential.save()
    return credential
