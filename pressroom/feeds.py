"""RSS and Atom feeds of the latest releases: site-wide, per organization, per topic."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from directory.models import Organization

from .selectors import live_releases

FEED_LENGTH = 30


class ReleasesFeed(Feed):
    """Latest live releases in the active language, optionally narrowed by organization or topic."""

    def get_object(self, request, organization: str | None = None, topic: str | None = None):
        locale = Locale.get_active()
        if organization:
            return get_object_or_404(Organization, locale=locale, live=True, slug=organization)
        if topic:
            return get_object_or_404(Tag, slug=topic)
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
        return reverse("search")

    def description(self, obj) -> str:
        return self.title(obj)

    def items(self, obj):
        releases = live_releases().filter(locale=Locale.get_active())
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

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]

    def item_author_name(self, item) -> str:
        return item.organization.name if item.organization_id else ""


class AtomReleasesFeed(ReleasesFeed):
    feed_type = Atom1Feed
    subtitle = ReleasesFeed.description


def site_feed_urls() -> list[dict[str, str]]:
    """The feeds advertised in every page's head, under the active language's prefix."""
    return [
        {
            "type": "application/rss+xml",
            "title": _("Latest press releases (RSS)"),
            "url": reverse("feed-rss"),
        },
        {
            "type": "application/atom+xml",
            "title": _("Latest press releases (Atom)"),
            "url": reverse("feed-atom"),
        },
    ]
