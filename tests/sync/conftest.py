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
