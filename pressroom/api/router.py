"""``/api/v3/press-releases/``: the list and detail of live, public releases.

Thin views: parameters are validated by their schema (``schemas.py``) and here where they
need the database, the rows come from ``selectors.py``, the JSON from ``serializers.py``.
``read_endpoint`` checks ``fields=`` and ``limit`` and answers 304 before any release is read.
"""

from django.http import Http404, HttpRequest
from ninja import Query, Router
from taggit.models import Tag
from wagtail.api.v3.errors import as_validation_error

from core.api.params import FieldSelection, RowId, page_with_count, total_cache_key
from core.api.problems import DETAIL_ERRORS, READ_ERRORS
from core.api.read import Read, read_endpoint
from directory.selectors import live_organizations
from pressroom.selectors import live_releases
from search.filters import PublicFilters

from .schemas import (
    PressRelease,
    PressReleaseList,
    PressReleaseListParams,
)
from .selectors import ReleaseApiFilters, release_api_list
from .serializers import FIELDS, press_release_payloads, press_release_queryset

router = Router(tags=["press releases"])


def _require_known(values, known, *, parameter: str, what: str) -> None:
    missing = sorted(set(values) - set(known))
    if missing:
        message = f"No {what} with slug {', '.join(repr(slug) for slug in missing)}"
        raise as_validation_error(LookupError(message), message, loc=("query", parameter))


def _check_slugs(params: PressReleaseListParams) -> None:
    """Unknown slugs are an error rather than an empty list: a partner's typo should show."""
    organizations = {*params.organization, *([params.participant] if params.participant else [])}
    if organizations:
        known = live_organizations().filter(slug__in=organizations).values_list("slug", flat=True)
        known = set(known)
        _require_known(params.organization, known, parameter="organization", what="organization")
        if params.participant:
            _require_known(
                [params.participant], known, parameter="participant", what="organization"
            )
    if params.topic:
        known = Tag.objects.filter(slug__in=params.topic).values_list("slug", flat=True)
        _require_known(params.topic, known, parameter="topic", what="topic")


@router.get(
    "/",
    response={200: PressReleaseList, 304: None, **READ_ERRORS},
    url_name="press_release_list",
    summary="List press releases",
    description=(
        "Live, public press releases, newest first, in the `{count, items}` envelope of "
        "Wagtail's API v3. Supports ETag/If-None-Match and Last-Modified/If-Modified-Since."
    ),
    operation_id="press_releases_list",
)
@read_endpoint(fields=FIELDS)
def press_release_list(
    request: HttpRequest,
    params: PressReleaseListParams = Query(...),  # noqa: B008
    *,
    read: Read,
):
    _check_slugs(params)
    # Normalized, so that equivalent queries share one cached total.
    filters = ReleaseApiFilters(
        public=PublicFilters(
            organizations=tuple(sorted(set(params.organization))),
            organization_type=params.organization_type or "",
            city=params.city or "",
            topics=tuple(sorted(set(params.topic))),
            languages=(params.lang,) if params.lang else (),
            date_from=params.date_from,
            date_to=params.date_to,
        ),
        q=" ".join((params.q or "").split()),
        participants=(params.participant,) if params.participant else (),
        external_id=params.external_id or "",
        updated_since=params.updated_since,
    )
    releases = release_api_list(filters=filters, ordering=params.ordering)
    page, count = page_with_count(
        press_release_queryset(releases, fields=read.fields),
        offset=params.offset,
        limit=params.limit,
        total_key=total_cache_key(
            scope="press-releases", version=read.conditional.version, filters=filters
        ),
    )
    items = press_release_payloads(page, request=request, fields=read.fields)
    return read.json({"count": count, "items": items})


@router.get(
    "/{int:id}/",
    response={200: PressRelease, 304: None, **DETAIL_ERRORS},
    url_name="press_release_detail",
    summary="Press release detail",
    description="One live, public release; 404 for drafts, unpublished and private pages.",
    operation_id="press_releases_detail",
)
@read_endpoint(fields=FIELDS)
def press_release_detail(
    request: HttpRequest,
    id: RowId,
    params: FieldSelection = Query(...),  # noqa: B008
    *,
    read: Read,
):
    payloads = press_release_payloads(
        live_releases().filter(pk=id), request=request, fields=read.fields
    )
    if not payloads:
        raise Http404(f"No live, public press release with id {id}")
    return read.json(payloads[0])
