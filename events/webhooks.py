"""Event publishing, unpublishing and deletion, reported to partners' webhooks as
``event.published`` and the like, the event's summary under the body's ``page`` key
(``event`` already names what happened).

The same rules as the press room's (pressroom/webhooks.py): a first publication is
"published", a later one "updated"; a deletion is not also an "unpublished"."""

import threading

from django.db.models.signals import post_delete, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished

from partners.models import webhook_event_register
from partners.webhook_events import release_is_public, webhook_deliveries_create

from .models import EventPage

PUBLISHED, UPDATED = "event.published", "event.updated"
UNPUBLISHED, DELETED = "event.unpublished", "event.deleted"
WAS_LIVE = "_events_was_live"
_deleting = threading.local()


def _deleting_ids() -> set[int]:
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    return _deleting.ids


def _send(event: str, page: EventPage) -> None:
    webhook_deliveries_create(event=event, release=page, key="page")


def _live_state_remember(sender, instance, update_fields=None, **kwargs) -> None:
    if instance.pk and instance.live and update_fields is None:
        published = sender.objects.filter(
            pk=instance.pk, live=True, live_revision__isnull=False
        ).exists()
        setattr(instance, WAS_LIVE, published)


def _published(sender, instance, **kwargs) -> None:
    """Wagtail signals a publish that only schedules an embargoed page too: not live, no event."""
    if instance.live and release_is_public(instance):
        _send(UPDATED if getattr(instance, WAS_LIVE, False) else PUBLISHED, instance)


def _unpublished(sender, instance, **kwargs) -> None:
    if instance.pk not in _deleting_ids() and release_is_public(instance):
        _send(UNPUBLISHED, instance)


def _deleted(sender, instance, **kwargs) -> None:
    _deleting_ids().add(instance.pk)
    if instance.live and release_is_public(instance):
        _send(DELETED, instance)


def _deleted_forget(sender, instance, **kwargs) -> None:
    _deleting_ids().discard(instance.pk)


def webhooks_register() -> None:
    """Adds the events' webhook events to partners' and connects their senders."""
    for name, label in (
        (PUBLISHED, _("Event published")),
        (UPDATED, _("Published event updated")),
        (UNPUBLISHED, _("Event unpublished")),
        (DELETED, _("Published event deleted")),
    ):
        webhook_event_register(name, label)
    for signal, receiver in (
        (pre_save, _live_state_remember),
        (page_published, _published),
        (page_unpublished, _unpublished),
        (pre_delete, _deleted),
        (post_delete, _deleted_forget),
    ):
        signal.connect(receiver, sender=EventPage, dispatch_uid=f"events.{receiver.__name__}")
