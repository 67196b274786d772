"""``manage.py workfossa_simulator``: a person's way to run the simulator."""

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from .site_client import SiteClient

PROJECT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(*arguments):
    command = [sys.executable, "manage.py", "workfossa_simulator", *arguments]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        command, cwd=PROJECT, stdout=subprocess.PIPE, text=True, env=env
    )


def _banner(process, accounts):
    """The lines the command prints before serving: address, seed, accounts."""
    return [process.stdout.readline().strip() for _ in range(2 + accounts)]


def _stop(process):
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=10)


def test_demo_serves_the_demo_account_on_the_given_port():
    port = _free_port()
    process = _serve("--demo", "--port", str(port), "--profile", "fast")
    try:
        banner = _banner(process, accounts=1)
        assert banner[0] == f"WorkFossa simulator at http://127.0.0.1:{port}"
        assert banner[2] == (
            "demo@workfossa.test (password demo-password), 40 open orders"
        )

        answer = SiteClient(f"http://127.0.0.1:{port}").login(
            "demo@workfossa.test", "demo-password"
        )

        assert answer.location == "/app/dashboard"
    finally:
        _stop(process)


def test_config_file_sets_accounts_seed_and_knobs(tmp_path):
    config = tmp_path / "simulator.json"
    config.write_text(
        json.dumps(
            {
                "seed": 11,
                "knobs": {"maintenance": True},
                "accounts": [{"email": "a@example.com", "password": "pw", "orders": 7}],
            }
        )
    )
    port = _free_port()
    process = _serve("--config", str(config), "--port", str(port))
    try:
        banner = _banner(process, accounts=1)
        page = SiteClient(f"http://127.0.0.1:{port}").get("/login")

        assert page.status == 503
    finally:
        _stop(process)
    assert banner[1].startswith("seed 11,")
    assert banner[2] == "a@example.com (password as in the config file), 7 open orders"


def test_nothing_to_serve_is_an_error():
    with pytest.raises(CommandError, match="Nothing to serve"):
        call_command("workfossa_simulator")


def test_a_bad_config_file_is_an_error(tmp_path):
    config = tmp_path / "bad.json"
    config.write_text(json.dumps({"knobs": {"errors": 1}}))

    with pytest.raises(CommandError, match="errors"):
        call_command("workfossa_simulator", "--config", str(config), "--port", "0")


def test_the_world_changes_on_a_timer_and_what_was_served_is_told_at_the_end(
    tmp_path,
):
    config = tmp_path / "simulator.json"
    config.write_text(
        json.dumps(
            {
                "accounts": [{"email": "a@example.com", "password": "pw", "orders": 6}],
                "changes": {"every_seconds": 0.3, "complete": 2, "add": 1},
            }
        )
    )
    port = _free_port()
    process = _serve("--config", str(config), "--port", str(port))
    try:
        _banner(process, accounts=1)
        change = process.stdout.readline().strip()
        site = SiteClient(f"http://127.0.0.1:{port}")
        site.login("a@example.com", "wrong")
        site.login("a@example.com", "pw")
    finally:
        # As scripts/run and service managers stop it.
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=10)

    assert change.startswith("world changed: a@example.com: completed ")
    assert ", added " in change
    assert "a@example.com: 1 logins accepted, 1 refused" in rest
    assert "Served " in rest


def test_a_bad_change_plan_is_an_error(tmp_path):
    config = tmp_path / "bad.json"
    config.write_text(json.dumps({"changes": {"every_seconds": 0}}))

    with pytest.raises(CommandError, match="every_seconds"):
        call_command("workfossa_simulator", "--config", str(config), "--port", "0")
