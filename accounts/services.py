"""Saving a user's WorkFossa login: the one path the form and the command share."""

import logging

from django.db import transaction
from django.utils import timezone

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.login_check import LoginCheck, check_login
from scraping.models import LOGIN_FAILURES

logger = logging.getLogger(__name__)


def save_credential(
    user, email: str, password: str, *, verify: bool = True
) -> tuple[WorkFossaCredential | None, LoginCheck | None]:
    """Check a WorkFossa login and store it for ``user``; returns (credential, check).

    With ``verify`` the login is tried once over HTTP first (``check_login``):
    - accepted: stored as valid, ``last_verified_at`` now;
    - refused, locked out or needing an action on WorkFossa
      (``check.kind`` in ``LOGIN_FAILURES``): nothing is stored and the
      credential returned is None; a stored login is left as it was;
    - not checkable (WorkFossa unreachable, slow or changed): stored as
      unverified, and the next sync tries it.
    Without ``verify`` it is stored as unverified and the check is None.
    ``check.message`` is worded for the user. Storing a password replaces
    the user's previous one and resumes paused syncs (the status moves off
    the pausing states). Never logs the password.
    """
    check = check_login(email, password) if verify else None
    if check is not None and not check.ok and check.kind in LOGIN_FAILURES:
        logger.info("login for user %s not saved: %s", user.pk, check.kind)
        return None, check

    with transaction.atomic():
        credential = WorkFossaCredential.objects.select_for_update().filter(
            user=user
        ).first() or WorkFossaCredential(user=user)
        credential.email = email
        credential.set_password(password)
        if check is not None and check.ok:
            credential.status = CredentialStatus.VALID
            credential.last_verified_at = timezone.now()
        credential.save()

    logger.info(
        "login for user %s saved (%s)", user.pk, credential.get_status_display()
    )
    return credential, check
