"""Summarizes failing syncs per user, for operators."""

import json

from django.core.management.base import BaseCommand, CommandError

from scraping.failure_report import (
    build_failure_report,
    report_as_json,
    report_as_text,
)


class Command(BaseCommand):
    help = (
        "Show, per user, the syncs of the last hours: failures by kind, the "
        "hours they happened at, the typical time before a failure, the last "
        "success and whether the user is paused."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="How far back to look (default 24).",
        )
        parser.add_argument("--user", dest="username", help="Only this user.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print JSON."
        )

    def handle(self, *args, hours, username, as_json, **options):
        if hours < 1:
            raise CommandError("--hours must be at least 1.")
        try:
            report = build_failure_report(hours=hours, username=username)
        except LookupError:
            raise CommandError(f"No user named {username!r}.") from None

        if as_json:
            self.stdout.write(json.dumps(report_as_json(report), indent=2))
        else:
            self.stdout.write(report_as_text(report))
