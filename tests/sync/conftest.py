import pytest

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.models import ScrapeRun, Trigger


@pytest.fixture
def run(owner):
    return ScrapeRun.objects.create(user=owner, trigger=Trigger.COMMAND)


@pytest.fixture
def credential(owner):
    credential = WorkFossaCredential(user=owner, email="tech@example.com")
    credential.set_password("s3cret-Pa55!")
    credential.status = CredentialStatus.VALID
    credential.save()
    return credential


@pytest.fixture
def fake_workfossa(monkeypatch):
    """WorkFossa played by hand-built records (see fake_scraper)."""
    from tests.sync.fake_scraper import FakeWorkFossa

    site = FakeWorkFossa()
    monkeypatch.setattr("scraping.runner.WorkFossaScraper", site.scraper)
    return site


EMAIL = "tech@example.com"
SIM_PASSWORD = "s3cret-Pa55word"


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
    credential = WorkFossaCredential(user=owner, email=EMAIL)
    credential.set_password(SIM_PASSWORD)
    credential.save()
    return credential
