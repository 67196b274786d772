import pytest

from accounts.models import WorkFossaCredential

EMAIL = "tech@example.com"
SIM_PASSWORD = "s3cret-Pa55word"


@pytest.fixture
def live_settings(settings, simulator):
    """Point WorkFossa at the simulator, without the politeness limit."""
    settings.WORKFOSSA_BASE_URL = simulator.base_url
    settings.WORKFOSSA_MAX_REQUESTS_PER_SECOND = 200
    settings.SCRAPE_WAIT_TIMEOUT = 10
    settings.SCRAPE_SITE_BROWSERS = 1
    return settings


@pytest.fixture
def sim_credential(owner, live_settings):
    credential = WorkFossaCredential(user=owner, email=EMAIL)
    credential.set_password(SIM_PASSWORD)
    credential.save()
    return credential
