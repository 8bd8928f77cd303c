"""``/api/v3/organizations/``: the directory for partner sites, list and detail.

Only live organizations, in their published state (the row; drafts stay in revisions).
Same conventions as ``/api/v3/press-releases/``: ``{count, items}``, ``limit``/``offset``,
``fields=``, problem+json errors naming the parameter, ETag/Last-Modified and 304.
"""

import dataclasses
import datetime
from collections import defaultdict
from typing import Literal

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from ninja import Field, Query, Router, Schema
from wagtail.rich_text import expand_db_html

from core.api.params import (
    FieldSelection,
    LanguageCode,
    Pagination,
    RowId,
    Text,
    page_with_count,
)
from core.api.problems import DETAIL_ERRORS, READ_ERRORS
from core.api.read import Read, read_endpoint
from core.api.schemas import Contact, Topic

from .models import Organization, OrganizationFocusArea, OrganizationType
from .selectors import directory_pages_by_locale, live_organizations

router = Router(tags=["organizations"])

FIELDS = (
    "id",
    "slug",
    "name",
    "acronym",
    "name_az",
    "type",
    "lang",
    "url",
    "description",
    "city",
    "focus_areas",
    "founded_year",
    "website",
    "contact",
    "releases",
    "last_published_at",
)


class OrganizationListParams(Pagination, FieldSelection):
    q: Text(200) | None = Field(
        None,
        description="Words that must all appear in the name, acronym or Azerbaijani name.",
        examples=["ISAR"],
    )
    type: Literal[tuple(OrganizationType.values)] | None = Field(  # ty: ignore[invalid-type-form]
        None, description="Kind of organization.", examples=["local-ngo"]
    )
    city: Text(100) | None = Field(None, description="City (case-insensitive).", examples=["Baku"])
    focus: Text(100) | None = Field(
        None, description="Focus area, by slug or name (case-insensitive).", examples=["elections"]
    )
    lang: LanguageCode | None = Field(
        None, description="Language of the directory entry.", examples=["en"]
    )


class ReleaseLinks(Schema):
    api: str = Field(description="This API's release list, filtered to the organization's issues.")
    page: str | None = Field(description="The public profile, which lists its releases.")


class OrganizationItem(Schema):
    """A live organization. With ``fields=`` only the named fields are present."""

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 7,
                    "slug": "isar",
                    "name": "Institute for Peace and Democracy",
                    "acronym": "ISAR",
                    "name_az": "Sülh və Demokratiya İnstitutu",
                    "type": "local-ngo",
                    "lang": "en",
                    "url": "https://pressroom.example/en/directory/isar/",
                    "description": "<p>Monitors elections.</p>",
                    "city": "Baku",
                    "focus_areas": [{"slug": "elections", "name": "elections"}],
                    "founded_year": 1995,
                    "website": "https://isar.example",
                    "contact": {
                        "name": "Institute for Peace and Democracy",
                        "address": "Baku",
                        "phones": ["+994 12 000 00 00"],
                        "fax": "",
                        "email": "office@isar.example",
                        "mobile": "",
                        "whatsapp": "",
                    },
                    "releases": {
                        "api": "https://pressroom.example/api/v3/press-releases/?organization=isar",
                        "page": "https://pressroom.example/en/directory/isar/",
                    },
                    "last_published_at": "2024-05-01T09:00:00+00:00",
                }
            ]
        }
    }

    id: int = None
    slug: str = None
    name: str = None
    acronym: str = None
    name_az: str = None
    type: str = None
    lang: str = None
    url: str | None = None
    description: str = None
    city: str = None
    focus_areas: list[Topic] = None
    founded_year: int | None = None
    website: str = None
    contact: Contact = None
    releases: ReleaseLinks = None
    last_published_at: datetime.datetime | None = None


class OrganizationList(Schema):
    count: int
    items: list[OrganizationItem]


def _live_organizations() -> QuerySet[Organization]:
    return live_organizations().select_related("locale")


def _organization_list(params: OrganizationListParams) -> QuerySet[Organization]:
    organizations = _live_organizations()
    for word in (params.q or "").split():
        organizations = organizations.filter(
            Q(name__icontains=word) | Q(acronym__icontains=word) | Q(name_az__icontains=word)
        )
    if params.type:
        organizations = organizations.filter(organization_type=params.type)
    if params.city:
        organizations = organizations.filter(city__iexact=params.city)
    if params.focus:
        organizations = organizations.filter(
            pk__in=OrganizationFocusArea.objects.filter(
                Q(tag__slug__iexact=params.focus) | Q(tag__name__iexact=params.focus)
            ).values("content_object_id")
        )
    if params.lang:
        organizations = organizations.filter(locale__language_code=params.lang)
    return organizations.order_by("name", "pk")


def organization_payloads(
    organizations: list[Organization], *, request, fields: list[str] | None = None
) -> list[dict]:
    """One dict per organization; focus areas and profile URLs read once for the batch."""
    wanted = [name for name in FIELDS if name in set(fields or FIELDS)]
    focus_areas = defaultdict(list)
    if "focus_areas" in wanted and organizations:
        rows = (
            OrganizationFocusArea.objects.filter(
                content_object_id__in=[organization.pk for organization in organizations]
            )
            .order_by("tag__name")
            .values_list("content_object_id", "tag__slug", "tag__name")
        )
        for organization_id, slug, name in rows:
            focus_areas[organization_id].append({"slug": slug, "name": name})
    directory_urls = {}
    if {"url", "releases"} & set(wanted):
        directory_urls = {
            locale_id: page.get_full_url(request)
            for locale_id, page in directory_pages_by_locale().items()
        }
    releases_api = request.build_absolute_uri(reverse("wagtailapi_v3:press_release_list"))

    def profile(organization):
        base = directory_urls.get(organization.locale_id)
        return f"{base}{organization.slug}/" if base else None

    values = {
        "id": lambda o: o.pk,
        "slug": lambda o: o.slug,
        "name": lambda o: o.name,
        "acronym": lambda o: o.acronym,
        "name_az": lambda o: o.name_az,
        "type": lambda o: o.organization_type,
        "lang": lambda o: o.locale.language_code,
        "url": profile,
        "description": lambda o: expand_db_html(o.description),
        "city": lambda o: o.city,
        "focus_areas": lambda o: focus_areas[o.pk],
        "founded_year": lambda o: o.founded_year,
        "website": lambda o: o.website,
        "contact": lambda o: dataclasses.asdict(o.contact),
        "releases": lambda o: {
            "api": f"{releases_api}?{urlencode({'organization': o.slug})}",
            "page": profile(o),
        },
        "last_published_at": lambda o: (
            o.last_published_at.isoformat() if o.last_published_at else None
        ),
    }
    return [{name: values[name](o) for name in wanted} for o in organizations]


@router.get(
    "/",
    response={200: OrganizationList, 304: None, **READ_ERRORS},
    url_name="organization_list",
    summary="List organizations",
    description="Live organizations of the directory, by name, in the `{count, items}` envelope.",
    operation_id="organizations_list",
)
@read_endpoint(fields=FIELDS)
def organization_list(
    request: HttpRequest,
    params: OrganizationListParams = Query(...),  # noqa: B008
    *,
    read: Read,
):
    organizations = _organization_list(params)
    page, count = page_with_count(organizations, offset=params.offset, limit=params.limit)
    items = organization_payloads(page, request=request, fields=read.fields)
    return read.json({"count": count, "items": items})


@router.get(
    "/{int:id}/",
    response={200: OrganizationItem, 304: None, **DETAIL_ERRORS},
    url_name="organization_detail",
    summary="Organization detail",
    description="One live organization; 404 for drafts and unpublished ones.",
    operation_id="organizations_detail",
)
@read_endpoint(fields=FIELDS)
def organization_detail(
    request: HttpRequest,
    id: RowId,
    params: FieldSelection = Query(...),  # noqa: B008
    *,
    read: Read,
):
    organization = _live_organizations().filter(pk=id).first()
    if organization is None:
        raise Http404(f"No live organization with id {id}")
    return read.json(organization_payloads([organization], request=request, fields=read.fields)[0])
