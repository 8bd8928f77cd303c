"""Signed links in alert emails (django.core.signing): no account, no stored secret.

Each action has its own salt, so a manage link cannot be replayed as a confirmation.
Confirmation links expire; unsubscribe and manage links work for as long as the
subscription or address exists (they are in every message, and mail lives for years).
"""

from django.conf import settings
from django.core import signing

CONFIRM, UNSUBSCRIBE, MANAGE = "alerts.confirm", "alerts.unsubscribe", "alerts.manage"


def token_make(*, action: str, pk: int) -> str:
    return signing.dumps(pk, salt=action, compress=False)


def token_read(*, action: str, token: str) -> int | None:
    """The primary key the token was made for, or None when forged, altered or expired."""
    max_age = settings.ALERTS["CONFIRM_MAX_AGE"] if action == CONFIRM else None
    try:
        value = signing.loads(token, salt=action, max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
