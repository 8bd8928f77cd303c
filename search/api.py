"""``/api/v3/search/`` and ``/api/v3/search/autocomplete/``: the advanced search as JSON.

A thin front end over the one search service, like the search page: the parameters and
their meaning are the page's (``search.query.parse_search_query``), plus ``page_size``.
The schema below documents them and rejects malformed values up front, naming the
parameter; what only the parser or the service can judge (an unknown organization, a page
past the end) is reported by parameter from the parser's one reading.
"""

import dataclasses
import datetime
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, JsonResponse, QueryDict
from ninja import Field, Query, Router, Schema
from wagtail.models import Site

from core.api.conditional import cache_control_apply
from core.api.params import Text
from core.api.problems import READ_ERRORS, parameter_errors

from .query import SORTS, InvalidSearch, parse_search_query
from .registry import registry
from .service import FacetValue, PageOutOfRange, search_autocomplete, search_run

router = Router(tags=["search"])

MAX_PAGE_SIZE = 100
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
LanguageOrAll = Literal[(*LANGUAGES, "all")]  # ty: ignore[invalid-type-form]
# The directory registers the organization types with the search registry (directory/search.py).
ORGANIZATION_TYPES = registry.facet_choices("organization_type")
OrganizationTypeValue = Literal[ORGANIZATION_TYPES] if ORGANIZATION_TYPES else Text(64)  # ty: ignore[invalid-type-form]


class SearchParams(Schema):
    q: Text(200) | None = Field(
        None,
        description='Words, "exact phrases", OR between alternatives, -word to exclude.',
        examples=["election monitoring"],
    )
    type: Text(32) | None = Field(
        None,
        description="`all` (default), `press_release` or `organization`.",
        examples=["press_release"],
    )
    organization: list[Text(255)] = Field(
        [], description="Organization slug; repeat for any of several.", examples=[["isar"]]
    )
    organization_type: OrganizationTypeValue | None = Field(
        None, description="Kind of organization.", examples=["local-ngo"]
    )
    city: Text(100) | None = Field(None, description="City (case-insensitive).", examples=["Baku"])
    topic: list[Text(100)] = Field(
        [], description="Topic slug; repeat for any of several.", examples=[["elections"]]
    )
    lang: list[LanguageOrAll] = Field(
        [], description="Language(s) to search; all languages when absent.", examples=[["en"]]
    )
    date_from: datetime.date | None = Field(None, examples=["2000-01-01"])
    date_to: datetime.date | None = Field(None, examples=["2000-12-31"])
    sort: Literal[SORTS] | None = Field(
        None, description="Default: relevance.", examples=["newest"]
    )  # ty: ignore[invalid-type-form]
    page: int = Field(1, ge=1, le=1000, examples=[1])
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, examples=[20])


class Highlights(Schema):
    title: str | None = Field(description="The title with matches marked by <mark>, if any.")
    body: list[str] = Field(description="Fragments of the text with matches marked.")


class SearchHit(Schema):
    type: str = Field(examples=["press_release"])
    id: int
    external_id: str | None
    title: str
    url: str | None
    release_date: datetime.date | None
    organization: dict[str, Any] | None = Field(description="The issuer: slug and name.")
    highlights: Highlights


class SearchResponse(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "count": 1,
                    "items": [
                        {
                            "type": "press_release",
                            "id": 42,
                            "external_id": "isar-2000-11-30",
                            "title": "Election monitoring results",
                            "url": "https://pressroom.example/en/press-releases/election-monitoring/",
                            "release_date": "2000-11-30",
                            "organization": {"slug": "isar", "name": "ISAR"},
                            "highlights": {
                                "title": "<mark>Election</mark> monitoring results",
                                "body": ["…observers of the <mark>election</mark>…"],
                            },
                        }
                    ],
                    "facets": {
                        "city": [{"value": "Baku", "label": "Baku", "count": 1, "selected": False}]
                    },
                    "suggestion": None,
                    "degraded": False,
                }
            ]
        }
    }

    count: int
    items: list[SearchHit]
    facets: dict[str, list[FacetValue]] = Field(
        description=(
            "Per facet (organization, organization_type, city, topic, year, lang), every "
            "value with a non-zero count."
        )
    )
    suggestion: str | None = Field(description="A spelling the index knows better, if any.")
    degraded: bool = Field(
        description="True when the search engine was unreachable and the database answered."
    )


class AutocompleteParams(Schema):
    q: Text(100) = Field("", description="The beginning of a title or name.", examples=["elec"])
    lang: list[LanguageOrAll] = Field([], description="Language(s); all when absent.")


class Suggestion(Schema):
    type: str
    id: int
    title: str
    url: str | None


class AutocompleteResponse(Schema):
    items: list[Suggestion]


def _query_params(params: SearchParams) -> QueryDict:
    """The validated parameters, as the search page's parser reads them; all languages by
    default. Built from ``params``, never from ``request.GET``: what the schema refused or
    cleaned must not reach the search."""
    query = QueryDict(mutable=True)
    for name, value in params.dict(exclude={"page_size"}, exclude_none=True).items():
        values = value if isinstance(value, list) else [value]
        if values:
            query.setlist(name, [str(v) for v in values])
    if not query.getlist("lang"):
        query.setlist("lang", ["all"])
    return query


def _absolute(url: str | None, root: str) -> str | None:
    return f"{root}{url}" if url and url.startswith("/") else url


def _site_root(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return site.root_url.rstrip("/") if site else request.build_absolute_uri("/").rstrip("/")


@router.get(
    "/",
    response={200: SearchResponse, **READ_ERRORS},
    url_name="search",
    summary="Search press releases and organizations",
    description="The advanced search of the site's search page, as JSON, with every facet value.",
    operation_id="search",
)
def search(request: HttpRequest, params: SearchParams = Query(...)):  # noqa: B008
    query_params = _query_params(params)
    try:
        query = parse_search_query(query_params, language=settings.LANGUAGE_CODE)
    except InvalidSearch as error:
        raise parameter_errors(
            {name: "; ".join(messages) for name, messages in error.errors.items()}
        ) from error
    query = dataclasses.replace(query, page_size=params.page_size)
    try:
        results = search_run(query=query, request=request, language=settings.LANGUAGE_CODE)
    except PageOutOfRange as error:
        raise parameter_errors({"page": "; ".join(error.messages)}) from error
    payload = results.to_dict()
    root = _site_root(request)
    for item in payload["items"]:
        item["url"] = _absolute(item["url"], root)
    return cache_control_apply(
        JsonResponse(payload, json_dumps_params={"ensure_ascii": False}), request
    )


@router.get(
    "/autocomplete/",
    response={200: AutocompleteResponse, **READ_ERRORS},
    url_name="search_autocomplete",
    summary="Autocomplete titles and organization names",
    operation_id="search_autocomplete",
)
def autocomplete(request: HttpRequest, params: AutocompleteParams = Query(...)):  # noqa: B008
    languages = tuple(params.lang) if params.lang and "all" not in params.lang else LANGUAGES
    items = search_autocomplete(text=params.q, languages=languages, request=request)
    root = _site_root(request)
    for item in items:
        item["url"] = _absolute(item["url"], root)
    return cache_control_apply(
        JsonResponse({"items": items}, json_dumps_params={"ensure_ascii": False}), request
    )
