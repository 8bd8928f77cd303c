"""OpenAPI schemas of the press-release endpoints: parameters, items and shared pieces.

Item fields are optional in the schema because ``fields=`` returns only those asked for;
the serializer (``serializers.py``) is what produces them, these classes describe it.
"""

import datetime
from typing import Any, Literal

from ninja import Field, Schema

from core.api.params import (
    AwareDateTime,
    FieldSelection,
    LanguageCode,
    Pagination,
    Text,
)
from core.api.schemas import Contact, Topic
from directory.models import OrganizationType

from .selectors import ORDERINGS

Ordering = Literal[tuple(ORDERINGS)]  # ty: ignore[invalid-type-form]


class PressReleaseListParams(Pagination, FieldSelection):
    q: Text(200) | None = Field(
        None,
        description=(
            "Words that must all appear in the title or summary (case-insensitive). "
            "For ranked full-text search use `/api/v3/search/`."
        ),
        examples=["election"],
    )
    organization: list[Text(255)] = Field(
        [],
        description="Slug of the issuing organization; repeat for any of several.",
        examples=[["isar"]],
    )
    organization_type: Literal[tuple(OrganizationType.values)] | None = Field(  # ty: ignore[invalid-type-form]
        None, description="Kind of the issuing organization.", examples=["local-ngo"]
    )
    participant: Text(255) | None = Field(
        None, description="Slug of a participating organization.", examples=["isar"]
    )
    city: Text(100) | None = Field(None, description="City (case-insensitive).", examples=["Baku"])
    topic: list[Text(100)] = Field(
        [], description="Topic slug; repeat for any of several.", examples=[["elections"]]
    )
    lang: LanguageCode | None = Field(None, description="Language of the release.", examples=["en"])
    date_from: datetime.date | None = Field(
        None, description="Releases dated on or after (YYYY-MM-DD).", examples=["2000-01-01"]
    )
    date_to: datetime.date | None = Field(
        None, description="Releases dated on or before (YYYY-MM-DD).", examples=["2000-12-31"]
    )
    external_id: Text(255) | None = Field(
        None, description="Identifier in the source archive.", examples=["isar-2000-11-30"]
    )
    updated_since: AwareDateTime | None = Field(
        None,
        description="Releases published (or republished) at or after this ISO 8601 datetime.",
        examples=["2024-05-01T00:00:00Z"],
    )
    ordering: Ordering = Field(
        "-release_date",
        description="Sort order; `updated` is the last publication time.",
        examples=["-release_date"],
    )


class OrganizationRef(Schema):
    id: int
    slug: str
    name: str
    acronym: str
    url: str | None = Field(description="Public profile page.")


class Translation(Schema):
    lang: str
    id: int
    url: str | None


class Body(Schema):
    blocks: list[dict[str, Any]] = Field(
        description="StreamField blocks as Wagtail's API represents them: type, value, id."
    )
    html: str = Field(description="The body as rendered on our site, with absolute links.")


EXAMPLE_RELEASE = {
    "id": 42,
    "external_id": "isar-2000-11-30",
    "url": "https://pressroom.example/en/press-releases/election-monitoring/",
    "title": "Election monitoring results",
    "slug": "election-monitoring",
    "lang": "en",
    "release_date": "2000-11-30",
    "summary": "Observers report on the parliamentary elections.",
    "body": {
        "blocks": [{"type": "paragraph", "value": "<p>Observers…</p>", "id": "5f0c…"}],
        "html": "<p>Observers…</p>",
    },
    "organization": {
        "id": 7,
        "slug": "isar",
        "name": "Institute for Peace and Democracy",
        "acronym": "ISAR",
        "url": "https://pressroom.example/en/directory/isar/",
    },
    "participants": [],
    "funders": [],
    "city": "Baku",
    "topics": [{"slug": "elections", "name": "elections"}],
    "contact": {
        "name": "ISAR",
        "address": "Baku",
        "phones": ["+994 12 000 00 00"],
        "fax": "",
        "email": "office@isar.example",
        "mobile": "",
        "whatsapp": "",
    },
    "translations": [
        {"lang": "az", "id": 43, "url": "https://pressroom.example/az/press-relizler/secki/"}
    ],
    "first_published_at": "2024-05-01T09:00:00+00:00",
    "last_published_at": "2024-05-02T10:30:00+00:00",
}


class PressRelease(Schema):
    """A live, public press release. With ``fields=`` only the named fields are present."""

    model_config = {"json_schema_extra": {"examples": [EXAMPLE_RELEASE]}}

    id: int = None
    external_id: str | None = None
    url: str | None = None
    title: str = None
    slug: str = None
    lang: str = None
    release_date: datetime.date = None
    summary: str = None
    body: Body = None
    organization: OrganizationRef | None = None
    participants: list[OrganizationRef] = None
    funders: list[OrganizationRef] = None
    city: str = None
    topics: list[Topic] = None
    contact: Contact = None
    translations: list[Translation] = None
    first_published_at: datetime.datetime | None = None
    last_published_at: datetime.datetime | None = None


class PressReleaseList(Schema):
    model_config = {"json_schema_extra": {"examples": [{"count": 1, "items": [EXAMPLE_RELEASE]}]}}

    count: int = Field(description="Items matching the filters, across all pages.")
    items: list[PressRelease]
