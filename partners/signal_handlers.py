"""Press-release publishing, unpublishing and deletion, reported to partners' webhooks."""

from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from pressroom.models import PressReleasePage

from .models import WebhookEvent
from .webhook_events import release_is_public, webhook_deliveries_create

WAS_LIVE = "_partners_was_live"


@receiver(pre_save, sender=PressReleasePage)
def release_live_state_remember(sender, instance, update_fields=None, **kwargs):
    """Whether the release was live before this save, so a publish can tell a first
    publication from an update. Publishing saves every field; draft saves name theirs."""
    if instance.pk and instance.live and update_fields is None:
        setattr(instance, WAS_LIVE, sender.objects.filter(pk=instance.pk, live=True).exists())


@receiver(page_published, sender=PressReleasePage)
def release_published(sender, instance, **kwargs):
    if release_is_public(instance):
        was_live = getattr(instance, WAS_LIVE, False)
        event = WebhookEvent.UPDATED if was_live else WebhookEvent.PUBLISHED
        webhook_deliveries_create(event=event, release=instance)


@receiver(page_unpublished, sender=PressReleasePage)
def release_unpublished(sender, instance, **kwargs):
    if release_is_public(instance):
        webhook_deliveries_create(event=WebhookEvent.UNPUBLISHED, release=instance)


@receiver(pre_delete, sender=PressReleasePage)
def release_deleted(sender, instance, **kwargs):
    """Only releases partners could have seen: live and public when deleted."""
    if instance.live and release_is_public(instance):
        webhook_deliveries_create(event=WebhookEvent.DELETED, release=instance)
