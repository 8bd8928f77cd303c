"""Wagtail and Django signals that change what the public sees of a press release.

Publishing (and re-publishing, including ``publish_scheduled`` going live), unpublishing
(including expiry), deleting, a view restriction on the release or an ancestor, and a new
URL (an ancestor's slug or a move) each log a change; so does publishing an organization,
whose name and link every release involving it embeds. Drafts change nothing public and
log nothing; an embargoed release logs its change when it actually goes live.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from directory.models import Organization
from pressroom.models import PressReleasePage, ReleaseChange

from .record import organization_changes_record, release_change_record, subtree_changes_record

Action = ReleaseChange.Action
DISPATCH_PREFIX = "pressroom.changelog."


def release_published(sender, instance, **kwargs):
    release_change_record(release=instance, action=Action.PUBLISHED)


def release_unpublished(sender, instance, **kwargs):
    release_change_record(release=instance, action=Action.UNPUBLISHED)


def release_deleted(sender, instance, **kwargs):
    release_change_record(release=instance, action=Action.DELETED)


def view_restriction_changed(sender, instance, **kwargs):
    # After a cascade from the page's own deletion there is nothing left to log.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        subtree_changes_record(root=page, action=Action.PRIVACY)


def page_url_changed(sender, instance, **kwargs):
    """A page's slug or place changed: so did the URL of every release below it.

    Wagtail sends ``page_slug_changed`` after commit, so this one change is logged in a
    transaction of its own, just after the editor's.
    """
    subtree_changes_record(root=instance, action=Action.MOVED)


def organization_changed(sender, instance, **kwargs):
    organization_changes_record(organization_id=instance.pk)


def signal_handlers_connect() -> None:
    """Connects the handlers once (``dispatch_uid``), from PressroomConfig.ready()."""
    connections = [
        (page_published, release_published, PressReleasePage),
        (page_unpublished, release_unpublished, PressReleasePage),
        (post_delete, release_deleted, PressReleasePage),
        (post_save, view_restriction_changed, PageViewRestriction),
        (post_delete, view_restriction_changed, PageViewRestriction),
        (page_slug_changed, page_url_changed, None),
        (post_page_move, page_url_changed, None),
        (published, organization_changed, Organization),
        (unpublished, organization_changed, Organization),
    ]
    for signal, handler, sender in connections:
        signal.connect(
            handler,
            sender=sender,
            weak=False,
            dispatch_uid=f"{DISPATCH_PREFIX}{handler.__name__}",
        )
