"""Syncs users' work orders from WorkFossa now, in this process."""

import json

from django.core.management.base import BaseCommand, CommandError

from scraping.management.commands._selection import (
    add_user_arguments,
    selected_users,
)
from scraping.models import RunStatus, Trigger
from scraping.runner import sync_user


class Command(BaseCommand):
    help = (
        "Sync the work orders of the given users (or --all) from WorkFossa, "
        "one after the other. Exits with status 0 only if every sync succeeded."
    )

    def add_arguments(self, parser):
        add_user_arguments(parser)
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help="Print one JSON object per run on standard output; progress "
            "goes to standard error.",
        )
        parser.add_argument(
            "--allow-mass-removal",
            action="store_true",
            help="Remove orders WorkFossa no longer lists even when that is "
            "more than half of a user's orders.",
        )

    def handle(self, *args, usernames, all_users, as_json, allow_mass_removal, **opts):
        users = selected_users(usernames, all_users)
        if not users:
            raise CommandError("No user has a saved WorkFossa login.")

        progress_stream = self.stderr if as_json else self.stdout
        failed = 0
        for user in users:
            run = sync_user(
                user,
                Trigger.COMMAND,
                allow_mass_removal=allow_mass_removal,
                progress=_progress_printer(progress_stream, user.username),
            )
            if run.status != RunStatus.SUCCEEDED:
                failed += 1
            if as_json:
                self.stdout.write(json.dumps(run_as_dict(run), ensure_ascii=False))
            else:
                self.stdout.write(self._summary(run))

        if failed:
            raise CommandError(
                f"{failed} of {len(users)} syncs did not succeed.", returncode=1
            )

    def _summary(self, run) -> str:
        name = run.user.username
        if run.status == RunStatus.SUCCEEDED:
            line = (
                f"{name}: succeeded in {run.duration_seconds or 0:.1f} s - "
                f"{run.orders_seen} orders listed, {run.orders_created} new, "
                f"{run.orders_updated} changed, {run.orders_removed} removed, "
                f"{run.dispensers_written} dispensers from {run.sites_read} "
                f"sites, {run.pages_loaded} pages loaded"
            )
            if run.withheld_removal_ids:
                return self.style.WARNING(f"{line}\n  {run.message}")
            return self.style.SUCCESS(line)
        if run.status == RunStatus.SKIPPED:
            return self.style.WARNING(f"{name}: skipped - {run.message}")
        return self.style.ERROR(
            f"{name}: {run.status} ({run.failure_kind or 'no kind'}) - {run.message}"
        )


def run_as_dict(run) -> dict:
    """The ``--json`` object of one run."""
    return {
        "user": run.user.username,
        "run_id": run.pk,
        "status": run.status,
        "kind": run.failure_kind or None,
        "message": run.message,
        "duration_seconds": run.duration_seconds,
        "counts": {
            "orders_seen": run.orders_seen,
            "created": run.orders_created,
            "updated": run.orders_updated,
            "unchanged": run.orders_unchanged,
            "removed": run.orders_removed,
            "removals_withheld": len(run.withheld_removal_ids),
            "dispensers_written": run.dispensers_written,
            "sites_read": run.sites_read,
            "pages_loaded": run.pages_loaded,
        },
        "created_ids": run.created_ids,
        "updated_ids": run.updated_ids,
        "removed_ids": run.removed_ids,
        "withheld_removal_ids": run.withheld_removal_ids,
    }


def _progress_printer(stream, username):
    def progress(step, message):
        stream.write(f"{username}: {message}")

    return progress
