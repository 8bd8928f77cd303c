"""The one search service: a validated SearchQuery in, SearchResults out.

The page, the JSON endpoint and (later) the API are thin front ends over ``search_run``.
Elasticsearch answers when it is Wagtail's default backend (search/elasticsearch.py),
otherwise the database backend does the same job with fewer features (search/database.py).
When Elasticsearch is configured but does not answer, the database answers instead and the
results say so (``degraded``): readers get a reduced search rather than an error page.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from directory.models import Organization, OrganizationType
from directory.selectors import organization_url
from pressroom.models import PressReleasePage

from . import database, elasticsearch
from .query import SearchQuery
from .sync import EngineUnreachable, engine_call

logger = logging.getLogger(__name__)

FACETS = ("organization", "organization_type", "city", "topic", "year", "lang")
AUTOCOMPLETE_LIMIT = 8
# Wagtail's database backend keeps its own full-text index only while it is the configured
# backend; its "fallback" variant matches the models' columns directly (icontains), so it
# answers with what the database holds even though Elasticsearch was doing the indexing.
DEGRADED_BACKEND = "wagtail.search.backends.database.fallback"
# Seconds a reader waits for Elasticsearch before the database answers instead; the
# backend's own TIMEOUT (default 10 s) is meant for indexing and would hang the page.
READ_TIMEOUT = 3
FACET_TITLES = {
    "organization": gettext_lazy("Organization"),
    "organization_type": gettext_lazy("Organization type"),
    "city": gettext_lazy("City or region"),
    "topic": gettext_lazy("Topic"),
    "year": gettext_lazy("Year"),
    "lang": gettext_lazy("Language"),
}


class PageOutOfRange(ValueError):
    def __init__(self, page: int, pages: int):
        self.messages = [
            _("Page %(page)d does not exist: this search has %(pages)d page(s).")
            % {"page": page, "pages": pages}
        ]
        super().__init__(self.messages[0])


@dataclass
class Hit:
    type: str
    id: int
    external_id: str | None
    title: str
    url: str | None
    release_date: datetime.date | None
    organization: dict | None
    highlights: dict

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "id": self.id,
            "external_id": self.external_id,
            "title": self.title,
            "url": self.url,
            "release_date": self.release_date.isoformat() if self.release_date else None,
            "organization": self.organization,
            "highlights": self.highlights,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False

    def to_dict(self) -> dict:
        return {"value": self.value, "label": self.label, "count": self.count}


@dataclass
class SearchResults:
    query: SearchQuery
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None
    engine: str
    notices: list[str] = field(default_factory=list)
    # True when Elasticsearch is configured but did not answer and the database did.
    degraded: bool = False

    @property
    def facet_groups(self) -> list[tuple[tuple[str, str], list[FacetValue]]]:
        """Facets with their headings, in display order, for the page."""
        return [((name, str(FACET_TITLES[name])), self.facets.get(name, [])) for name in FACETS]

    @property
    def active_filters(self) -> list[dict]:
        """What narrows the search, each with a label, for the page's removable chips."""
        labels = {
            name: {value.value: value.label for value in values}
            for name, values in self.facets.items()
        }
        q = self.query
        chosen = [("organization", slug) for slug in q.organizations]
        chosen += [("topic", slug) for slug in q.topics]
        if q.organization_type:
            chosen.append(("organization_type", q.organization_type))
        if q.city:
            chosen.append(("city", q.city))
        active = [
            {"name": name, "value": value, "label": labels.get(name, {}).get(value, value)}
            for name, value in chosen
        ]
        if q.date_from:
            active.append(
                {
                    "name": "date_from",
                    "value": "",
                    "label": _("from %(date)s") % {"date": q.date_from},
                }
            )
        if q.date_to:
            active.append(
                {"name": "date_to", "value": "", "label": _("to %(date)s") % {"date": q.date_to}}
            )
        return active

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.query.page_size))

    def to_dict(self) -> dict:
        """The JSON contract the API mounts (pinned by tests/search/test_search_json.py)."""
        return {
            "count": self.count,
            "items": [hit.to_dict() for hit in self.hits],
            "facets": {
                name: [value.to_dict() for value in values] for name, values in self.facets.items()
            },
            "suggestion": self.suggestion,
            "degraded": self.degraded,
        }


def uses_elasticsearch(backend=None) -> bool:
    backend = backend or get_search_backend()
    return hasattr(backend, "es") and hasattr(backend, "mapping_class")


def _organization_ref(organization: Organization | None) -> dict | None:
    if organization is None:
        return None
    return {"slug": organization.slug, "name": organization.name}


def _load_hits(raw_hits, request) -> list[Hit]:
    """Database rows for the engine's hits, in the engine's order; stale hits are dropped."""
    by_model: dict[type[Model], list[int]] = {}
    for raw in raw_hits:
        by_model.setdefault(raw.model, []).append(raw.pk)
    releases = PressReleasePage.objects.live().public().select_related("organization")
    loaded = {
        PressReleasePage: releases.in_bulk(by_model.get(PressReleasePage, [])),
        Organization: Organization.objects.filter(live=True).in_bulk(
            by_model.get(Organization, [])
        ),
    }
    hits = []
    for raw in raw_hits:
        obj = loaded[raw.model].get(raw.pk)
        if obj is None:
            continue
        if raw.model is PressReleasePage:
            hits.append(
                Hit(
                    type="press_release",
                    id=obj.pk,
                    external_id=obj.external_id,
                    title=obj.title,
                    url=obj.get_url(request=request),
                    release_date=obj.release_date,
                    organization=_organization_ref(obj.organization),
                    highlights=raw.highlights or {"title": None, "body": []},
                )
            )
        else:
            hits.append(
                Hit(
                    type="organization",
                    id=obj.pk,
                    external_id=None,
                    title=obj.name,
                    url=organization_url(obj, request=request),
                    release_date=None,
                    organization=_organization_ref(obj),
                    highlights=raw.highlights or {"title": None, "body": []},
                )
            )
    return hits


def _facet_labels(facets: dict[str, dict[str, int]], language: str) -> dict[str, dict[str, str]]:
    """Readable labels: names in the page's language where there is a translation."""
    organizations = {}
    slugs = list(facets.get("organization", {}))
    for org in Organization.objects.filter(slug__in=slugs).select_related("locale"):
        if org.slug not in organizations or org.locale.language_code == language:
            organizations[org.slug] = org.name
    locales = {str(loc.pk): loc for loc in Locale.objects.all()}
    languages = dict(settings.LANGUAGES)
    return {
        "organization": organizations,
        "organization_type": {str(k): str(v) for k, v in OrganizationType.choices},
        "topic": dict(
            Tag.objects.filter(slug__in=list(facets.get("topic", {}))).values_list("slug", "name")
        ),
        "lang": {
            pk: str(languages.get(loc.language_code, loc.language_code))
            for pk, loc in locales.items()
        },
        "_lang_codes": {pk: loc.language_code for pk, loc in locales.items()},
    }


def _facets(query: SearchQuery, raw: dict[str, dict[str, int]], language: str) -> dict:
    labels = _facet_labels(raw, language)
    selected = {
        "organization": set(query.organizations),
        "organization_type": {query.organization_type},
        "city": {query.city},
        "topic": set(query.topics),
        "year": set(),
        "lang": set(query.languages),
    }
    facets = {}
    for name in FACETS:
        values = []
        for value, count in raw.get(name, {}).items():
            if not count:
                continue
            value_out = labels["_lang_codes"].get(value, value) if name == "lang" else value
            label = labels.get(name, {}).get(value, value)
            values.append(FacetValue(value_out, label, count, value_out in selected[name]))
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label.lower()))
        facets[name] = values
    return facets


def _read_client(backend):
    """The backend's client with a reader's patience: a short timeout and no retries."""
    return backend.es.options(request_timeout=READ_TIMEOUT, max_retries=0)


def _on_elasticsearch(backend, operation, **kwargs):
    """``operation``'s answer, or None when the engine is unreachable (logged, not raised)."""
    try:
        return engine_call(
            backend, lambda: operation(backend, client=_read_client(backend), **kwargs)
        )
    except EngineUnreachable as error:
        logger.warning("Elasticsearch unreachable, searching the database instead: %s", error)
        return None


def search_run(*, query: SearchQuery, request=None, language: str = "en") -> SearchResults:
    """Run the search; raises PageOutOfRange when the page is past the last one."""
    backend = get_search_backend()
    raw, engine, degraded = None, "database", False
    if uses_elasticsearch(backend):
        raw = _on_elasticsearch(backend, elasticsearch.search, query=query)
        if raw is None:
            backend, degraded = get_search_backend(DEGRADED_BACKEND), True
        else:
            engine = "elasticsearch"
    if raw is None:
        raw = database.search(backend, query)
    pages = max(1, -(-raw.count // query.page_size))
    if query.page > pages:
        raise PageOutOfRange(query.page, pages)
    return SearchResults(
        query=query,
        count=raw.count,
        hits=_load_hits(raw.hits, request),
        facets=_facets(query, raw.facets, language),
        suggestion=raw.suggestion,
        engine=engine,
        notices=list(query.notices),
        degraded=degraded,
    )


def search_autocomplete(*, text: str, languages, request=None) -> list[dict]:
    """``{type, id, title, url}`` for titles and organization names starting with ``text``."""
    text = " ".join(text.split())[:100]
    if not text:
        return []
    backend = get_search_backend()
    raw = None
    options = {"text": text, "languages": languages, "limit": AUTOCOMPLETE_LIMIT}
    if uses_elasticsearch(backend):
        raw = _on_elasticsearch(backend, elasticsearch.autocomplete, **options)
    if raw is None:
        raw = database.autocomplete(backend, **options)
    return [
        {"type": hit.type, "id": hit.id, "title": hit.title, "url": hit.url}
        for hit in _load_hits(raw, request)
    ]
