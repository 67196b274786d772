"""Runs a sync's reading steps one by one, with a screenshot after each."""

import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.crypto import UndecryptableSecret
from accounts.models import WorkFossaCredential
from scraping.errors import ScrapeFailure
from scraping.scraper import WorkFossaScraper


class Command(BaseCommand):
    help = (
        "Log in as a user and read the work list and site equipment step by "
        "step, printing each step's time and saving a screenshot and the "
        "page HTML per step into DIR. Stops at the first failure and says "
        "where. Reads only: no work order is saved and no credential status "
        "changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--out", required=True, metavar="DIR", type=Path)
        parser.add_argument(
            "--sites",
            type=int,
            default=3,
            metavar="N",
            help="Read the equipment of at most N sites (default 3; 0 for none).",
        )

    def handle(self, *args, username, out, sites, **options):
        credential = WorkFossaCredential.objects.filter(
            user__in=get_user_model().objects.filter(username=username)
        ).first()
        if credential is None:
            raise CommandError(f"{username!r} has no saved WorkFossa login.")
        try:
            password = credential.password_for_login()
        except UndecryptableSecret as error:
            raise CommandError(str(error)) from None
        if credential.is_paused:
            self.stdout.write(
                self.style.WARNING(
                    f"Syncs of {username} are paused ({credential.status}); "
                    "logging in anyway."
                )
            )

        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.shots = 0
        self.step_started = time.monotonic()
        self.current = "starting the browser"
        try:
            with WorkFossaScraper(
                credential.email,
                password,
                base_url=settings.WORKFOSSA_BASE_URL,
                on_step=self._on_step,
            ) as scraper:
                self._steps(scraper, sites)
        except ScrapeFailure as failure:
            elapsed = time.monotonic() - self.step_started
            raise CommandError(
                f"Stopped at {self.current!r} after {elapsed:.2f} s: "
                f"{failure.kind} - {failure.message}"
                + (f" ({failure.detail})" if failure.detail else "")
            ) from None

        self.stdout.write(self.style.SUCCESS(f"Every step passed; pages in {out}"))

    def _steps(self, scraper, site_limit):
        self._begin("login")
        try:
            scraper.login()
        finally:
            self._shoot(scraper, "login")

        self._begin("work list")
        try:
            orders = scraper.read_work_list()
        finally:
            self._shoot(scraper, "work-list")
        self.stdout.write(f"  {len(orders)} open work orders")

        sites = {}
        for order in orders:
            if order.site_id and order.site_url and len(sites) < site_limit:
                sites.setdefault(order.site_id, order.site_url)
        for site_id, site_url in sites.items():
            self._begin(f"equipment of site {site_id}")
            try:
                equipment = scraper.read_equipment({site_id: site_url})
            finally:
                self._shoot(scraper, f"site-{site_id}")
            count = len(equipment[site_id].dispensers) if site_id in equipment else 0
            self.stdout.write(f"  {count} dispensers")
        self._begin("done")

    def _begin(self, step):
        elapsed = time.monotonic() - self.step_started
        self.stdout.write(f"{self.current}: {elapsed:.2f} s")
        self.current = step
        self.step_started = time.monotonic()

    def _on_step(self, step, message, **counts):
        self.stdout.write(f"  {message}")

    def _shoot(self, scraper, name):
        self.shots += 1
        try:
            png, html = scraper.capture()
        except ScrapeFailure as failure:
            self.stdout.write(f"  no capture: {failure.message}")
            return
        stem = self.out / f"{self.shots:02d}-{name}"
        if png:
            stem.with_suffix(".png").write_bytes(png)
        if html:
            stem.with_suffix(".html").write_text(html)
        self.stdout.write(f"  saved {stem.name}.png")
