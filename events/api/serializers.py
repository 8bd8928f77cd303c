"""The JSON of an event as partners read it: one serializer for the list, the detail and the
changes feed, with related rows read for the whole batch (a fixed number of queries)."""

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from directory.selectors import directory_pages_by_locale, organization_public
from pressroom.selectors import public_q

from ..models import EventCoOrganizer, EventFunder, EventPage

FIELDS = (
    "id",
    "external_id",
    "url",
    "ics_url",
    "title",
    "slug",
    "lang",
    "start",
    "end",
    "all_day",
    "time_zone",
    "city",
    "venue",
    "online_url",
    "registration_url",
    "registration_deadline",
    "summary",
    "body",
    "organization",
    "co_organizers",
    "funders",
    "topics",
    "contact",
    "translations",
    "first_published_at",
    "last_published_at",
)


def event_queryset(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    links = {
        name: Prefetch(name, queryset=model.objects.select_related("organization"))
        for name, model in (("co_organizer_links", EventCoOrganizer), ("funder_links", EventFunder))
    }
    return events.select_related("locale", "organization").prefetch_related(
        "topics", *links.values()
    )


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class _Batch:
    def __init__(self, events: list[EventPage], request):
        self.request = request
        self.directories = {
            locale_id: page.get_full_url(request)
            for locale_id, page in directory_pages_by_locale().items()
        }
        self.translations = defaultdict(list)
        rows = (
            Page.objects.filter(translation_key__in={e.translation_key for e in events}, live=True)
            .filter(public_q())
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for page in rows:
            self.translations[page.translation_key].append(
                {
                    "lang": page.locale.language_code,
                    "id": page.pk,
                    "url": page.get_full_url(request),
                }
            )

    def organization(self, organization) -> dict | None:
        organization = organization_public(organization) if organization else None
        if organization is None:
            return None
        base = self.directories.get(organization.locale_id)
        return {
            "id": organization.pk,
            "slug": organization.slug,
            "name": organization.name,
            "acronym": organization.acronym,
            "url": f"{base}{organization.slug}/" if base else None,
        }

    def linked(self, links) -> list[dict]:
        return [ref for link in links.all() if (ref := self.organization(link.organization))]


def _ics_url(event: EventPage, batch: _Batch) -> str:
    with override(event.locale.language_code):
        path = reverse("event-ics", kwargs={"id": event.pk})
    return batch.request.build_absolute_uri(path) if batch.request else path


def _body(event: EventPage, batch: _Batch) -> dict:
    context = {"request": batch.request, "page": event}
    return {
        "blocks": event.body.stream_block.get_api_representation(event.body, context=context),
        "html": str(event.body.render_as_block(context=context)),
    }


_VALUES = {
    "id": lambda e, b: e.pk,
    "external_id": lambda e, b: e.external_id,
    "url": lambda e, b: e.get_full_url(b.request),
    "ics_url": _ics_url,
    "title": lambda e, b: e.title,
    "slug": lambda e, b: e.slug,
    "lang": lambda e, b: e.locale.language_code,
    "start": lambda e, b: _iso(e.local_start),
    "end": lambda e, b: _iso(e.local_end),
    "all_day": lambda e, b: e.all_day,
    "time_zone": lambda e, b: settings.TIME_ZONE,
    "city": lambda e, b: e.city,
    "venue": lambda e, b: e.venue,
    "online_url": lambda e, b: e.online_url,
    "registration_url": lambda e, b: e.registration_url,
    "registration_deadline": lambda e, b: _iso(e.registration_deadline),
    "summary": lambda e, b: e.summary,
    "body": _body,
    "organization": lambda e, b: b.organization(e.organization),
    "co_organizers": lambda e, b: b.linked(e.co_organizer_links),
    "funders": lambda e, b: b.linked(e.funder_links),
    "topics": lambda e, b: [{"slug": t.slug, "name": t.name} for t in e.topics.all()],
    "contact": lambda e, b: dataclasses.asdict(e.contact),
    "translations": lambda e, b: [t for t in b.translations[e.translation_key] if t["id"] != e.pk],
    "first_published_at": lambda e, b: _iso(e.first_published_at),
    "last_published_at": lambda e, b: _iso(e.last_published_at),
}


def event_payloads(events, *, request, fields: Sequence[str] | None = None) -> list[dict]:
    """One dict per event, in the order given, with only ``fields`` (default: all)."""
    wanted = [name for name in FIELDS if name in set(fields or FIELDS)]
    events = list(event_queryset(events) if isinstance(events, QuerySet) else events)
    if not events:
        return []
    batch = _Batch(events, request)
    return [{name: _VALUES[name](event, batch) for name in wanted} for event in events]
