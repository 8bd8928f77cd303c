"""Events in reader search: ``type=event`` on the search page and ``/api/v3/search/``."""

from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.signals import published, unpublished

from directory.models import Organization
from directory.search import organization_ref
from directory.selectors import organization_public_value
from search.outbox import index_changes_record, outbox_apply_soon
from search.registry import FacetSource, Hit, SearchType, registry

from .models import EventPage
from .selectors import events_filter, live_events


def _summary(event: EventPage, *, request, highlights: dict) -> Hit:
    return Hit(
        type="event",
        id=event.pk,
        external_id=event.external_id,
        title=event.title,
        url=event.get_url(request=request),
        release_date=event.start_date,
        organization=organization_ref(event.issuer),
        highlights=highlights,
        summary=event.summary,
    )


def _texts(event: EventPage) -> tuple[str, list[str]]:
    body = EventPage._meta.get_field("body").get_searchable_content(event.body)
    return event.title, [event.summary, *body]


EVENTS = SearchType(
    key="event",
    model=EventPage,
    label=_("Event"),
    position=15,
    live=live_events,
    narrow=events_filter,
    summary=_summary,
    texts=_texts,
    title_field="title",
    body_fields=("summary", "body"),
    autocomplete_fields=("title",),
    filters={
        "organizations": "organization_slug",
        "organization_type": "organization_type",
        "city": "city_match",
        "topics": "topic_slugs",
        "date_from": "start_date",
        "date_to": "start_date",
    },
    facets={
        "organization": FacetSource(
            "organization_slug", organization_public_value("organization__", "slug")
        ),
        "organization_type": FacetSource(
            "organization_type", organization_public_value("organization__", "organization_type")
        ),
        "city": FacetSource("city", "city"),
        "topic": FacetSource("topic_slugs", "topics__slug"),
        "year": FacetSource("year", ExtractYear("start_date")),
        "lang": FacetSource("locale_id", "locale_id"),
    },
    date_field="start_date",
)


def organization_events_reindex(sender, instance: Organization, **kwargs) -> None:
    """An event's document holds its organizer's name while the entry is public."""
    events = EventPage.objects.filter(organization__translation_key=instance.translation_key)
    if index_changes_record(model=EventPage, pks=list(events.values_list("pk", flat=True))):
        outbox_apply_soon()


def search_register() -> None:
    """Registers events with search; the topic and year facets are the press room's."""
    registry.type_register(EVENTS)
    for name, signal in (("published", published), ("unpublished", unpublished)):
        signal.connect(
            organization_events_reindex,
            sender=Organization,
            dispatch_uid=f"events.search.organization_{name}",
        )
