"""The password check over plain HTTP that the credential form uses."""

import logging
import socket

from scraping.login_check import check_login
from scraping.models import FailureKind
from tests.scraper.conftest import EMAIL, PASSWORD, logins


def test_right_password_is_accepted_quickly(simulator, account):
    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url)

    assert result.ok
    assert result.kind is None
    assert result.seconds < 5
    assert logins(simulator)["accepted"] == 1


def test_wrong_password_is_rejected_after_one_attempt(simulator, account):
    result = check_login(EMAIL, "not-it", base_url=simulator.base_url)

    assert not result.ok
    assert result.kind == FailureKind.LOGIN_REJECTED
    assert "refused" in result.message
    assert logins(simulator)["refused"] == 1


def test_throttled_login_says_how_long_to_wait(simulator, account):
    simulator.configure(EMAIL, throttle_attempts=1)
    check_login(EMAIL, "not-it", base_url=simulator.base_url)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url)

    assert result.kind == FailureKind.LOGIN_THROTTLED
    assert 0 < result.retry_after_seconds <= 900


def test_disabled_account_needs_action(simulator, account):
    simulator.configure(EMAIL, disabled=True)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url)

    assert result.kind == FailureKind.ACTION_NEEDED
    assert "disabled" in result.message


def test_two_step_verification_needs_action(simulator, account):
    simulator.configure(EMAIL, two_factor=True)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url)

    assert result.kind == FailureKind.ACTION_NEEDED
    assert "two-step" in result.message


def test_maintenance_is_site_unavailable(simulator, account):
    simulator.configure(maintenance=True)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url)

    assert result.kind == FailureKind.SITE_UNAVAILABLE
    assert logins(simulator) == {}


def test_server_errors_are_site_unavailable(simulator, account):
    simulator.configure(error_rate=1.0)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url)

    assert result.kind == FailureKind.SITE_UNAVAILABLE


def test_nothing_listening_is_site_unavailable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = check_login(EMAIL, PASSWORD, base_url=f"http://127.0.0.1:{port}")

    assert result.kind == FailureKind.SITE_UNAVAILABLE


def test_silent_site_times_out(simulator, account):
    simulator.configure(latency=3.0)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url, timeout=0.5)

    assert result.kind == FailureKind.TIMED_OUT
    assert result.seconds < 2


def test_the_time_limit_covers_the_whole_check_not_each_request(simulator, account):
    # Each of the check's two requests fits the limit; both together do not.
    simulator.configure(latency=0.8)

    result = check_login(EMAIL, PASSWORD, base_url=simulator.base_url, timeout=1.2)

    assert result.kind == FailureKind.TIMED_OUT
    assert result.seconds < 1.5


def test_page_without_login_form_is_not_as_expected(simulator, account):
    result = check_login(EMAIL, PASSWORD, base_url=f"{simulator.base_url}/app/x")

    assert result.kind == FailureKind.PAGE_NOT_AS_EXPECTED


def test_check_logs_no_password_or_token(simulator, account, caplog):
    caplog.set_level(logging.DEBUG)

    check_login(EMAIL, PASSWORD, base_url=simulator.base_url)
    check_login(EMAIL, "wrong-Pa55", base_url=simulator.base_url)

    assert caplog.records
    assert PASSWORD not in caplog.text
    assert "wrong-Pa55" not in caplog.text
    assert "_token" not in caplog.text
