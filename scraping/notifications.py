"""The emails about a user's syncs: paused, failing, recovered.

Each function renders ``templates/emails/<name>_subject.txt`` and
``<name>.txt`` and sends one message through Django's email backend (the
console in development). Deciding *whether* to send, once per pause or
streak, is ``scraping.handlers``'s job. A message that cannot be sent is
logged and reported as False, never raised: a sync must not fail over it.
"""

import logging
from collections import Counter

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import CredentialStatus, WorkFossaCredential
from scraping.models import FailureKind, ScrapeRun
from scraping.schedules import user_zone

logger = logging.getLogger(__name__)


def _page_url(name: str) -> str:
    try:
        return settings.SITE_URL + reverse(name)
    except NoReverseMatch:
        return settings.SITE_URL + "/"


def _user_address(credential: WorkFossaCredential) -> str:
    # The account's own address first; the WorkFossa login is the
    # technician's work address, a fair fallback.
    return credential.user.email or credential.email


def _send(template: str, credential, context: dict, to: list[str], cc=()) -> bool:
    context = {
        "user": credential.user,
        "credential": credential,
        "site_url": settings.SITE_URL,
        "credential_url": _page_url("credential"),
        "history_url": _page_url("run_list"),
        "operators_copied": bool(cc),
        **context,
    }
    # Times in the email read in the user's time zone.
    with timezone.override(user_zone(credential)):
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        body = render_to_string(f"emails/{template}.txt", context)
    subject = " ".join(subject.split())
    message = EmailMessage(subject, body, to=to, cc=[a for a in cc if a not in to])
    try:
        message.send()
    except Exception:
        logger.exception("could not send the %s email to %s", template, to)
        return False
    logger.info("sent the %s email to %s", template, ", ".join(to + list(cc)))
    return True


def send_pause_notice(credential: WorkFossaCredential, run: ScrapeRun) -> bool:
    """Tell the user their syncs are paused after ``run``'s login failure."""
    throttled_until = None
    if credential.status == CredentialStatus.THROTTLED:
        throttled_until = credential.throttled_until
    return _send(
        "sync_paused",
        credential,
        {
            "run": run,
            "reason": run.message or credential.last_login_error,
            "kind": FailureKind(run.failure_kind).label if run.failure_kind else "",
            "throttled_until": throttled_until,
            "at": run.finished_at,
        },
        to=[_user_address(credential)],
    )


def send_failure_alert(
    credential: WorkFossaCredential, streak: list[ScrapeRun]
) -> bool:
    """Tell the user and the operators that syncs keep failing.

    ``streak`` is the ongoing failure streak, oldest first.
    """
    kinds = Counter(
        FailureKind(run.failure_kind).label if run.failure_kind else "Abandoned"
        for run in streak
    )
    return _send(
        "sync_failing",
        credential,
        {
            "failures": len(streak),
            "kinds": kinds.most_common(),
            "since": streak[0].queued_at,
            "last_message": streak[-1].message,
        },
        to=[_user_address(credential)],
        cc=settings.OPERATOR_EMAILS,
    )


def send_recovery_notice(
    credential: WorkFossaCredential, run: ScrapeRun, failing_since
) -> bool:
    """Tell the user and the operators that ``run`` succeeded again."""
    return _send(
        "sync_recovered",
        credential,
        {
            "run": run,
            "since": failing_since,
            "at": run.finished_at,
        },
        to=[_user_address(credential)],
        cc=settings.OPERATOR_EMAILS,
    )
