"""Fixtures every test area shares: users, their credentials, the simulator."""

import pytest

pytest_plugins = ["tests.simulator_plugin"]


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("dana", password="dana-pass-1")


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("sam", password="sam-pass-1")
