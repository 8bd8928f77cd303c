"""Writes of the alerts app: subscribing, confirming, changing and forgetting.

Views, the manage page and the tasks call these; nothing else writes alerts' models.
"""

from django.db import transaction
from django.utils import timezone

from .models import Subscriber, Subscription
from .tasks import alert_confirmation_send


def email_normalize(email: str) -> str:
    """One row per mailbox: addresses differing only in case are the same reader's."""
    return email.strip().lower()


@transaction.atomic
def subscription_request(
    *, email: str, kind: str, query: str, label: str, language: str, frequency: str
) -> Subscription:
    """Records a wish to subscribe and queues the confirmation email.

    An existing subscription is reused: unconfirmed, it takes the new frequency and gets a
    fresh confirmation; confirmed, nothing changes and nothing is sent, so the form's answer
    (always the same) tells nobody whether the address was known.
    """
    subscriber, _created = Subscriber.objects.get_or_create(email=email_normalize(email))
    subscription, created = Subscription.objects.get_or_create(
        subscriber=subscriber,
        query=query,
        language=language,
        defaults={"kind": kind, "label": label, "frequency": frequency},
    )
    if not subscription.confirmed:
        if not created and subscription.frequency != frequency:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
        pk = subscription.pk
        transaction.on_commit(lambda: alert_confirmation_send.enqueue(pk))
    return subscription


def subscription_confirm(*, subscription: Subscription) -> None:
    """Alerts start with the releases published from now on."""
    if not subscription.confirmed:
        subscription.confirmed = True
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed", "confirmed_at"])


def subscription_frequency_set(*, subscription: Subscription, frequency: str) -> None:
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])


def subscription_cancel(*, subscription: Subscription) -> None:
    """Deletes the subscription and the record of what it was sent."""
    subscription.delete()


def subscriber_cancel_all(*, subscriber: Subscriber) -> None:
    subscriber.subscriptions.all().delete()


def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Every trace of the address: the address, its subscriptions and their deliveries."""
    subscriber.delete()


def stale_requests_delete(*, before) -> int:
    """Unconfirmed subscriptions requested before ``before``, and addresses left with none."""
    deleted, _counts = Subscription.objects.filter(confirmed=False, created_at__lt=before).delete()
    Subscriber.objects.filter(subscriptions__isnull=True, created_at__lt=before).delete()
    return deleted
