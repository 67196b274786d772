"""Tries each user's saved WorkFossa login: over HTTP, then in the browser."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.crypto import UndecryptableSecret
from accounts.models import WorkFossaCredential
from scraping.errors import ScrapeFailure
from scraping.login_check import check_login
from scraping.management.commands._selection import (
    add_user_arguments,
    selected_users,
)
from scraping.models import LOGIN_FAILURES
from scraping.scraper import WorkFossaScraper


class Command(BaseCommand):
    help = (
        "Check the saved WorkFossa login of the given users (default: all): "
        "once over HTTP and once in the browser, with the time each took. "
        "Each check is a login attempt; a refused password counts towards "
        "WorkFossa's lockout, so the browser login is skipped after the HTTP "
        "check was refused. Stored statuses are not changed."
    )

    def add_arguments(self, parser):
        add_user_arguments(parser)

    def handle(self, *args, usernames, all_users, **options):
        users = selected_users(usernames, all_users, required=False)
        if not users:
            raise CommandError("No user has a saved WorkFossa login.")

        failed = 0
        for user in users:
            if not self._check_user(user):
                failed += 1
        if failed:
            raise CommandError(
                f"{failed} of {len(users)} logins did not pass.", returncode=1
            )

    def _check_user(self, user) -> bool:
        """Print both checks of one user; True when both passed."""
        credential = WorkFossaCredential.objects.filter(user=user).first()
        if credential is None:
            self.stdout.write(self.style.ERROR(f"{user.username}: no saved login"))
            return False
        try:
            password = credential.password_for_login()
        except UndecryptableSecret as error:
            self.stdout.write(self.style.ERROR(f"{user.username}: {error}"))
            return False

        self.stdout.write(f"{user.username} ({credential.email}):")
        check = check_login(credential.email, password)
        self._outcome("HTTP login", check.ok, check.message, check.seconds)
        if not check.ok and check.kind in LOGIN_FAILURES:
            self.stdout.write("  browser login: skipped after the refused HTTP login")
            return False

        ok, message, seconds = _browser_login(credential.email, password)
        self._outcome("browser login", ok, message, seconds)
        return check.ok and ok

    def _outcome(self, what, ok, message, seconds):
        style = self.style.SUCCESS if ok else self.style.ERROR
        verdict = "ok" if ok else "failed"
        self.stdout.write(style(f"  {what}: {verdict} in {seconds:.1f} s - {message}"))


def _browser_login(email: str, password: str) -> tuple[bool, str, float]:
    started = time.monotonic()
    try:
        with WorkFossaScraper(
            email, password, base_url=settings.WORKFOSSA_BASE_URL
        ) as scraper:
            scraper.login()
    except ScrapeFailure as failure:
        return False, f"{failure.kind}: {failure.message}", time.monotonic() - started
    return True, "WorkFossa accepted the login.", time.monotonic() - started
