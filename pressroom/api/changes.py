"""``/api/v3/press-releases/changes/``: the feed partners keep an exact mirror with.

Contract (docs/api.md, "Sync recipe"; pinned by tests/pressroom/test_changes_api.py and
examples/partner_sync.py): oldest change first, each changed release once in its current
state, an ``upsert`` with the detail endpoint's item or a ``delete`` tombstone, and a
``next_since`` cursor to pass back. Which rows are safe to serve is pressroom/changelog/feed.py.
"""

import datetime
from typing import Annotated, Literal

from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.errors import as_validation_error

from core.api.params import MAX_LIMIT
from core.api.problems import READ_ERRORS
from core.api.read import Read, read_endpoint
from pressroom.changelog.feed import change_window, since_parse
from pressroom.models import ReleaseChange
from pressroom.selectors import live_releases

from .schemas import PressRelease
from .serializers import press_release_payloads

EXAMPLE = {
    "items": [
        {
            "action": "upsert",
            "id": 42,
            "changed_at": "2024-05-01T12:00:03.120000+00:00",
            "item": {"id": 42, "external_id": "isar-2000-11-30", "title": "…"},
        },
        {
            "action": "delete",
            "id": 17,
            "external_id": "isar-1999-04-02",
            "changed_at": "2024-05-01T12:04:10.500000+00:00",
        },
    ],
    "next_since": "c.7834.1205",
    "has_more": False,
}


class Upsert(Schema):
    action: Literal["upsert"]
    id: int
    changed_at: datetime.datetime
    item: PressRelease = Field(
        description="The release as `press-releases/{id}/` returns it, with all fields."
    )


class Tombstone(Schema):
    action: Literal["delete"]
    id: int
    external_id: str | None
    changed_at: datetime.datetime


class ChangesPage(Schema):
    model_config = {"json_schema_extra": {"examples": [EXAMPLE]}}

    items: list[Annotated[Upsert | Tombstone, Field(discriminator="action")]]
    next_since: str = Field(description="Pass as `since` to continue after these items.")
    has_more: bool = Field(description="More changes are ready now: ask again at once.")


class ChangesQuery(Schema):
    since: str | None = Field(
        None,
        max_length=64,
        description=(
            "The `next_since` of the previous response; or an ISO 8601 datetime to start "
            "from changes made since then (UTC without an offset). Omit for every release."
        ),
        examples=["2024-05-01T12:00:00Z", "c.0.0"],
    )
    limit: int = Field(
        50,
        ge=1,
        description=f"Changes per response, at most {MAX_LIMIT} (more is a 400 problem).",
        examples=[50],
    )


router = Router(tags=["press releases"])


@router.get(
    "/",
    response={200: ChangesPage, **READ_ERRORS},
    url_name="press_release_changes",
    summary="Press-release changes since a cursor",
    description=(
        "Every release published, changed or removed (unpublished, deleted, made private) "
        "after `since`, oldest first, each once in its current state. Apply the items in "
        "order, store `next_since`, and repeat while `has_more`."
    ),
    operation_id="press_releases_changes",
    # 200, not "200": Ninja keys its responses by status number, and only the same key
    # merges the example into the documented response (a string key writes a second "200").
    openapi_extra={"responses": {200: {"content": {"application/json": {"example": EXAMPLE}}}}},
)
# No validators here: a commit that lands late makes older rows servable without any newer
# log entry to version by, so a 304 could hold a partner on a stale answer.
@read_endpoint(conditional=False)
def press_release_changes(request: HttpRequest, query: Query[ChangesQuery], *, read: Read):
    try:
        since = since_parse(query.since) if query.since else None
    except ValueError as error:
        raise as_validation_error(error, str(error), loc=("query", "since")) from error
    window = change_window(since=since, limit=query.limit)
    live = live_releases().filter(pk__in=[row.page_id for row in window.changes])
    items = {item["id"]: item for item in press_release_payloads(live, request=request)}
    # Serialized here, as the detail endpoint does, so an item is byte for byte the detail.
    response = JsonResponse(
        {
            "items": [_change(row, items.get(row.page_id)) for row in window.changes],
            "next_since": window.next_since,
            "has_more": window.has_more,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, no_cache=True)
    return response


def _change(row: ReleaseChange, item: dict | None) -> dict:
    common = {"id": row.page_id, "changed_at": row.changed_at.isoformat()}
    if item is not None:
        return {"action": "upsert", **common, "item": item}
    return {"action": "delete", **common, "external_id": row.external_id}
