"""Publishing a release queues its matching, once the publish has committed.

Wagtail sends ``page_published`` when a release goes live: an editor's publish, or the
go-live publish of an embargoed release by ``publish_scheduled``, never before it.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from pressroom.models import PressReleasePage

from .models import Subscription
from .tasks import alert_release_match


@receiver(page_published, sender=PressReleasePage, dispatch_uid="alerts.release_published")
def release_published(sender, instance: PressReleasePage, **kwargs) -> None:
    if Subscription.objects.filter(confirmed=True).exists():
        pk = instance.pk
        transaction.on_commit(lambda: alert_release_match.enqueue(pk))
