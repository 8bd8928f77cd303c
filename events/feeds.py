"""Event feeds in the active language: RSS, Atom and JSON Feed (the press room's generators)
and iCalendar (``ical.py``), site-wide, per organizer and per topic, and one per event."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from core.query_params import printable
from directory.models import Organization
from directory.selectors import live_organizations
from pressroom.feeds import JsonFeed, TextAtomFeed, TextRssFeed

from .ical import calendar_build, with_publications
from .selectors import event_index_page, event_topics, live_events

FEED_LENGTH = 30
CALENDAR_LENGTH = 500


def feed_subject(*, organization: str | None = None, topic: str | None = None):
    """The organizer or topic a feed is narrowed to (404 when unknown), or None."""
    slug = organization or topic or ""
    if printable(slug) != slug:
        raise Http404("No slug has control characters, and PostgreSQL refuses NUL.")
    if organization:
        return get_object_or_404(
            live_organizations(), locale=Locale.get_active(), slug=organization
        )
    if topic:
        return get_object_or_404(event_topics(), slug=topic)
    return None


def subject_events(subject):
    """Live events in the active language, of the organizer or on the topic."""
    events = live_events().filter(locale=Locale.get_active()).prefetch_related("topics")
    if isinstance(subject, Organization):
        return events.filter(organization__translation_key=subject.translation_key)
    if isinstance(subject, Tag):
        return events.filter(topics=subject)
    return events


def subject_title(subject) -> str:
    if isinstance(subject, Organization):
        return _("Events of %(name)s") % {"name": subject.name}
    if isinstance(subject, Tag):
        return _("Events on %(topic)s") % {"topic": subject.name}
    return _("Events")


class EventsFeed(Feed):
    """The latest published events: announcements readers follow like releases."""

    feed_type = TextRssFeed

    def get_object(self, request, organization: str | None = None, topic: str | None = None):
        return feed_subject(organization=organization, topic=topic)

    def title(self, obj) -> str:
        return subject_title(obj)

    description = title

    def link(self, obj) -> str:
        if isinstance(obj, Organization):
            return obj.get_url() or "/"
        index = event_index_page(locale=Locale.get_active())
        if index is None:
            return "/"
        return f"{index.url}?{urlencode({'topic': obj.slug})}" if obj else index.url

    def items(self, obj):
        return subject_events(obj).order_by("-first_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.heading

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url()

    def item_guid(self, item) -> str:
        return f"urn:pressroom:page:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.topics.all()]

    def item_author_name(self, item) -> str:
        return item.issuer.name if item.issuer else ""


class AtomEventsFeed(EventsFeed):
    feed_type = TextAtomFeed
    subtitle = EventsFeed.description


class JsonEventsFeed(EventsFeed):
    feed_type = JsonFeed


def _calendar_response(events, *, name: str, filename: str, request) -> HttpResponse:
    response = HttpResponse(
        calendar_build(events, name=name, request=request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def events_calendar(
    request: HttpRequest, organization: str | None = None, topic: str | None = None
) -> HttpResponse:
    """Every live event of the subject, soonest first: what a calendar subscribes to."""
    subject = feed_subject(organization=organization, topic=topic)
    events = with_publications(subject_events(subject)).order_by("-start", "-pk")[:CALENDAR_LENGTH]
    filename = organization or topic or "events"
    return _calendar_response(
        events, name=subject_title(subject), filename=filename, request=request
    )


def event_calendar(request: HttpRequest, id: int) -> HttpResponse:
    """One event, for "Add to calendar"; the same UID as in the subscribed calendars."""
    event = get_object_or_404(
        with_publications(live_events().filter(locale=Locale.get_active())), pk=id
    )
    return _calendar_response([event], name=event.title, filename=event.slug, request=request)
