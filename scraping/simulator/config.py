"""Build a simulator from a JSON config file, and the demo configuration.

A config file looks like this (every key optional)::

    {
      "seed": 7,
      "profile": "realistic",
      "knobs": {"error_rate": 0.02},
      "changes": {"every_seconds": 600, "complete": 1, "add": 1,
                  "dispensers": 1, "end_sessions": false},
      "accounts": [
        {"email": "demo@workfossa.test", "password": "demo-password",
         "name": "Dana Reyes", "orders": 40, "sites": 32,
         "knobs": {"dialog_rate": 0.3}}
      ]
    }

``knobs`` at the top level apply to the whole site, inside an account to
that account only; both take the names listed in the package docstring.
``changes`` makes the world move on by itself while the command serves (see
``drift``); ``build`` leaves it to the caller to start.
"""

import json

from .drift import check_changes
from .simulator import Simulator

DEMO_ACCOUNT = {
    "email": "demo@workfossa.test",
    "password": "demo-password",
    "name": "Dana Reyes",
    "orders": 40,
}
DEMO_CONFIG = {
    "profile": "realistic",
    "knobs": {"dialog_rate": 0.2},
    "accounts": [DEMO_ACCOUNT],
}

_TOP_KEYS = {"seed", "profile", "knobs", "accounts", "changes"}
_ACCOUNT_KEYS = {"email", "password", "name", "orders", "sites", "knobs"}


def load_config(path):
    """Read and check a config file; raises ValueError naming what is wrong."""
    with open(path, encoding="utf-8") as handle:
        try:
            config = json.load(handle)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path} is not valid JSON: {error}") from error
    check_config(config)
    return config


def check_config(config):
    if not isinstance(config, dict):
        raise ValueError("a simulator config must be a JSON object")
    unknown = set(config) - _TOP_KEYS
    if unknown:
        raise ValueError(f"unknown config key(s): {', '.join(sorted(unknown))}")
    if "changes" in config:
        check_changes(config["changes"])
    for account in config.get("accounts", []):
        missing = {"email", "password"} - set(account)
        if missing:
            raise ValueError(f"an account lacks {', '.join(sorted(missing))}")
        unknown = set(account) - _ACCOUNT_KEYS
        if unknown:
            raise ValueError(
                f"unknown key(s) for {account['email']}: {', '.join(sorted(unknown))}"
            )


def build(config, *, seed=None, profile=None, host="127.0.0.1", port=0, today=None):
    """A simulator (not yet started) with the config's accounts and knobs.

    ``seed`` and ``profile``, when given, win over the config's; ``today``
    is the date visits are counted from (default: the day it is built)."""
    check_config(config)
    simulator = Simulator(
        seed=config.get("seed", 0) if seed is None else seed,
        profile=profile or config.get("profile", "fast"),
        host=host,
        port=port,
        today=today,
    )
    simulator.configure(**config.get("knobs", {}))
    for account in config.get("accounts", []):
        simulator.add_account(
            account["email"],
            account["password"],
            account.get("orders", 30),
            name=account.get("name"),
            sites=account.get("sites"),
            **account.get("knobs", {}),
        )
    return simulator
