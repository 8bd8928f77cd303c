"""RSS and Atom feeds of the latest releases: site-wide, per organization, per topic.

Each feed is per language: the URL prefix (/en/, /az/) selects the locale.
Django's Feed makes the channel and item links absolute from the request's host.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from directory.models import Organization

from .selectors import live_releases, release_index_page, release_topics

FEED_LENGTH = 30


class ReleasesFeed(Feed):
    """Latest live releases in the active language, optionally narrowed by organization or topic."""

    def get_object(self, request, organization: str | None = None, topic: str | None = None):
        locale = Locale.get_active()
        if organization:
            return get_object_or_404(Organization, locale=locale, live=True, slug=organization)
        if topic:
            return get_object_or_404(release_topics(), slug=topic)
        return None

    def title(self, obj) -> str:
        if isinstance(obj, Organization):
            return _("Press releases of %(name)s") % {"name": obj.name}
        if isinstance(obj, Tag):
            return _("Press releases on %(topic)s") % {"topic": obj.name}
        return _("Latest press releases")

    def link(self, obj) -> str:
        if isinstance(obj, Organization):
            return obj.get_url() or "/"
        index = release_index_page(locale=Locale.get_active())
        if index is None:
            return "/"
        if isinstance(obj, Tag):
            return f"{index.url}?{urlencode({'topic': obj.slug})}"
        return index.url

    def description(self, obj) -> str:
        return self.title(obj)

    def items(self, obj):
        releases = (
            live_releases().filter(locale=Locale.get_active()).prefetch_related("topic_items__tag")
        )
        if isinstance(obj, Organization):
            releases = releases.involving(obj)
        elif isinstance(obj, Tag):
            releases = releases.filter(topics=obj)
        return releases.order_by("-release_date", "-pk")[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.heading

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url()

    def item_guid(self, item) -> str:
        """Stable across slug changes and moves, unlike the link."""
        return f"urn:pressroom:page:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        """The date printed on the release: archives are imported long after they were issued."""
        return timezone.make_aware(datetime.datetime.combine(item.release_date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [link.tag.name for link in item.topic_items.all()]

    def item_author_name(self, item) -> str:
        return item.organization.name if item.organization_id else ""


class AtomReleasesFeed(ReleasesFeed):
    feed_type = Atom1Feed
    subtitle = ReleasesFeed.description


def _pair(title: str, rss_name: str, atom_name: str, **kwargs) -> list[dict[str, str]]:
    return [
        {
            "type": "application/rss+xml",
            "title": f"{title} (RSS)",
            "url": reverse(rss_name, kwargs=kwargs),
        },
        {
            "type": "application/atom+xml",
            "title": f"{title} (Atom)",
            "url": reverse(atom_name, kwargs=kwargs),
        },
    ]


def site_feed_urls() -> list[dict[str, str]]:
    """The feeds advertised in every page's head, under the active language's prefix."""
    return _pair(_("Latest press releases"), "feed-rss", "feed-atom")


def organization_feed_urls(organization: Organization) -> list[dict[str, str]]:
    return _pair(
        _("Press releases of %(name)s") % {"name": organization.name},
        "organization-feed-rss",
        "organization-feed-atom",
        organization=organization.slug,
    )


def topic_feed_urls(topic: Tag) -> list[dict[str, str]]:
    return _pair(
        _("Press releases on %(topic)s") % {"topic": topic.name},
        "topic-feed-rss",
        "topic-feed-atom",
        topic=topic.slug,
    )
