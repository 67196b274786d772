"""Serves the WorkFossa simulator until interrupted."""

import copy
import datetime
import signal

from django.core.management.base import BaseCommand, CommandError

from scraping.simulator import DEMO_CONFIG, PROFILES, build, load_config
from scraping.simulator.config import DEMO_ACCOUNT


class Command(BaseCommand):
    # The simulator needs no database, so it starts without the checks.
    requires_system_checks = []
    help = (
        "Serve a simulated WorkFossa on this machine, with the accounts of a "
        "config file and/or the demo account, until Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--config", metavar="FILE", help="JSON file with accounts and knobs"
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help=f"add the demo account {DEMO_ACCOUNT['email']} "
            f"({DEMO_ACCOUNT['orders']} orders)",
        )
        parser.add_argument(
            "--seed", type=int, help="data seed (default: config's, or 0)"
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="the date visits are counted from (default: today); with "
            "the seed it fixes the data",
        )
        parser.add_argument(
            "--change-every",
            type=float,
            metavar="SECONDS",
            help="every SECONDS, complete an order, add one and change one "
            "site's dispensers in every account (default: the config's "
            "changes, else never)",
        )
        parser.add_argument(
            "--profile",
            choices=sorted(PROFILES),
            help="latency profile (default: config's, or realistic with --demo)",
        )

    def handle(
        self,
        *args,
        host,
        port,
        config,
        demo,
        seed,
        profile,
        today,
        change_every,
        **options,
    ):
        if not config and not demo:
            raise CommandError("Nothing to serve: give --config FILE, --demo, or both.")

        settings = self._settings(config, demo)
        changes = settings.get("changes")
        if change_every is not None:
            changes = {**(changes or {}), "every_seconds": change_every}
        try:
            simulator = build(
                settings, seed=seed, profile=profile, host=host, port=port, today=today
            )
            simulator.start()
            if changes:
                simulator.drift(changes, on_change=self._announce_change)
        except (ValueError, TypeError) as error:
            raise CommandError(f"Bad simulator settings: {error}") from error
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error}") from error

        # A service manager (or scripts/run) stops it with SIGTERM: end as on
        # Ctrl-C, with the report of what was served.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            self._announce(simulator, demo)
            simulator.serve_forever()
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")
        finally:
            simulator.stop()
            self._report(simulator.stats)

    def _announce_change(self, text):
        self.stdout.write(f"world changed: {text}")
        self.stdout.flush()

    def _report(self, stats):
        """What was served, for the person who ran it."""
        pages = ", ".join(
            f"{page} {count}"
            for page, count in sorted(stats["requests_by_page"].items())
        )
        self.stdout.write(
            f"Served {stats['requests']} requests ({pages or 'none'}); "
            f"{stats['latency_added_s']:.1f} s of latency added"
        )
        for email, logins in sorted(stats["logins"].items()):
            self.stdout.write(
                f"  {email}: {logins['accepted']} logins accepted, "
                f"{logins['refused']} refused, {logins['throttled']} throttled"
            )

    def _announce(self, simulator, demo):
        self.stdout.write(f"WorkFossa simulator at {simulator.base_url}")
        self.stdout.write(
            f"seed {simulator.seed}, profile {simulator.profile}; Ctrl-C stops it"
        )
        for account in simulator.accounts:
            orders = len(account.open_orders())
            if demo and account.email == DEMO_ACCOUNT["email"]:
                login = f"password {DEMO_ACCOUNT['password']}"
            else:
                login = "password as in the config file"
            self.stdout.write(f"  {account.email} ({login}), {orders} open orders")

    def _settings(self, config_path, demo):
        try:
            settings = load_config(config_path) if config_path else {}
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error

        if demo:
            demo_settings = copy.deepcopy(DEMO_CONFIG)
            settings.setdefault("profile", demo_settings["profile"])
            knobs = {**demo_settings["knobs"], **settings.get("knobs", {})}
            settings["knobs"] = knobs
            emails = {a["email"].lower() for a in settings.get("accounts", [])}
            if DEMO_ACCOUNT["email"] not in emails:
                settings.setdefault("accounts", []).extend(demo_settings["accounts"])
        return settings


def _interrupt(signum, frame):
    raise KeyboardInterrupt
