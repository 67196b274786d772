"""Keeps a user's WorkFossa session between syncs, encrypted like the password.

A sync that starts with the cookies of the previous one can skip the login
page, which saves a page load and, more to the point, a password submission.
The cookies are secrets: they are stored only encrypted
(``WorkFossaCredential.session_encrypted``), never logged, and dropped as
soon as WorkFossa stops honouring them, so a stale session is never tried
twice. With ``WORKFOSSA_REUSE_SESSION`` off nothing is kept.
"""

import json
import logging

from django.conf import settings

from accounts import crypto

logger = logging.getLogger(__name__)

# What a cookie needs to be set again in a new browser; the rest (such as
# Chromium's sameSite defaults) is left to the browser.
COOKIE_KEYS = ("name", "value", "domain", "path", "secure", "httpOnly", "expiry")


def load_session(credential) -> list[dict] | None:
    """The stored cookies of ``credential``'s last session, or None.

    None when reuse is off, when nothing is stored, or when what is stored
    cannot be read (it is dropped then).
    """
    if not settings.WORKFOSSA_REUSE_SESSION or not credential.session_encrypted:
        return None

    try:
        cookies = json.loads(crypto.decrypt(credential.session_encrypted))
    except (crypto.UndecryptableSecret, ValueError):
        logger.warning(
            "stored session of credential %s unreadable; dropped", credential.pk
        )
        drop_session(credential)
        return None
    return cookies if isinstance(cookies, list) and cookies else None


def store_session(credential, cookies) -> None:
    """Keep ``cookies`` (Selenium's cookie dicts) for the next sync, encrypted.

    Does nothing when reuse is off; an empty list drops what was stored.
    """
    if not settings.WORKFOSSA_REUSE_SESSION:
        return
    if not cookies:
        drop_session(credential)
        return

    kept = [{key: c[key] for key in COOKIE_KEYS if key in c} for c in cookies]
    credential.session_encrypted = crypto.encrypt(json.dumps(kept))
    credential.save(update_fields=["session_encrypted"])


def drop_session(credential) -> None:
    """Forget the stored session (it stopped working, or the login changed)."""
    if not credential.session_encrypted:
        return
    credential.session_encrypted = ""
    credential.save(update_fields=["session_encrypted"])
