"""Press-release publishing, unpublishing and deletion, reported to partners' webhooks.

Partners' webhooks know no content model: the press room tells them about its releases
(``partners.webhook_events``), connected from PressroomConfig.ready()."""

import threading

from django.db.models.signals import post_delete, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from partners.models import WebhookEvent
from partners.webhook_events import release_is_public, webhook_deliveries_create

from .models import PressReleasePage

WAS_LIVE = "_partners_was_live"
# Releases being deleted in this thread: Wagtail unpublishes a live page on its way out
# (wagtail/signal_handlers.py), which must not add an "unpublished" to the "deleted".
_deleting = threading.local()


def _deleting_ids() -> set[int]:
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    return _deleting.ids


@receiver(pre_save, sender=PressReleasePage)
def release_live_state_remember(sender, instance, update_fields=None, **kwargs):
    """Whether the release was published before this save, so a publish can tell a first
    publication from an update. Publishing saves every field; draft saves name theirs.
    A page created ``live`` but never published through a revision (imports, factories)
    has no live revision yet: its first publish is a publication."""
    if instance.pk and instance.live and update_fields is None:
        published = sender.objects.filter(
            pk=instance.pk, live=True, live_revision__isnull=False
        ).exists()
        setattr(instance, WAS_LIVE, published)


@receiver(page_published, sender=PressReleasePage)
def release_published(sender, instance, **kwargs):
    """Wagtail also signals a publish that only schedules an embargoed release: not live yet,
    so no event until the go-live publish."""
    if instance.live and release_is_public(instance):
        was_live = getattr(instance, WAS_LIVE, False)
        event = WebhookEvent.UPDATED if was_live else WebhookEvent.PUBLISHED
        webhook_deliveries_create(event=event, release=instance)


@receiver(page_unpublished, sender=PressReleasePage)
def release_unpublished(sender, instance, **kwargs):
    if instance.pk not in _deleting_ids() and release_is_public(instance):
        webhook_deliveries_create(event=WebhookEvent.UNPUBLISHED, release=instance)


@receiver(pre_delete, sender=PressReleasePage)
def release_deleted(sender, instance, **kwargs):
    """Only releases partners could have seen: live and public when deleted."""
    _deleting_ids().add(instance.pk)
    if instance.live and release_is_public(instance):
        webhook_deliveries_create(event=WebhookEvent.DELETED, release=instance)


@receiver(post_delete, sender=PressReleasePage)
def release_deleted_forget(sender, instance, **kwargs):
    _deleting_ids().discard(instance.pk)
