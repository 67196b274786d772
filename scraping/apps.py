from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ScrapingConfig(AppConfig):
    name = "scraping"
    verbose_name = "Syncs with WorkFossa"

    def ready(self):
        from scraping import handlers
        from scraping.models import ScrapeRun
        from scraping.signals import sync_finished

        sync_finished.connect(
            handlers.on_sync_finished,
            sender=ScrapeRun,
            dispatch_uid="sync_finished_pause_retry_email",
        )
        post_migrate.connect(create_maintenance_schedules, sender=self)


def create_maintenance_schedules(sender, using="default", **kwargs):
    """After ``migrate``, make sure the reaper and the clean-up are scheduled."""
    from django_q.models import Schedule

    from scraping.schedules import ensure_maintenance_schedules

    # Only where the schedules live, and only once their table exists.
    if using != "default" or Schedule._meta.db_table not in _tables(using):
        return
    ensure_maintenance_schedules()


def _tables(using: str) -> list[str]:
    from django.db import connections

    return connections[using].introspection.table_names()
