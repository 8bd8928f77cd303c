"""``/api/v3/events/``: list and detail of live, public events; ``changes/``: the mirror feed.

The same conventions as the press-release endpoints: ``read_endpoint`` validates ``fields=``
and ``limit`` and answers 304s; unknown slugs are a 422; the public filters mean what they
mean everywhere (search/filters.py), dates being the day an event starts in Baku.
"""

from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Query, Router
from taggit.models import Tag
from wagtail.api.v3.errors import as_validation_error

from core.api.params import FieldSelection, RowId, page_with_count, total_cache_key
from core.api.problems import DETAIL_ERRORS, READ_ERRORS
from core.api.read import Read, read_endpoint
from directory.selectors import live_organizations
from search.filters import PublicFilters

from ..selectors import events_filter, events_past, events_upcoming, live_events
from .schemas import ORDERINGS, Event, EventList, EventListParams
from .serializers import FIELDS, event_payloads, event_queryset

router = Router(tags=["events"])


def _require_known(values, known, *, parameter: str, what: str) -> None:
    missing = sorted(set(values) - set(known))
    if missing:
        message = f"No {what} with slug {', '.join(repr(slug) for slug in missing)}"
        raise as_validation_error(LookupError(message), message, loc=("query", parameter))


def _events(params: EventListParams):
    if params.organization:
        known = live_organizations().filter(slug__in=params.organization)
        _require_known(
            params.organization,
            known.values_list("slug", flat=True),
            parameter="organization",
            what="organization",
        )
    if params.topic:
        known = Tag.objects.filter(slug__in=params.topic).values_list("slug", flat=True)
        _require_known(params.topic, known, parameter="topic", what="topic")
    public = PublicFilters(
        organizations=tuple(sorted(set(params.organization))),
        organization_type=params.organization_type or "",
        city=params.city or "",
        topics=tuple(sorted(set(params.topic))),
        languages=(params.lang,) if params.lang else (),
        date_from=params.date_from,
        date_to=params.date_to,
    )
    events = events_filter(live_events(), **public.active(exclude=()))
    for word in (params.q or "").split():
        events = events.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if params.external_id:
        events = events.filter(external_id=params.external_id)
    if params.updated_since:
        events = events.filter(last_published_at__gte=params.updated_since)
    if params.upcoming is not None:
        events = events_upcoming(events) if params.upcoming else events_past(events)
    return events.order_by(*ORDERINGS[params.ordering]), public


@router.get(
    "/",
    response={200: EventList, 304: None, **READ_ERRORS},
    url_name="event_list",
    summary="List events",
    description="Live, public events, by start, in the `{count, items}` envelope; ETag/304.",
    operation_id="events_list",
)
@read_endpoint(fields=FIELDS)
def event_list(
    request: HttpRequest,
    params: EventListParams = Query(...),  # noqa: B008
    *,
    read: Read,
):
    events, public = _events(params)
    page, count = page_with_count(
        event_queryset(events),
        offset=params.offset,
        limit=params.limit,
        total_key=total_cache_key(
            scope="events",
            version=read.conditional.version,
            filters=(public, params.q, params.external_id, params.updated_since, params.upcoming),
        ),
    )
    return read.json(
        {"count": count, "items": event_payloads(page, request=request, fields=read.fields)}
    )


@router.get(
    "/{int:id}/",
    response={200: Event, 304: None, **DETAIL_ERRORS},
    url_name="event_detail",
    summary="Event detail",
    description="One live, public event; 404 for drafts, unpublished and private pages.",
    operation_id="events_detail",
)
@read_endpoint(fields=FIELDS)
def event_detail(
    request: HttpRequest,
    id: RowId,
    params: FieldSelection = Query(...),  # noqa: B008
    *,
    read: Read,
):
    payloads = event_payloads(live_events().filter(pk=id), request=request, fields=read.fields)
    if not payloads:
        raise Http404(f"No live, public event with id {id}")
    return read.json(payloads[0])
