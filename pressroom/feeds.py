"""RSS, Atom and JSON feeds of the latest releases: site-wide, per organization, per topic.

Each feed is per language: the URL prefix (/en/, /az/) selects the locale.
Django's Feed makes the channel and item links absolute from the request's host.
Titles, summaries and names are plain text; each format is told so in its own way (RSS by
escaping, Atom by ``type="text"``, JSON Feed by ``content_text``), as feed readers render HTML.
"""

import datetime
import json

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from core.query_params import printable
from directory.models import Organization
from directory.selectors import live_organizations

from .selectors import live_releases, release_index_page, release_topics
from .topics import topic_label

FEED_LENGTH = 30


class TextRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose descriptions are plain text.

    RSS cannot mark a description as text, and readers render it as HTML: the text is
    HTML-escaped here (and XML-escaped again when written), so a reader shows it as typed.
    """

    def __init__(self, title, link, description, **kwargs):
        super().__init__(title, link, _html_escaped(description), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        super().add_item(title, link, _html_escaped(description), **kwargs)


def _html_escaped(text: str | None) -> str | None:
    return escape(text) if text else text


class TextAtomFeed(Atom1Feed):
    """Atom whose entry summaries are plain text: Django's says ``type="html"``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ReleasesFeed(Feed):
    """Latest live releases in the active language, optionally narrowed by organization or topic."""

    feed_type = TextRssFeed

    def get_object(self, request, organization: str | None = None, topic: str | None = None):
        slug = organization or topic or ""
        if printable(slug) != slug:
            raise Http404("No slug has control characters, and PostgreSQL refuses NUL.")
        locale = Locale.get_active()
        if organization:
            return get_object_or_404(live_organizations(), locale=locale, slug=organization)
        if topic:
            return get_object_or_404(release_topics(), slug=topic)
        return None

    def title(self, obj) -> str:
        if isinstance(obj, Organization):
            return _("Press releases of %(name)s") % {"name": obj.name}
        if isinstance(obj, Tag):
            return _("Press releases on %(topic)s") % {"topic": topic_label(obj.name)}
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
        return item.issuer.name if item.issuer else ""


class AtomReleasesFeed(ReleasesFeed):
    feed_type = TextAtomFeed
    subtitle = ReleasesFeed.description


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) through Django's feed framework.

    Django ships RSS and Atom generators only; subclassing its SyndicationFeed keeps one
    ``ReleasesFeed`` (items, links, absolute URLs) behind all three formats.
    """

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self._item(item) for item in self.items],
        }
        outfile.write(json.dumps(_without_empty(feed), ensure_ascii=False))

    @staticmethod
    def _item(item: dict) -> dict:
        return _without_empty(
            {
                "id": item["unique_id"] or item["link"],
                "url": item["link"],
                "title": item["title"],
                "content_text": item["description"] or item["title"],
                "summary": item["description"],
                "date_published": item["pubdate"].isoformat() if item["pubdate"] else None,
                "date_modified": item["updateddate"].isoformat() if item["updateddate"] else None,
                "tags": list(item["categories"] or []),
                "authors": [{"name": item["author_name"]}] if item["author_name"] else [],
            }
        )


def _without_empty(values: dict) -> dict:
    """JSON Feed leaves out what a feed does not have rather than sending nulls."""
    return {key: value for key, value in values.items() if value not in (None, "", [])}


class JsonReleasesFeed(ReleasesFeed):
    feed_type = JsonFeed


def _feed_links(
    title: str, rss_name: str, atom_name: str, json_name: str, **kwargs
) -> list[dict[str, str]]:
    """The feed links of one subject, in every format."""
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
        {
            "type": "application/feed+json",
            "title": f"{title} (JSON Feed)",
            "url": reverse(json_name, kwargs=kwargs),
        },
    ]


def site_feed_urls() -> list[dict[str, str]]:
    """The feeds advertised in every page's head, under the active language's prefix."""
    return _feed_links(_("Latest press releases"), "feed-rss", "feed-atom", "feed-json")


def organization_feed_urls(organization: Organization) -> list[dict[str, str]]:
    return _feed_links(
        _("Press releases of %(name)s") % {"name": organization.name},
        "organization-feed-rss",
        "organization-feed-atom",
        "organization-feed-json",
        organization=organization.slug,
    )


def topic_feed_urls(topic: Tag) -> list[dict[str, str]]:
    return _feed_links(
        _("Press releases on %(topic)s") % {"topic": topic_label(topic.name)},
        "topic-feed-rss",
        "topic-feed-atom",
        "topic-feed-json",
        topic=topic.slug,
    )
