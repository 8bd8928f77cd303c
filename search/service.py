"""The one search service: a validated SearchQuery in, SearchResults out.

The page, the JSON endpoint and the API are thin front ends over ``search_run``.
Elasticsearch answers when it is Wagtail's default backend (search/elasticsearch.py),
otherwise the database backend does the same job with fewer features (search/database.py).
When Elasticsearch is configured but does not answer, the database index kept beside it
answers instead, within a bound (search/fallback.py), and the results say so (``degraded``):
readers get a reduced search rather than an error page or a long wait.
"""

import logging
from dataclasses import asdict, dataclass, field, replace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from . import database, elasticsearch
from .breaker import engine_key, read_breaker
from .fallback import fallback_search
from .filters import PublicFilters
from .models import IndexChange
from .outbox import EngineUnreachable, engine_call, sync_setting
from .query import SearchQuery
from .registry import Hit, registry

logger = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 8
# Seconds a reader waits for Elasticsearch before the database answers instead; the
# backend's own TIMEOUT (default 10 s) is meant for indexing and would hang the page.
READ_TIMEOUT = 3
# Results past Elasticsearch's default index.max_result_window cannot be paged to; the
# database fallback keeps the same limit, so a shared link behaves alike on both.
MAX_RESULT_WINDOW = 10_000


def page_count(count: int, page_size: int) -> int:
    """Pages a reader can reach: at least one, and none past the result window."""
    return max(1, min(-(-count // page_size), MAX_RESULT_WINDOW // page_size))


class PageOutOfRange(ValueError):
    def __init__(self, page: int, pages: int):
        self.messages = [
            _("Page %(page)d does not exist: this search has %(pages)d page(s).")
            % {"page": page, "pages": pages}
        ]
        super().__init__(self.messages[0])


@dataclass
class FacetValue:
    """One value of a facet, as the page shows it and the API serves it: ``selected`` when
    the search is already narrowed to it."""

    value: str
    label: str
    count: int
    selected: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


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
        return [
            ((facet.name, str(facet.title)), self.facets.get(facet.name, []))
            for facet in registry.facets()
        ]

    @property
    def active_filters(self) -> list[dict]:
        """What narrows the search, each with a label, for the page's removable chips."""
        labels = {
            name: {value.value: value.label for value in values}
            for name, values in self.facets.items()
        }
        q = self.query.filters
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
        return page_count(self.count, self.query.page_size)

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


def _load_hits(raw_hits, request) -> list[Hit]:
    """Database rows for the engine's hits, in the engine's order; stale hits are dropped."""
    pks_by_type = {}
    for raw in raw_hits:
        pks_by_type.setdefault(raw.search_type, []).append(raw.pk)
    loaded = {t: t.live().in_bulk(pks) for t, pks in pks_by_type.items()}
    return [
        raw.search_type.summary(
            obj, request=request, highlights=raw.highlights or {"title": None, "body": []}
        )
        for raw in raw_hits
        if (obj := loaded[raw.search_type].get(raw.pk)) is not None
    ]


def _locale_codes() -> dict[str, str]:
    """The engine and the database count languages by locale id; readers see their codes."""
    return {str(pk): code for pk, code in Locale.objects.values_list("pk", "language_code")}


def _facets(query: SearchQuery, raw: dict[str, dict[str, int]], language: str) -> dict:
    codes = _locale_codes()
    facets = {}
    for facet in registry.facets():
        counts: dict[str, int] = {}
        for value, count in raw.get(facet.name, {}).items():
            if count:
                value = codes.get(value, value) if facet.name == "lang" else value
                value = facet.key(value) if facet.key else value
                counts[value] = counts.get(value, 0) + count
        labels = facet.labels(list(counts), language) if facet.labels and counts else {}
        chosen = getattr(query.filters, facet.query_attribute) if facet.query_attribute else ()
        chosen = {chosen} if isinstance(chosen, str) else set(chosen)
        chosen = {facet.key(value) for value in chosen} if facet.key else chosen
        values = [
            FacetValue(value, labels.get(value, value), count, value in chosen)
            for value, count in counts.items()
        ]
        if facet.newest_first:
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label.lower()))
        facets[facet.name] = values
    return facets


def _read_client(backend):
    """The backend's client with a reader's patience: a short timeout and no retries."""
    return backend.es.options(request_timeout=READ_TIMEOUT, max_retries=0)


def _on_elasticsearch(backend, operation, **kwargs):
    """``operation``'s answer, or None when the engine is unreachable (logged, not raised)
    or failed so recently that the read breaker skips it (search/breaker.py)."""
    engine = engine_key(backend)
    if not read_breaker.allows(engine):
        return None
    try:
        answer = engine_call(
            backend, lambda: operation(backend, client=_read_client(backend), **kwargs)
        )
    except EngineUnreachable as error:
        cool_down = float(sync_setting("RETRY_AFTER"))
        read_breaker.failed(engine, cool_down=cool_down)
        logger.warning(
            "Elasticsearch unreachable, searching the database instead for %ss: %s",
            cool_down,
            error,
        )
        return None
    except Exception:
        read_breaker.succeeded(engine)  # it answered, if with an error: not an outage
        raise
    read_breaker.succeeded(engine)
    return answer


def search_run(*, query: SearchQuery, request=None, language: str = "en") -> SearchResults:
    """Run the search; raises PageOutOfRange when the page is past the last one."""
    if query.offset + query.page_size > MAX_RESULT_WINDOW:
        # Past the window the engine refuses the request: learn the count from page one.
        first = search_run(query=query.with_page(1), request=request, language=language)
        raise PageOutOfRange(query.page, first.pages)
    backend = get_search_backend()
    raw, engine, degraded = None, "database", False
    if uses_elasticsearch(backend):
        raw = _on_elasticsearch(backend, elasticsearch.search, query=query)
        if raw is None:
            raw, degraded = fallback_search(query), True
        else:
            engine = "elasticsearch"
    if raw is None:
        raw = database.search(backend, query)
    pages = page_count(raw.count, query.page_size)
    if query.page > pages and not raw.count_capped:
        raise PageOutOfRange(query.page, pages)
    return SearchResults(
        query=query,
        count=raw.count,
        hits=_load_hits(raw.hits, request),
        facets=_facets(query, raw.facets, language),
        suggestion=raw.suggestion,
        engine=engine,
        notices=[*query.notices, *_bound_notices(raw)],
        degraded=degraded,
    )


class IndexBehind(Exception):
    """The engine has not yet taken a change to a record asked about: ask again later."""


def search_match(*, queries: list[SearchQuery]) -> list[set[int]]:
    """For each query, the primary keys among its ``ids`` (of its ``type``) that it finds, as
    the results page would: the same parser, filters and analysis, on the configured backend.

    For saved searches asked about new records (alerts), so unlike ``search_run`` it never
    answers from the reduced database fallback: an unreachable engine raises
    EngineUnreachable, and a record whose change the engine has not applied yet raises
    IndexBehind, for the caller to retry. The index is checked once per set of records asked
    about, however many searches ask.
    """
    backend = get_search_backend()
    if not uses_elasticsearch(backend):
        return [database.match(backend, query) for query in queries]
    asked = {(query.type, query.ids): query for query in queries if query.ids}
    for query in asked.values():
        _index_current(backend, query)
    return [
        engine_call(backend, lambda q=query: elasticsearch.match(backend, q)) for query in queries
    ]


def _index_current(backend, query: SearchQuery) -> None:
    """Raises IndexBehind unless the engine holds ``query.ids`` as the database does: no
    change waits in the outbox, and each is searchable (a document applied is only found
    after Elasticsearch's next refresh)."""
    models = {t.model for t in registry.types(query.type)}
    pending = IndexChange.objects.filter(
        content_type__in=[ContentType.objects.get_for_model(m, False) for m in models],
        object_id__in=[str(pk) for pk in query.ids],
    )
    if pending.exists():
        raise IndexBehind(query.ids)
    languages = tuple(code for code, _name in settings.LANGUAGES)
    everything = SearchQuery(type=query.type, filters=PublicFilters(languages=languages))
    present = engine_call(
        backend, lambda: elasticsearch.match(backend, replace(everything, ids=query.ids))
    )
    if present != set(query.ids):
        raise IndexBehind(query.ids)


def _bound_notices(raw) -> list[str]:
    """What the bounded fallback left out, said plainly."""
    if raw.timed_out:
        return [
            _(
                "This search took too long for the reduced mode and was stopped: try fewer "
                "or more specific words, or narrow it with a filter."
            )
        ]
    if raw.count_capped:
        return [
            _(
                "Only the %(count)s most relevant results are shown while search runs in a "
                "reduced mode: narrow the search to see others."
            )
            % {"count": raw.count}
        ]
    return []


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
