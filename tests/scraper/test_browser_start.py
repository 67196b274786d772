"""Starting the browser, and what an operator reads when it cannot start."""

from pathlib import Path

import pytest

from scraping.browser import browser_session, open_browser
from scraping.errors import BrowserFailure


def test_missing_chromium_names_what_to_install(settings, tmp_path):
    settings.CHROMIUM_BINARY = str(tmp_path / "chromium")

    with pytest.raises(BrowserFailure) as raised:
        open_browser()

    assert "apt-get install chromium chromium-driver" in raised.value.message
    assert str(tmp_path / "chromium") in raised.value.message


@pytest.mark.browser
def test_browser_session_always_quits_and_removes_its_profile():
    with pytest.raises(RuntimeError), browser_session() as driver:
        profile = driver.profile_dir
        raise RuntimeError("the scrape broke")

    assert driver.service.process.poll() is not None
    assert not Path(profile).exists()
