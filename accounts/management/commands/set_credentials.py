"""Stores a user's WorkFossa login, checked against WorkFossa first."""

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services import save_credential


class Command(BaseCommand):
    help = (
        "Save the WorkFossa email and password of a user. The password is "
        "read from standard input when it is not a terminal, else prompted."
    )
    # Tests hand a stream in place of the terminal.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user of this site.")
        parser.add_argument("--email", required=True, help="The WorkFossa email.")
        parser.add_argument(
            "--no-verify",
            action="store_true",
            help="Save without trying the login on WorkFossa first.",
        )

    def handle(self, *args, username, email, no_verify, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")

        password = read_password(options.get("stdin") or sys.stdin)
        if not password:
            raise CommandError("No password given; nothing was saved.")

        credential, check = save_credential(user, email, password, verify=not no_verify)
        if credential is None:
            raise CommandError(f"Not saved: {check.message}")

        if check is None:
            self.stdout.write(
                f"Saved the WorkFossa login of {username} without checking it; "
                "the next sync will try it."
            )
        elif check.ok:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Saved: {check.message} (checked in {check.seconds:.1f} s)"
                )
            )
        else:
            self.stdout.write(
                self.style.WARNING(f"Saved, but not checked: {check.message}")
            )


def read_password(stdin) -> str:
    """Prompt without echo on a terminal; else the first line of ``stdin``."""
    if stdin.isatty():
        return getpass.getpass("WorkFossa password: ")
    return stdin.readline().rstrip("\r\n")
