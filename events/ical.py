"""iCalendar (RFC 5545) documents of events, which calendar apps subscribe to.

Each event is one VEVENT whose UID never changes (its translation key and language), with
SEQUENCE (``with_publications``) and LAST-MODIFIED from its publications, so a subscribed calendar replaces the
event it has rather than adding another. Times carry TZID=Asia/Baku with its VTIMEZONE;
all-day events are DATE values, the end exclusive as RFC 5545 requires.
"""

import datetime

import icalendar
from django.conf import settings
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import PageLogEntry

from .models import EventPage

PRODID = "-//Pressroom//Events//EN"


def event_uid(event: EventPage) -> str:
    """Stable across edits, moves and renames: calendars match updates by it."""
    return f"{event.translation_key}-{event.locale.language_code}@pressroom-events"


def with_publications(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """``events`` with how often each was published, read in the same query."""
    publications = (
        PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish")
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return events.annotate(publications=Coalesce(Subquery(publications), 0))


def _sequence(event: EventPage) -> int:
    """Publications after the first: calendars apply a change only when this grows."""
    return max(getattr(event, "publications", 1) - 1, 0)


def event_vevent(event: EventPage, *, request=None) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("summary", event.heading)
    if event.all_day:
        vevent.add("dtstart", event.local_start.date())
        vevent.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end or event.local_start + datetime.timedelta(hours=1))
    if event.summary:
        vevent.add("description", event.summary)
    location = ", ".join(part for part in (event.venue, event.city) if part)
    if location:
        vevent.add("location", location)
    url = event.get_full_url(request=request)
    if url:
        vevent.add("url", url)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    vevent.add("sequence", _sequence(event))
    for topic in event.topics.all():
        vevent.add("categories", topic.name)
    return vevent


def calendar_build(events, *, name: str, request=None) -> bytes:
    """One calendar of ``events`` with the VTIMEZONE its times name."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event_vevent(event, request=request))
    calendar.add_missing_timezones()
    return calendar.to_ical()
