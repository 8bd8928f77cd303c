"""OpenAPI schemas of ``/api/v3/events/``: the release API's pieces, with an event's dates."""

import datetime
from typing import Literal

from ninja import Field, Schema

from core.api.params import AwareDateTime, FieldSelection, LanguageCode, Pagination, Text
from core.api.schemas import Contact, Topic
from directory.models import OrganizationType
from pressroom.api.schemas import Body, OrganizationRef, Translation

ORDERINGS = {
    "start": ("start", "pk"),
    "-start": ("-start", "-pk"),
    "updated": ("last_published_at", "pk"),
    "-updated": ("-last_published_at", "-pk"),
    "title": ("title", "pk"),
}
Ordering = Literal[tuple(ORDERINGS)]  # ty: ignore[invalid-type-form]


class EventListParams(Pagination, FieldSelection):
    q: Text(200) | None = Field(
        None, description="Words that must all appear in the title or summary.", examples=["NGO"]
    )
    organization: list[Text(255)] = Field(
        [], description="Slug of the organizer; repeat for any of several.", examples=[["isar"]]
    )
    organization_type: Literal[tuple(OrganizationType.values)] | None = Field(  # ty: ignore[invalid-type-form]
        None, description="Kind of the organizer.", examples=["local-ngo"]
    )
    city: Text(100) | None = Field(None, description="City, any spelling.", examples=["Ganja"])
    topic: list[Text(100)] = Field(
        [], description="Topic slug; repeat for any of several.", examples=[["water"]]
    )
    lang: LanguageCode | None = Field(None, description="Language of the event.", examples=["en"])
    date_from: datetime.date | None = Field(
        None, description="Events starting on or after (YYYY-MM-DD, Baku).", examples=["2030-01-01"]
    )
    date_to: datetime.date | None = Field(
        None,
        description="Events starting on or before (YYYY-MM-DD, Baku).",
        examples=["2030-12-31"],
    )
    upcoming: bool | None = Field(
        None, description="true: not over yet; false: over.", examples=[True]
    )
    external_id: Text(255) | None = Field(None, description="Identifier in the source system.")
    updated_since: AwareDateTime | None = Field(
        None, description="Events published at or after this ISO 8601 datetime."
    )
    ordering: Ordering = Field("start", description="Sort order.", examples=["-start"])


class Event(Schema):
    """A live, public event. With ``fields=`` only the named fields are present."""

    id: int = None
    external_id: str | None = None
    url: str | None = None
    ics_url: str | None = None
    title: str = None
    slug: str = None
    lang: str = None
    start: datetime.datetime = None
    end: datetime.datetime | None = None
    all_day: bool = None
    time_zone: str = None
    city: str = None
    venue: str = None
    online_url: str = None
    registration_url: str = None
    registration_deadline: datetime.date | None = None
    summary: str = None
    body: Body = None
    organization: OrganizationRef | None = None
    co_organizers: list[OrganizationRef] = None
    funders: list[OrganizationRef] = None
    topics: list[Topic] = None
    contact: Contact = None
    translations: list[Translation] = None
    first_published_at: datetime.datetime | None = None
    last_published_at: datetime.datetime | None = None


class EventList(Schema):
    count: int = Field(description="Items matching the filters, across all pages.")
    items: list[Event]
