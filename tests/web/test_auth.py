"""Signing in and out, changing the password, and pages closed to visitors."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRIVATE_PAGES = [
    ("dashboard", []),
    ("export_csv", []),
    ("work_order", ["129651"]),
    ("credential", []),
    ("run_list", []),
    ("run_detail", [1]),
    ("run_progress", [1]),
    ("run_screenshot", [1]),
    ("run_page", [1]),
    ("password_change", []),
]


@pytest.mark.parametrize("name, args", PRIVATE_PAGES)
def test_every_page_sends_a_visitor_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_a_user_signs_in_and_lands_on_the_work_orders(client, owner):
    response = client.post(
        reverse("login"), {"username": "dana", "password": "dana-pass-1"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_wrong_password_is_refused_with_a_message(client, owner):
    response = client.post(reverse("login"), {"username": "dana", "password": "nope"})

    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_user_signs_out(owner_client):
    response = owner_client.post(reverse("logout"))

    assert response["Location"] == reverse("login")
    assert owner_client.get(reverse("dashboard")).status_code == 302


def test_a_user_changes_their_password(owner, owner_client, client):
    response = owner_client.post(
        reverse("password_change"),
        {
            "old_password": "dana-pass-1",
            "new_password1": "a-Fresh-pass-42",
            "new_password2": "a-Fresh-pass-42",
        },
    )

    assert response["Location"] == reverse("password_change_done")
    assert client.login(username="dana", password="a-Fresh-pass-42")
    assert not client.login(username="dana", password="dana-pass-1")
