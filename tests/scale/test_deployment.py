"""Production settings pass Django's deployment check, and the web app runs
under gunicorn with its static files served by whitenoise."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.scale.conftest import ROOT, free_port, manage, production_env

# A reverse proxy in front of gunicorn terminates TLS and says so in this
# header; production settings redirect plain HTTP without it.
PROXIED_HTTPS = {"X-Forwarded-Proto": "https", "Host": "fossa.example.com"}


def run(command, env, timeout=120):
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_deployment_check_is_clean_with_production_settings(tmp_path):
    result = run(
        manage("check", "--deploy", "--fail-level", "WARNING"), production_env(tmp_path)
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deployment_check_names_a_development_setting_left_on(tmp_path):
    result = run(
        manage("check", "--deploy", "--fail-level", "WARNING"),
        production_env(tmp_path, DEBUG="true"),
    )

    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


@pytest.fixture
def gunicorn_site(tmp_path):
    """The production web app under gunicorn; yields its base URL."""
    env = production_env(tmp_path)
    for step in (("migrate", "--no-input", "-v", "0"), ("collectstatic", "--no-input")):
        result = run(manage(*step), env)
        assert result.returncode == 0, result.stderr

    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "fossa_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(port, server)
        yield base_url, tmp_path / "static"
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_until_listening(port, server, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited: {server.stderr.read().decode()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not listen within {seconds} seconds")


def fetch(url):
    request = urllib.request.Request(url, headers=PROXIED_HTTPS)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_gunicorn_serves_the_sign_in_page_and_whitenoise_its_static_files(
    gunicorn_site,
):
    base_url, static_root = gunicorn_site

    status, headers, body = fetch(base_url + reverse(settings.LOGIN_URL))
    assert status == 200
    assert b'name="password"' in body
    assert "Strict-Transport-Security" in headers

    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    status, headers, body = fetch(f"{base_url}/static/{hashed}")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    # Fingerprinted names are cached for good; a new release has new names.
    assert "immutable" in headers["Cache-Control"]
    assert (
        body == (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_bytes()
    )


def test_plain_http_is_sent_to_https_in_production(gunicorn_site):
    base_url, _ = gunicorn_site
    request = urllib.request.Request(
        base_url + "/", headers={"Host": "fossa.example.com"}
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(request, timeout=10)

    assert answer.value.code == 301
    assert answer.value.headers["Location"].startswith("https://fossa.example.com/")
