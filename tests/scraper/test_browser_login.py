"""Logging in through the login form in a real browser."""

import socket

import pytest

from scraping.errors import (
    ActionNeeded,
    LoginRejected,
    LoginThrottled,
    PageNotAsExpected,
    SiteUnavailable,
)
from scraping.login_check import check_login
from tests.scraper.conftest import logins

pytestmark = pytest.mark.browser


def test_accepted_login_reports_its_step(simulator, account, make_scraper):
    steps = []
    scraper = make_scraper(on_step=lambda step, message, **counts: steps.append(step))

    scraper.login()

    assert steps == ["login"]
    assert scraper.pages_loaded == 2  # the form and its answer
    assert logins(simulator)["accepted"] == 1


def test_refused_password_is_submitted_only_once(simulator, account, make_scraper):
    scraper = make_scraper(password="an-old-password")

    with pytest.raises(LoginRejected):
        scraper.login()
    with pytest.raises(LoginRejected):
        scraper.login()

    assert logins(simulator)["refused"] == 1


def test_throttled_login_says_when_to_retry(simulator, account, make_scraper):
    simulator.configure(account.email, throttle_attempts=1)
    check_login(account.email, "an-old-password", base_url=simulator.base_url)

    with pytest.raises(LoginThrottled) as raised:
        make_scraper().login()

    assert 0 < raised.value.retry_after_seconds <= 900


@pytest.mark.parametrize(
    "knob, words",
    [("disabled", "disabled"), ("two_factor", "two-step verification")],
)
def test_login_that_needs_the_technician(simulator, account, make_scraper, knob, words):
    simulator.configure(account.email, **{knob: True})
    scraper = make_scraper()

    with pytest.raises(ActionNeeded) as raised:
        scraper.login()
    with pytest.raises(ActionNeeded):
        scraper.login()

    assert words in raised.value.message
    assert sum(logins(simulator).values()) == 1


@pytest.mark.parametrize("knobs", [{"maintenance": True}, {"error_rate": 1.0}])
def test_broken_site_is_unavailable(simulator, account, make_scraper, knobs):
    simulator.configure(**knobs)

    with pytest.raises(SiteUnavailable):
        make_scraper().login()


def test_nothing_listening_is_unavailable(make_scraper, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    scraper = make_scraper()
    scraper.session.base_url = f"http://127.0.0.1:{port}"

    with pytest.raises(SiteUnavailable) as raised:
        scraper.login()

    assert "ERR_CONNECTION_REFUSED" in raised.value.detail


def test_page_without_login_form_is_not_as_expected(simulator, account, make_scraper):
    scraper = make_scraper()
    scraper.session.base_url = f"{simulator.base_url}/app/work"

    with pytest.raises(PageNotAsExpected):
        scraper.login()


def test_saved_session_is_used_while_it_lasts(simulator, account, make_scraper):
    first = make_scraper()
    first.login()
    cookies = first.session_cookies()
    first.close()

    second = make_scraper(cookies=cookies)
    second.login()
    reused_while_valid = second.reused_session
    simulator.end_sessions()
    second.login()

    assert reused_while_valid
    assert not second.reused_session
    assert logins(simulator)["accepted"] == 2
    assert logins(simulator)["refused"] == 0
