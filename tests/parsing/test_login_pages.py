"""Telling the login page, its alerts and a logged-in page apart."""

import pytest

from scraping.parsing import (
    is_logged_in_page,
    is_login_page,
    login_error_text,
    page_title,
)


def test_login_form_is_recognised_without_an_error(saved_page):
    html = saved_page("login.html")

    assert is_login_page(html)
    assert login_error_text(html) is None
    assert not is_logged_in_page(html)


@pytest.mark.parametrize(
    ("page", "alert"),
    [
        (
            "login_credentials_rejected.html",
            "These credentials do not match our records.",
        ),
        (
            "login_throttled.html",
            "Too many login attempts. Please try again in 812 seconds.",
        ),
        (
            "login_account_disabled.html",
            "This account has been disabled. Contact your administrator.",
        ),
    ],
)
def test_each_login_alert_is_read_as_shown(saved_page, page, alert):
    html = saved_page(page)

    assert is_login_page(html)
    assert login_error_text(html) == alert


def test_dashboard_is_a_logged_in_page(saved_page):
    html = saved_page("dashboard.html")

    assert is_logged_in_page(html)
    assert not is_login_page(html)
    assert page_title(html) == "Dashboard | WorkFossa"


@pytest.mark.parametrize(
    "html",
    [
        '<nav class="main-nav"><a href="/app/work/list">Work</a></nav>',
        '<header><button type="button" aria-label="User menu">Dana</button></header>',
    ],
)
def test_either_mark_alone_makes_a_logged_in_page(html):
    assert is_logged_in_page(html)


@pytest.mark.parametrize(
    "html",
    [
        '<nav class="site-nav"><a href="/app/work/list">Work</a></nav>',
        '<nav class="main-nav"><a href="/pricing">Pricing</a></nav>',
        '<button aria-label="Menu">Open</button>',
    ],
)
def test_pages_without_those_marks_are_not_logged_in(html):
    assert not is_logged_in_page(html)


def test_two_factor_challenge_is_neither_login_nor_logged_in(saved_page):
    html = saved_page("two_factor_challenge.html")

    assert not is_login_page(html)
    assert not is_logged_in_page(html)
    assert page_title(html) == "Two-Factor Confirmation | WorkFossa"


def test_error_page_title_is_trimmed(saved_page):
    assert page_title(saved_page("maintenance.html")) == "Service Unavailable"


def test_page_without_a_title_has_none():
    assert page_title("<html><body>Be right back.</body></html>") is None
