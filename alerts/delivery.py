"""Sending: one alert per delivery row, or one digest per subscription, with retries.

A delivery is claimed (pending → sending) by a conditional update before the message goes
out, so two workers never send it both; the SMTP server's refusal or absence puts it back
to pending with a later attempt, after a backoff. Mail is delayed, never lost nor doubled.
"""

import logging
import random
import smtplib
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .mail import alert_message, confirmation_message
from .models import Delivery, Subscription

logger = logging.getLogger(__name__)
SMTP_ERRORS = (smtplib.SMTPException, OSError)


def alert_backoff(attempt: int) -> float:
    """Seconds before attempt ``attempt + 1``: exponential, jittered in its upper half."""
    ceiling = min(settings.ALERTS["BACKOFF_MAX"], settings.ALERTS["BACKOFF"] * 2 ** (attempt - 1))
    return ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311 - not cryptographic


def retry_at(attempt: int):
    """When to try again after ``attempt`` failures; None when attempts are used up."""
    if attempt >= settings.ALERTS["MAX_ATTEMPTS"]:
        return None
    return timezone.now() + timedelta(seconds=alert_backoff(attempt))


def confirmation_send(*, subscription_id: int) -> bool:
    """Sends the confirmation; False when the SMTP server failed (the caller retries)."""
    subscription = (
        Subscription.objects.select_related("subscriber")
        .filter(pk=subscription_id, confirmed=False)
        .first()
    )
    if subscription is None:
        return True
    try:
        confirmation_message(subscription).send()
    except SMTP_ERRORS as error:
        logger.warning("Alert confirmation %s not sent: %s", subscription_id, error)
        return False
    return True


def deliveries_send(*, subscription_id: int, delivery_ids: list[int]):
    """Sends the pending deliveries ``delivery_ids`` of one subscription in one message.

    Returns when to try again after the SMTP server failed; None when sent, when there
    was nothing to send, or when the attempts are used up (the rows say "failed").
    """
    claimed = Delivery.objects.filter(
        pk__in=delivery_ids,
        subscription_id=subscription_id,
        status=Delivery.Status.PENDING,
        subscription__confirmed=True,
    )
    ids = list(claimed.values_list("pk", flat=True))
    if not ids or not claimed.filter(pk__in=ids).update(status=Delivery.Status.SENDING):
        return None
    rows = Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENDING)
    deliveries = list(
        rows.select_related("release", "subscription__subscriber").order_by(
            "-release__release_date", "pk"
        )
    )
    subscription = deliveries[0].subscription
    releases = [delivery.release.specific for delivery in deliveries]
    rows.update(attempts=F("attempts") + 1)
    try:
        alert_message(subscription, releases).send()
    except SMTP_ERRORS as error:
        logger.warning("Alert for subscription %s not sent: %s", subscription_id, error)
        when = retry_at(max(delivery.attempts for delivery in deliveries) + 1)
        rows.update(
            status=Delivery.Status.FAILED if when is None else Delivery.Status.PENDING,
            error=f"{type(error).__name__}: {error}"[:500],
        )
        return when
    rows.update(status=Delivery.Status.SENT, sent_at=timezone.now(), error="")
    return None
