"""Conditional requests for the API's read endpoints: ETag, Last-Modified, Cache-Control, 304.

The validators come from a site-wide *content version*: the newest *public* entry of
Wagtail's page log and of its snippet log. Every publish, unpublish, move, deletion and
privacy change made through Wagtail's actions (the admin, ``publish()``, ``unpublish()``,
``delete()``) writes one, so the version changes the moment content does, and reading it is
two index lookups: a 304 is answered without touching the releases at all. A change anywhere
invalidates every list; that costs partners one full response per change, never a stale one.
Editorial activity (drafts, locks, comments, workflow steps, scheduling) also writes log
entries but changes nothing public, so it is left out: the validators must not tell the
public when an organization is preparing something.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, PageLogEntry, Site

DEFAULT_MAX_AGE = 60

# Log actions that change what the public sees, for pages and for snippets alike
# (https://docs.wagtail.org/en/stable/extending/audit_log.html lists Wagtail's actions).
# The scheduled variants are ``publish_scheduled`` making content live or expiring it.
PUBLIC_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.reorder",
    "wagtail.create_alias",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)
# Saves that are live at once: of models without drafts whose content the public sees
# (images and documents in release bodies and logos; sites, in every URL). Saves of other
# models without drafts (users, groups, workflows) are administration, not content.
SAVE_ACTIONS = ("wagtail.create", "wagtail.edit")


@dataclass(frozen=True)
class ContentVersion:
    page_log_id: int
    snippet_log_id: int
    changed_at: datetime | None


def _live_on_save_content_type_ids() -> list[int]:
    """The models of ``SAVE_ACTIONS`` (ContentType caches the lookups after the first)."""
    models = (get_image_model(), get_document_model(), Site)
    types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return sorted(content_type.pk for content_type in types.values())


def public_page_changes() -> QuerySet[PageLogEntry]:
    """Page log entries of changes the public can see; pages always save drafts first."""
    return PageLogEntry.objects.filter(action__in=PUBLIC_ACTIONS)


def public_snippet_changes() -> QuerySet[ModelLogEntry]:
    """Snippet, image and document log entries of changes the public can see."""
    live_saves = Q(action__in=SAVE_ACTIONS, content_type_id__in=_live_on_save_content_type_ids())
    return ModelLogEntry.objects.filter(Q(action__in=PUBLIC_ACTIONS) | live_saves)


def content_version() -> ContentVersion:
    """The newest public page and snippet log entries, read in one query."""
    latest_snippets = public_snippet_changes().order_by("-pk")
    row = (
        public_page_changes()
        .order_by("-pk")
        .annotate(
            snippet_log_id=Subquery(latest_snippets.values("pk")[:1]),
            snippet_changed_at=Subquery(latest_snippets.values("timestamp")[:1]),
        )
        .values_list("pk", "timestamp", "snippet_log_id", "snippet_changed_at")
        .first()
    )
    if row is None:  # no page was ever logged: a site without content
        snippet = latest_snippets.values_list("pk", "timestamp").first() or (0, None)
        return ContentVersion(0, snippet[0], snippet[1])
    page_log_id, page_changed_at, snippet_log_id, snippet_changed_at = row
    changed = [moment for moment in (page_changed_at, snippet_changed_at) if moment]
    return ContentVersion(page_log_id, snippet_log_id or 0, max(changed) if changed else None)


class Conditional:
    """Validators of one GET: a 304 when the client's copy is current, else headers to add."""

    def __init__(self, request: HttpRequest, version: ContentVersion | None = None):
        self.request = request
        self.version = version or content_version()
        query = "&".join(sorted(request.GET.urlencode().split("&")))
        key = f"{request.path}?{query}|{self.version.page_log_id}|{self.version.snippet_log_id}"
        self.etag = f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
        self.last_modified = (
            int(self.version.changed_at.timestamp()) if self.version.changed_at else None
        )

    def not_modified(self) -> HttpResponse | None:
        """The 304 (with its headers) when If-None-Match or If-Modified-Since still holds."""
        response = get_conditional_response(
            self.request, etag=self.etag, last_modified=self.last_modified
        )
        if response is None:
            return None
        return self.decorate(response)

    def json(self, payload: dict) -> JsonResponse:
        return self.decorate(JsonResponse(payload, json_dumps_params={"ensure_ascii": False}))

    def decorate(self, response: HttpResponse) -> HttpResponse:
        """Public content may sit in shared caches briefly; a partner's token response may not.

        Responses to token requests are ``private``: a shared cache must not answer one
        partner with what was fetched (and rate-limited) for another.
        """
        response["ETag"] = self.etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified)
        return cache_control_apply(response, self.request)


def cache_control_apply(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    """``public`` for anonymous readers, ``private`` for a partner's token, briefly either way;
    responses vary by the token."""
    max_age = getattr(settings, "PRESSROOM_API_MAX_AGE", DEFAULT_MAX_AGE)
    if getattr(request, "user", None) and request.user.is_authenticated:
        patch_cache_control(response, private=True, max_age=max_age)
    else:
        patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Authorization"])
    return response
