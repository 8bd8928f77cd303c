"""Background tasks of alerts, run by ``manage.py db_worker --backend alerts``.

Each task that meets an unavailable SMTP server or search engine enqueues itself again
for later (alerts/delivery.py ``retry_at``), as the webhooks worker does.
"""

from collections import defaultdict

from django_tasks import task

from search.outbox import EngineUnreachable
from search.service import IndexBehind

from .delivery import confirmation_send, deliveries_send, retry_at
from .matching import release_deliveries_create
from .models import Delivery, Subscription


@task(backend="alerts")
def alert_confirmation_send(subscription_id: int, attempt: int = 1) -> None:
    if not confirmation_send(subscription_id=subscription_id):
        when = retry_at(attempt)
        if when is not None:
            alert_confirmation_send.using(run_after=when).enqueue(subscription_id, attempt + 1)


@task(backend="alerts")
def alert_release_match(release_id: int, attempt: int = 1) -> None:
    """Matches a just-published release against every saved search, then sends."""
    try:
        to_send = release_deliveries_create(release_id=release_id)
    except (IndexBehind, EngineUnreachable):
        when = retry_at(attempt)
        if when is not None:
            alert_release_match.using(run_after=when).enqueue(release_id, attempt + 1)
        return
    for subscription_id, delivery_id in to_send:
        alert_deliveries_send.enqueue(subscription_id, [delivery_id])


@task(backend="alerts")
def alert_deliveries_send(subscription_id: int, delivery_ids: list[int]) -> None:
    when = deliveries_send(subscription_id=subscription_id, delivery_ids=delivery_ids)
    if when is not None:
        alert_deliveries_send.using(run_after=when).enqueue(subscription_id, delivery_ids)


def digests_enqueue() -> int:
    """One digest per daily subscription with releases waiting; returns how many.

    Digests that failed are retried by their own task, so only untried rows are gathered.
    """
    waiting = Delivery.objects.filter(
        status=Delivery.Status.PENDING,
        attempts=0,
        subscription__confirmed=True,
        subscription__frequency=Subscription.Frequency.DAILY,
    ).order_by("pk")
    groups = defaultdict(list)
    for subscription_id, delivery_id in waiting.values_list("subscription_id", "pk"):
        groups[subscription_id].append(delivery_id)
    for subscription_id, delivery_ids in groups.items():
        alert_deliveries_send.enqueue(subscription_id, delivery_ids)
    return len(groups)
