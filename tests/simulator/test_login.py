"""Logging in to the simulated site over plain HTTP: every outcome of the
contract's table, the anti-forgery token and the throttle."""

import re
import time

from .site_client import SiteClient

REJECTED = "These credentials do not match our records."


def test_login_form_has_the_fields_and_a_token(client):
    page = client.get("/login")

    assert page.status == 200
    assert '<form id="login-form" method="post" action="/login">' in page.text
    assert 'name="email" autocomplete="username"' in page.text
    assert 'name="password" autocomplete="current-password"' in page.text
    assert 'type="checkbox" name="remember"' in page.text
    assert re.search(r'name="_token" value="[\w-]{20,}"', page.text)
    assert "HttpOnly" in page.headers["set-cookie"]
    assert page.headers["set-cookie"].startswith("workfossa_session=")


def test_the_root_shows_the_login_form_too(client):
    assert 'id="login-form"' in client.get("/").text


def test_accepted_login_lands_on_the_dashboard_with_the_users_name(client, sim_account):
    answer = client.login("tech@example.com", "secret")

    assert answer.status == 302
    assert answer.location == "/app/dashboard"
    dashboard = client.get("/app/dashboard")
    assert '<a href="/app/work/list">Work</a>' in dashboard.text
    assert '<button type="button" aria-label="User menu">Dana Reyes</button>' in (
        dashboard.text
    )


def test_email_is_matched_without_regard_to_case(client, sim_account):
    assert client.login("Tech@Example.com", "secret").status == 302


def test_wrong_password_shows_the_form_again_with_the_email_kept(
    client, sim_account, simulator
):
    answer = client.login("tech@example.com", "wrong")

    assert answer.status == 200
    assert f'<div class="alert alert-danger form-error">{REJECTED}</div>' in answer.text
    assert 'value="tech@example.com"' in answer.text
    assert client.get("/app/dashboard").status == 302
    assert simulator.stats["logins"]["tech@example.com"]["refused"] == 1


def test_unknown_email_is_refused_like_a_wrong_password(client):
    answer = client.login("nobody@example.com", "secret")

    assert answer.status == 200
    assert REJECTED in answer.text


def test_post_without_the_sessions_token_is_page_expired(client, sim_account):
    client.get("/login")
    data = {"_token": "forged", "email": "tech@example.com", "password": "secret"}

    answer = client.post("/login", data)

    assert answer.status == 419
    assert answer.title() == "Page Expired"


def test_a_token_from_another_session_is_refused(simulator, client, sim_account):
    token_of_someone_else = SiteClient(simulator.base_url).token()
    client.get("/login")
    data = {
        "_token": token_of_someone_else,
        "email": "tech@example.com",
        "password": "secret",
    }

    assert client.post("/login", data).status == 419


def test_five_refusals_throttle_the_email_even_for_the_right_password(
    client, sim_account, simulator
):
    for _ in range(5):
        assert client.login("tech@example.com", "wrong").status == 200

    answer = client.login("tech@example.com", "secret")

    assert answer.status == 429
    seconds = re.search(r"Please try again in (\d+) seconds\.", answer.text)
    assert seconds and 800 < int(seconds.group(1)) <= 900
    assert 'class="alert alert-danger form-error">Too many login attempts.' in (
        answer.text
    )
    logins = simulator.stats["logins"]["tech@example.com"]
    assert logins == {"accepted": 0, "refused": 6, "throttled": 1, "two_factor": 0}


def test_throttle_lifts_when_the_window_from_the_first_refusal_is_over(
    client, sim_account, simulator
):
    simulator.configure(throttle_window=0.5)
    for _ in range(5):
        client.login("tech@example.com", "wrong")
    assert client.login("tech@example.com", "secret").status == 429

    time.sleep(0.6)

    assert client.login("tech@example.com", "secret").status == 302


def test_throttle_counts_per_email(client, simulator, sim_account):
    simulator.add_account("other@example.com", "pw")
    for _ in range(5):
        client.login("tech@example.com", "wrong")

    assert client.login("other@example.com", "pw").status == 302


def test_disabled_account_is_told_so_and_stays_logged_out(
    client, simulator, sim_account
):
    simulator.configure("tech@example.com", disabled=True)

    answer = client.login("tech@example.com", "secret")

    assert answer.status == 200
    assert "This account has been disabled. Contact your administrator." in answer.text
    assert client.get("/app/dashboard").status == 302


def test_two_step_account_is_sent_to_the_code_form_and_no_code_passes(
    client, simulator, sim_account
):
    simulator.configure("tech@example.com", two_factor=True)

    answer = client.login("tech@example.com", "secret")

    assert answer.status == 302
    assert answer.location == "/two-factor-challenge"
    challenge = client.get("/two-factor-challenge")
    assert 'name="code"' in challenge.text
    token = re.search(r'name="_token" value="([^"]+)"', challenge.text).group(1)
    retry = client.post("/two-factor-challenge", {"_token": token, "code": "123456"})
    assert retry.status == 200
    assert client.get("/app/dashboard").status == 302
    assert simulator.stats["logins"]["tech@example.com"]["two_factor"] == 1


def test_reject_password_refuses_the_right_password(client, simulator, sim_account):
    simulator.configure("tech@example.com", reject_password=True)

    assert REJECTED in client.login("tech@example.com", "secret").text


def test_a_changed_password_refuses_the_old_one(client, sim_account):
    sim_account.set_password("new-secret")

    assert REJECTED in client.login("tech@example.com", "secret").text
    assert client.login("tech@example.com", "new-secret").status == 302


def test_login_returns_to_the_page_that_sent_there(client, sim_account):
    bounced = client.get("/app/work/list?" + "per_page=50&page=2")
    assert bounced.status == 302
    assert bounced.location == "/login"

    answer = client.login("tech@example.com", "secret")

    assert answer.location == "/app/work/list?per_page=50&page=2"


def test_logout_needs_the_token_and_ends_the_session(logged_in):
    token = logged_in.page_token()
    assert logged_in.post("/logout", {"_token": "forged"}).status == 419

    answer = logged_in.post("/logout", {"_token": token})

    assert answer.status == 302
    assert answer.location == "/login"
    assert logged_in.get("/app/dashboard").status == 302


def test_a_session_cookie_from_before_login_is_worthless_after(
    simulator, client, sim_account
):
    client.get("/login")
    before = {cookie.name: cookie.value for cookie in client.cookies}
    client.login("tech@example.com", "secret")
    after = {cookie.name: cookie.value for cookie in client.cookies}

    assert before["workfossa_session"] != after["workfossa_session"]
    eavesdropper = SiteClient(simulator.base_url)
    header = {"Cookie": f"workfossa_session={before['workfossa_session']}"}
    assert eavesdropper.get("/app/dashboard", headers=header).status == 302
