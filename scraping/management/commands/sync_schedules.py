"""Rebuilds every user's sync schedule and the maintenance schedules."""

from django.core.management.base import BaseCommand

from scraping.schedules import sync_all_schedules


class Command(BaseCommand):
    help = (
        "Rebuild the task queue's schedules: one sync schedule per user with a "
        "WorkFossa login that is not paused, the reaper and the daily clean-up. "
        "Safe to run at any time."
    )

    def handle(self, *args, **options):
        counts = sync_all_schedules()
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['scheduled']} users scheduled, {counts['paused']} paused "
                f"(no schedule), {counts['removed']} stale schedules removed."
            )
        )
