"""Creates the demo user of `scripts/run`, whose WorkFossa login is the
simulator's demo account. Leaves an existing demo user as it is."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import WorkFossaCredential
from scraping.models import Trigger
from scraping.tasks import queue_sync

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "fossa-demo-2026"
# The simulator's demo account (`workfossa_simulator --demo`).
DEMO_WORKFOSSA_EMAIL = "demo@workfossa.test"
DEMO_WORKFOSSA_PASSWORD = "demo-password"


class Command(BaseCommand):
    help = "Create the demo user and its WorkFossa login on the simulator."

    @transaction.atomic
    def handle(self, *args, **options):
        users = get_user_model().objects
        user, created = users.get_or_create(
            username=DEMO_USERNAME, defaults={"first_name": "Demo"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            self.stdout.write(f"Created user {DEMO_USERNAME}.")
        if not WorkFossaCredential.objects.filter(user=user).exists():
            credential = WorkFossaCredential(user=user, email=DEMO_WORKFOSSA_EMAIL)
            credential.set_password(DEMO_WORKFOSSA_PASSWORD)
            credential.save()
            self.stdout.write("Saved its WorkFossa login to the simulator.")
            # So that the first visit shows orders, not an empty dashboard.
            transaction.on_commit(lambda: queue_sync(user, Trigger.COMMAND))
            self.stdout.write("Queued its first sync.")
