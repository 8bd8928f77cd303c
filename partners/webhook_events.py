"""Content events turned into webhook deliveries, queued once the change commits.

The press room's events are ``WebhookEvent``; other content apps register theirs
(``models.webhook_event_register``) and name the body's key for their page ("event").

The deliveries are rows written in the editor's transaction (so an event is never lost
nor sent for a change that rolled back); the POSTs happen in the webhooks worker.
"""

import json
import uuid

from django.db import transaction
from django.utils import timezone

from .models import Webhook, WebhookDelivery, WebhookEvent


def release_summary(release) -> dict:
    """What a partner needs to decide whether to fetch the page from the API."""
    return {
        "id": release.pk,
        "external_id": getattr(release, "external_id", None),
        "lang": release.locale.language_code,
        "title": release.title,
        "url": release.get_full_url(),
    }


def release_is_public(release) -> bool:
    """Private releases (their own or an ancestor's view restriction) send no events."""
    return not release.get_view_restrictions().exists()


def webhook_deliveries_create(
    *, event: WebhookEvent | str, release, key: str = "release"
) -> list[WebhookDelivery]:
    """One delivery per active webhook subscribed to ``event``, queued after commit; the
    page's summary is the body's ``key``."""
    webhooks = [
        webhook
        for webhook in Webhook.objects.filter(active=True, partner__active=True)
        if event in webhook.events
    ]
    if not webhooks:
        return []
    summary = release_summary(release)
    occurred_at = timezone.now().isoformat()
    deliveries = []
    for webhook in webhooks:
        delivery_id = uuid.uuid4()
        body = {
            "event": str(event),
            "occurred_at": occurred_at,
            "delivery_id": str(delivery_id),
            key: summary,
        }
        deliveries.append(
            WebhookDelivery(
                id=delivery_id,
                webhook=webhook,
                event=event,
                body=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
            )
        )
    WebhookDelivery.objects.bulk_create(deliveries)
    transaction.on_commit(lambda: webhook_deliveries_enqueue(deliveries))
    return deliveries


def webhook_deliveries_enqueue(deliveries: list[WebhookDelivery]) -> None:
    from .tasks import webhook_delivery_send

    for delivery in deliveries:
        webhook_delivery_send.enqueue(str(delivery.pk))
