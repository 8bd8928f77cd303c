"""``/api/v3/press-releases/``: the list and detail of live, public releases.

Thin views: parameters are validated by their schema (``schemas.py``) and here where they
need the database, the rows come from ``selectors.py``, the JSON from ``serializers.py``.
Responses carry ETag/Last-Modified and answer 304 before any release is read
(``conditional.py``).
"""

from django.http import Http404, HttpRequest
from ninja import Query, Router
from taggit.models import Tag
from wagtail.api.v3.errors import as_validation_error

from core.api.conditional import Conditional
from core.api.params import (
    MAX_LIMIT,
    FieldSelection,
    RowId,
    field_selection,
    page_with_count,
    total_cache_key,
)
from core.api.problems import DETAIL_ERRORS, READ_ERRORS, parameter_problem
from directory.selectors import live_organizations

from .schemas import (
    PressRelease,
    PressReleaseList,
    PressReleaseListParams,
)
from .selectors import ReleaseApiFilters, api_live_releases, release_api_list
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
def press_release_list(request: HttpRequest, params: PressReleaseListParams = Query(...)):  # noqa: B008
    fields = field_selection(params.fields, allowed=FIELDS)
    if params.limit > MAX_LIMIT:
        return parameter_problem("limit", f"limit cannot be higher than {MAX_LIMIT}", status=400)
    conditional = Conditional(request)
    if (not_modified := conditional.not_modified()) is not None:
        return not_modified
    _check_slugs(params)
    # Normalized, so that equivalent queries share one cached total.
    filters = ReleaseApiFilters(
        q=" ".join((params.q or "").split()),
        organizations=tuple(sorted(set(params.organization))),
        participants=(params.participant,) if params.participant else (),
        city=params.city or "",
        topics=tuple(sorted(set(params.topic))),
        lang=params.lang or "",
        date_from=params.date_from,
        date_to=params.date_to,
        external_id=params.external_id or "",
        updated_since=params.updated_since,
    )
    releases = release_api_list(filters=filters, ordering=params.ordering)
    page, count = page_with_count(
        press_release_queryset(releases, fields=fields),
        offset=params.offset,
        limit=params.limit,
        total_key=total_cache_key(
            scope="press-releases", version=conditional.version, filters=filters
        ),
    )
    items = press_release_payloads(page, request=request, fields=fields)
    return conditional.json({"count": count, "items": items})


@router.get(
    "/{int:id}/",
    response={200: PressRelease, 304: None, **DETAIL_ERRORS},
    url_name="press_release_detail",
    summary="Press release detail",
    description="One live, public release; 404 for drafts, unpublished and private pages.",
    operation_id="press_releases_detail",
)
def press_release_detail(request: HttpRequest, id: RowId, params: FieldSelection = Query(...)):  # noqa: B008
    fields = field_selection(params.fields, allowed=FIELDS)
    conditional = Conditional(request)
    if (not_modified := conditional.not_modified()) is not None:
        return not_modified
    payloads = press_release_payloads(
        api_live_releases().filter(pk=id), request=request, fields=fields
    )
    if not payloads:
        raise Http404(f"No live, public press release with id {id}")
    return conditional.json(payloads[0])
