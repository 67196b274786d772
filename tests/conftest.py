"""Fixtures every test area shares: users, their credentials, the simulator."""

import pytest

pytest_plugins = ["tests.simulator_plugin"]


@pytest.fixture(autouse=True)
def quick_test_settings(settings, tmp_path):
    # Screenshots and saved pages of runs go to a folder of the test's own.
    settings.MEDIA_ROOT = tmp_path / "media"
    # The real hasher takes most of a second per user made.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("dana", password="dana-pass-1")


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("sam", password="sam-pass-1")
