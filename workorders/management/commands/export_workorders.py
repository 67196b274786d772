"""Prints a user's stored work orders with their dispensers, as JSON or CSV."""

import io

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from workorders.export import orders_for_export, write_csv, write_json


class Command(BaseCommand):
    help = "Print a user's work orders with their dispensers (JSON or CSV)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--format", choices=("json", "csv"), default="json")

    def handle(self, *args, username, format, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")

        text = io.StringIO(newline="")
        writer = write_csv if format == "csv" else write_json
        writer(orders_for_export(user), text)
        self.stdout.write(text.getvalue(), ending="")
