"""``/api/v3/events/changes/``: the feed partners keep a mirror of events with.

The same contract as the press releases' (docs/api.md, "Sync recipe"): oldest change first,
each changed event once in its current state, an ``upsert`` with the detail's item or a
``delete`` tombstone, and a ``next_since`` cursor. The changes are Wagtail's own page log
(publish, unpublish, delete, move, privacy: ``core.api.conditional.public_page_changes``)
for the event page type, which outlives deleted pages, so no log of our own is kept.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.errors import as_validation_error

from core.api.conditional import public_page_changes
from core.api.params import MAX_LIMIT
from core.api.problems import READ_ERRORS
from core.api.read import Read, read_endpoint

from ..models import EventPage
from ..selectors import live_events
from .serializers import event_payloads

CURSOR = re.compile(r"^e\.(\d{1,18})$")


class ChangesQuery(Schema):
    since: str | None = Field(
        None,
        max_length=64,
        description="The `next_since` of the previous response.",
        examples=["e.0"],
    )
    limit: int = Field(50, ge=1, description=f"Changes per response, at most {MAX_LIMIT}.")


router = Router(tags=["events"])


@router.get(
    "/",
    response={200: dict, **READ_ERRORS},
    url_name="event_changes",
    summary="Event changes since a cursor",
    description="Every event published, changed or removed after `since`, oldest first.",
    operation_id="events_changes",
)
@read_endpoint(conditional=False)
def event_changes(request: HttpRequest, query: Query[ChangesQuery], *, read: Read):
    after = 0
    if query.since:
        if not (match := CURSOR.match(query.since)):
            message = "since must be a next_since value such as 'e.0'"
            raise as_validation_error(ValueError(message), message, loc=("query", "since"))
        after = int(match[1])
    content_type = ContentType.objects.get_for_model(EventPage)
    rows = list(
        public_page_changes()
        .filter(content_type=content_type, pk__gt=after)
        .order_by("pk")
        .values_list("pk", "page_id", "timestamp")[: query.limit + 1]
    )
    has_more = len(rows) > query.limit
    rows = rows[: query.limit]
    latest = {page_id: (pk, at) for pk, page_id, at in rows}  # each event once, at its last
    items = {
        item["id"]: item
        for item in event_payloads(live_events().filter(pk__in=latest), request=request)
    }
    changes = []
    for page_id, (_pk, at) in sorted(latest.items(), key=lambda entry: entry[1][0]):
        common = {"id": page_id, "changed_at": at.isoformat()}
        if page_id in items:
            changes.append({"action": "upsert", **common, "item": items[page_id]})
        else:
            changes.append({"action": "delete", **common})
    response = JsonResponse(
        {
            "items": changes,
            "next_since": f"e.{rows[-1][0] if rows else after}",
            "has_more": has_more,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, no_cache=True)
    return response
