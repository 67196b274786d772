"""Measures syncs against the simulated WorkFossa and prints the figures."""

import json
import logging

from django.core.management.base import BaseCommand, CommandError

from scraping.benchmark import run_benchmark
from scraping.benchmark.report import as_text
from scraping.simulator.knobs import PROFILES


def order_counts(text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise CommandError(
            f"--orders takes numbers like 100,1000, not {text!r}."
        ) from None
    if not counts or min(counts) < 1:
        raise CommandError("--orders needs at least one count of 1 or more.")
    return counts


class Command(BaseCommand):
    help = (
        "Sync simulated WorkFossa accounts into a scratch database and print "
        "wall time, pages, memory and the latency floor of first, unchanged "
        "and changed syncs, plus database query counts and sizing figures. "
        "Leaves the configured database's data alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--orders",
            default=None,
            help="Comma-separated account sizes in open orders "
            "(default 100,1000; 100 with --quick).",
        )
        parser.add_argument(
            "--quick",
            action="store_true",
            help="Only the 100-order account and 2 small accounts for sizing: "
            "a few minutes instead of half an hour.",
        )
        parser.add_argument(
            "--profile",
            default="realistic",
            choices=sorted(PROFILES),
            help="The simulator's latency profile (default realistic).",
        )
        parser.add_argument(
            "--browsers",
            type=int,
            default=None,
            help="Browsers that read sites in parallel "
            "(default: SCRAPE_SITE_BROWSERS).",
        )
        parser.add_argument(
            "--sizing-accounts",
            type=int,
            default=None,
            help="Small accounts synced for the sizing figures "
            "(default 5, 2 with --quick; 0 skips them).",
        )
        parser.add_argument(
            "--database-orders",
            type=int,
            default=1000,
            help="Orders (with 8 dispensers each) for the query counts.",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help="Print the figures as one JSON object instead of a table.",
        )

    def handle(self, *args, **options):
        quick = options["quick"]
        orders = order_counts(options["orders"] or ("100" if quick else "100,1000"))
        sizing = options["sizing_accounts"]
        if sizing is None:
            sizing = 2 if quick else 5
        if options["browsers"] is not None and options["browsers"] < 1:
            raise CommandError("--browsers must be 1 or more.")
        if options["database_orders"] < 10:
            raise CommandError("--database-orders must be 10 or more.")

        if options["verbosity"] < 2:
            # Every sync logs its steps; the report is what this command is for.
            logging.getLogger("scraping").setLevel(logging.ERROR)
        # Progress, one line a sync, on standard error.
        logging.getLogger("scraping.benchmark").setLevel(logging.INFO)
        report = run_benchmark(
            orders=orders,
            profile=options["profile"],
            browsers=options["browsers"],
            sizing_accounts=sizing,
            database_orders=options["database_orders"],
        )
        if options["as_json"]:
            self.stdout.write(json.dumps(report, indent=2))
        else:
            self.stdout.write(as_text(report))
