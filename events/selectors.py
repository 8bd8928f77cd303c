"""Reads for events: the one rule of what the public sees, the public filters, the lists.

``live_events`` is used by the index pages, search, the API, the feeds, the calendar and
profiles, as ``pressroom.selectors.live_releases`` is for releases.
"""

import datetime
import re
from dataclasses import dataclass, replace

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from core.query_params import text_param
from directory.selectors import organization_public_q
from pressroom.selectors import public_q
from search.filters import PublicFilters, city_q, filters_parse

from .models import EventIndexPage, EventPage, EventTopic
from .models.event_page import site_zone

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def live_events() -> QuerySet[EventPage]:
    """Live events outside private sections: the only events any public channel shows."""
    return EventPage.objects.filter(live=True).filter(public_q()).select_related("organization")


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight of ``day`` in Baku, as an aware datetime the database compares.

    The first day of year 1 in Baku is still year 0 in UTC, which neither Python nor the
    databases hold: it becomes the earliest moment they do.
    """
    moment = datetime.datetime.combine(day, datetime.time.min, tzinfo=site_zone())
    try:
        moment.astimezone(datetime.UTC)
    except OverflowError:
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return moment


def events_filter(
    events: QuerySet[EventPage],
    /,
    *,
    organizations: tuple[str, ...] = (),
    organization_type: str = "",
    city: str = "",
    topics: tuple[str, ...] = (),
    languages: tuple[str, ...] = (),
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[EventPage]:
    """The public filters (search/filters.py) on events; dates are the day it starts in Baku."""
    if organizations:
        events = events.filter(
            organization_public_q("organization__"), organization__slug__in=organizations
        )
    if organization_type:
        events = events.filter(
            organization_public_q("organization__"),
            organization__organization_type=organization_type,
        )
    if city:
        events = events.filter(city_q(events, city))
    if topics:
        tagged = EventTopic.objects.filter(tag__slug__in=topics)
        events = events.filter(pk__in=tagged.values("content_object_id"))
    if languages:
        events = events.filter(locale__language_code__in=languages)
    if date_from:
        events = events.filter(start__gte=day_start(date_from))
    if date_to and date_to < datetime.date.max:
        events = events.filter(start__lt=day_start(date_to + datetime.timedelta(days=1)))
    return events


def events_upcoming(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Not over yet (an event without an end is over when its start day is), soonest first."""
    now = timezone.now()
    today = day_start(timezone.localdate(now, site_zone()))
    return events.exclude(end__lt=now).exclude(end=None, start__lt=today).order_by("start", "pk")


def events_past(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    upcoming = events_upcoming(events).values("pk")
    return events.exclude(pk__in=upcoming).order_by("-start", "-pk")


@dataclass(frozen=True)
class EventFilters:
    """An index page's filters: the public ones, and the month its menu offers."""

    filters: PublicFilters
    month: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> "EventFilters":
        filters, _errors = filters_parse(query)
        month = text_param(query, "month", max_length=7)
        if match := MONTH.match(month):
            first = datetime.date(int(match[1]), int(match[2]), 1)
            last = (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(1)
            filters = replace(filters, date_from=first, date_to=last)
        else:
            month = ""
        return cls(filters=filters, month=month)


def event_list(
    *, locale: Locale, filters: PublicFilters, past: bool = False
) -> QuerySet[EventPage]:
    events = events_filter(live_events().filter(locale=locale), **filters.active(exclude=()))
    return events_past(events) if past else events_upcoming(events)


def event_filter_options(*, locale: Locale) -> dict[str, list]:
    events = live_events().filter(locale=locale)
    organizations = events.filter(organization_public_q("organization__")).values_list(
        "organization__slug", "organization__name"
    )
    starts = events.values_list("start", flat=True)
    return {
        "organizations": sorted(set(organizations), key=lambda o: o[1]),
        "cities": sorted(set(events.exclude(city="").values_list("city", flat=True))),
        "topics": sorted(
            set(events.exclude(topics=None).values_list("topics__slug", "topics__name"))
        ),
        "months": sorted({timezone.localtime(s, site_zone()).strftime("%Y-%m") for s in starts}),
    }


def event_topics() -> QuerySet[Tag]:
    return Tag.objects.filter(events_eventtopic_items__isnull=False).distinct()


def event_index_page(*, locale: Locale) -> EventIndexPage | None:
    return EventIndexPage.objects.live().filter(locale=locale).order_by("depth", "path").first()


def organization_upcoming_events(organization, *, limit: int = 10) -> QuerySet[EventPage]:
    """What a profile lists: the organizer's upcoming events in the profile's language."""
    events = live_events().filter(
        organization__translation_key=organization.translation_key, locale=organization.locale
    )
    return events_upcoming(events)[:limit]
