"""The press room follows the directory: a newsroom is titled with its organization's name."""

from django.dispatch import receiver
from wagtail.signals import published

from directory.models import Organization

from .filing import newsroom_titles_sync


@receiver(published, sender=Organization)
def newsroom_titles_follow_the_entry(sender, instance: Organization, **kwargs) -> None:
    """A published entry or translation names its organization's newsrooms in its language."""
    newsroom_titles_sync(organization=instance)
