"""Re-encrypts every stored WorkFossa password and session under the first key."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import crypto
from accounts.models import WorkFossaCredential


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored WorkFossa password (and saved session) with "
        "the first key of CREDENTIAL_ENCRYPTION_KEYS. Run it after putting a "
        "new key first; the old key can be removed once it has succeeded."
    )

    def handle(self, *args, **options):
        rotated, unreadable = 0, []
        with transaction.atomic():
            for credential in WorkFossaCredential.objects.select_related(
                "user"
            ).order_by("pk"):
                try:
                    password = crypto.rotate(credential.password_encrypted)
                    session = (
                        crypto.rotate(credential.session_encrypted)
                        if credential.session_encrypted
                        else ""
                    )
                except crypto.UndecryptableSecret:
                    unreadable.append(credential.user.username)
                    continue
                # A plain update: this changes no login, so nothing that
                # watches credential saves should react.
                WorkFossaCredential.objects.filter(pk=credential.pk).update(
                    password_encrypted=password, session_encrypted=session
                )
                rotated += 1

        self.stdout.write(f"Re-encrypted {rotated} WorkFossa logins.")
        if unreadable:
            raise CommandError(
                f"{len(unreadable)} could not be decrypted with any configured "
                f"key and were left as they were: {', '.join(unreadable)}. Their "
                "users must save their WorkFossa password again."
            )
