"""Our query layer on Elasticsearch: one request for hits, facets, highlights and suggestion.

Wagtail's backend manages the indexes (mappings, documents, aliases); it cannot highlight,
returns only the top facet values and offers no suggestions, so the request is built here.
Index and field names come from Wagtail's backend and mapping, and only the standard query
DSL is used (match, match_phrase, multi_match, term, range), so nothing here depends on the
Elasticsearch version. User text only ever reaches Elasticsearch as the ``query`` of a
match-type query, never as query-string syntax. Which models, fields, filters and facets
come from the apps' registered search types (search/registry.py): nothing here names a model.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from .filters import city_match
from .query import ParsedText, SearchQuery, Term
from .registry import FILTERS, SearchType, active_filters, registry
from .suggestion import SUGGEST_BELOW, suggest_request, suggestion_find

# Sub-fields of search/analysis.py and how much a match in each counts: the exact spelling
# first, then folded and English-stemmed, then Azerbaijani stems and a transliteration last,
# so an exact form outranks an inflected one. Each field's own boost (its SearchField's, per
# content type) multiplies these.
SUBFIELD_BOOSTS = {
    "exact": 4,
    "folded": 2,
    "en": 2,
    "stem": 1,
    "folded_stem": 1,
    "translit": 1,
    "translit_stem": 0.5,
}
HIGHLIGHT_ORDER = ("exact", "folded", "en", "stem", "folded_stem", "translit", "translit_stem")
# Quoted phrases ask for these forms: no Azerbaijani stems. Exclusions leave out the loose
# transliterations.
STEMS = {"stem", "folded_stem", "translit_stem"}
TRANSLITERATIONS = {"translit", "translit_stem"}

# Terms aggregations return only their top ``size`` buckets: ask for more than can exist.
FACET_SIZE = 10_000
FRAGMENTS = 3
# ``match`` without ``ids``: at most this many primary keys.
MATCH_SIZE = 100


@dataclass
class RawHit:
    search_type: SearchType
    pk: int
    highlights: dict = field(default_factory=dict)


@dataclass
class RawResults:
    count: int
    hits: list[RawHit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None
    # The database fallback's bounds (search/fallback.py): it stopped counting at ``count``,
    # or ran out of time and has no results.
    count_capped: bool = False
    timed_out: bool = False


def _mapping(backend, model):
    return backend.mapping_class(model)


def _column(backend, model, name: str, kind=index.SearchField) -> str:
    """The document field Wagtail's mapping gives ``name`` (prefixes and suffixes included)."""
    for search_field in model.get_search_fields():
        if type(search_field) is kind and search_field.field_name == name:
            return _mapping(backend, model).get_field_column_name(search_field)
    raise LookupError(f"{model.__name__}.search_fields has no {kind.__name__} {name!r}")


def _filter_column(backend, model, name: str) -> str:
    return _column(backend, model, name, index.FilterField)


def _content_type(backend, model) -> str:
    return _mapping(backend, model).get_content_type()


def _text_fields(backend, types: list[SearchType], *, exclude: set[str] = frozenset()) -> list:
    fields = []
    for search_type in types:
        for name, boost in search_type.text_fields().items():
            column = _column(backend, search_type.model, name)
            for sub, sub_boost in SUBFIELD_BOOSTS.items():
                if sub not in exclude:
                    fields.append(f"{column}.{sub}^{boost * sub_boost}")
    return fields


@dataclass
class TextFields:
    """The sub-fields a word, a quoted phrase and an exclusion are each looked for in."""

    words: list[str]
    phrases: list[str]
    exclusions: list[str]

    @classmethod
    def of(cls, backend, types: list[SearchType]) -> "TextFields":
        return cls(
            words=_text_fields(backend, types),
            phrases=_text_fields(backend, types, exclude=STEMS),
            exclusions=_text_fields(backend, types, exclude=TRANSLITERATIONS),
        )


def _term_query(term: Term, fields: list[str], phrase_fields: list[str] | None = None) -> dict:
    return {
        "multi_match": {
            "query": term.text,
            "fields": phrase_fields if term.phrase and phrase_fields else fields,
            "type": "phrase" if term.phrase else "best_fields",
        }
    }


def _text_query(parsed: ParsedText, fields: TextFields) -> dict:
    if parsed.is_empty:
        must = [{"match_all": {}}]
    else:
        must = [
            _term_query(group[0], fields.words, fields.phrases)
            if len(group) == 1
            else {
                "bool": {
                    "should": [_term_query(term, fields.words, fields.phrases) for term in group],
                    "minimum_should_match": 1,
                }
            }
            for group in parsed.required
        ]
    return {
        "must": must,
        "must_not": [_term_query(term, fields.exclusions) for term in parsed.excluded],
    }


def _locale_ids(languages) -> list[int]:
    return list(Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True))


def _private_paths() -> list[str]:
    """Pages under any view restriction are left out, whatever their kind of restriction."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _type_filter(backend, search_type: SearchType, active: dict, locale_ids: list[int], ids=()):
    """All filters for one type's documents; None when the filters rule the type out."""
    if not search_type.supports(active):
        return None
    model = search_type.model

    def col(name):
        return _filter_column(backend, model, name)

    clauses = [
        {"term": {"_django_content_type": _content_type(backend, model)}},
        {"terms": {col(search_type.locale_field): locale_ids}},
    ]
    if search_type.live_field:
        clauses.append({"term": {col(search_type.live_field): True}})
    if ids:
        clauses.append({"terms": {"pk": [str(pk) for pk in ids]}})  # Wagtail's keyword field
    must_not = []
    if issubclass(model, Page):
        path = _filter_column(backend, Page, "path")
        must_not = [{"prefix": {path: restricted}} for restricted in _private_paths()]
    ranges: dict[str, dict] = {}
    for name, value in active.items():
        column, kind = col(search_type.filters[name]), FILTERS[name]
        if kind == "any":
            clauses.append({"terms": {column: list(value)}})
        elif kind == "folded":
            clauses.append({"term": {column: city_match(value)}})
        elif kind == "one":
            clauses.append({"term": {column: value}})
        else:
            ranges.setdefault(column, {})[kind] = value.isoformat()
    clauses += [{"range": {column: bounds}} for column, bounds in ranges.items()]
    return {"bool": {"filter": clauses, "must_not": must_not}}


def _facet_columns(backend, types: list[SearchType]) -> dict[str, set[str]]:
    return {
        facet.name: {
            _filter_column(backend, t.model, t.facets[facet.name].field)
            for t in types
            if facet.name in t.facets
        }
        for facet in registry.facets()
    }


def _aggregations(facet_columns: dict[str, set[str]]) -> dict:
    return {
        f"{facet}__{i}": {"terms": {"field": column, "size": FACET_SIZE}}
        for facet, columns in facet_columns.items()
        for i, column in enumerate(sorted(columns))
    }


def _highlight(backend, types: list[SearchType]) -> dict:
    fields = {}
    for search_type in types:
        title = search_type.title_field
        for name in (title, *search_type.body_fields):
            column = _column(backend, search_type.model, name)
            options = {"number_of_fragments": 0} if name == title else {}
            for sub in HIGHLIGHT_ORDER:
                fields[f"{column}.{sub}"] = options
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fragment_size": 160,
        "number_of_fragments": FRAGMENTS,
        "fields": fields,
    }


def _sort(backend, query: SearchQuery) -> list:
    """Newest/oldest by each dated type's date; undated documents last, by relevance."""
    if query.effective_sort == "relevance":
        return ["_score", {"pk": "asc"}]
    order = "desc" if query.effective_sort == "newest" else "asc"
    columns = dict.fromkeys(
        _filter_column(backend, t.model, t.date_field) for t in registry.types() if t.date_field
    )
    return [
        *(
            {column: {"order": order, "missing": "_last", "unmapped_type": "date"}}
            for column in columns
        ),
        "_score",
        {"pk": "asc"},
    ]


def _best_fragments(highlight: dict, column: str) -> list[str]:
    for sub in HIGHLIGHT_ORDER:
        if fragments := highlight.get(f"{column}.{sub}"):
            return fragments
    return []


def _hit_highlights(backend, search_type: SearchType, highlight: dict) -> dict:
    model = search_type.model
    title = _best_fragments(highlight, _column(backend, model, search_type.title_field))
    body = []
    for name in search_type.body_fields:
        body += _best_fragments(highlight, _column(backend, model, name))
    return {"title": title[0] if title else None, "body": body[:FRAGMENTS]}


def _indexes(backend, types: list[SearchType]) -> list[str]:
    return sorted({backend.get_index_for_model(t.model).name for t in types})


def _raw_hit(backend, types: list[SearchType], hit: dict, with_highlights: bool) -> RawHit:
    """The hit's type, read from the content types Wagtail stores with each document."""
    by_content_type = {_content_type(backend, t.model): t for t in types}
    search_type = next(
        by_content_type[ct]
        for ct in hit["_source"]["_django_content_type"]
        if ct in by_content_type
    )
    highlights = (
        _hit_highlights(backend, search_type, hit.get("highlight", {})) if with_highlights else {}
    )
    return RawHit(search_type=search_type, pk=int(hit["_source"]["pk"]), highlights=highlights)


def _filtered_text_query(backend, query: SearchQuery, types, fields) -> dict | None:
    """The bool query of the reader's text, filtered to what each type's filters let
    through; None when every type is ruled out (nothing to ask the engine)."""
    locale_ids = _locale_ids(query.filters.languages)
    active = active_filters(query)
    filters = [
        f
        for t in types
        if (f := _type_filter(backend, t, active, locale_ids, query.ids)) is not None
    ]
    if not filters:
        return None
    text = _text_query(query.parsed, fields)
    text["filter"] = [{"bool": {"should": filters, "minimum_should_match": 1}}]
    return text


def search(backend, query: SearchQuery, *, client=None) -> RawResults:
    """``client``: the Elasticsearch client to send with (default: the backend's)."""
    types = registry.types(query.type)
    fields = TextFields.of(backend, types)
    text = _filtered_text_query(backend, query, types, fields)
    if text is None:
        return RawResults(count=0, hits=[], facets={}, suggestion=None)
    facet_columns = _facet_columns(backend, types)
    body = {
        "query": {"bool": text},
        "from_": query.offset,
        "size": query.page_size,
        "sort": _sort(backend, query),
        "track_total_hits": True,
        "source": ["pk", "_django_content_type"],
        "aggs": _aggregations(facet_columns),
        "highlight": _highlight(backend, types),
    }
    if words := query.parsed.words():
        body["suggest"] = suggest_request(words)
    response = (client or backend.es).search(index=_indexes(backend, types), **body)

    count = response["hits"]["total"]["value"]
    hits = [_raw_hit(backend, types, hit, True) for hit in response["hits"]["hits"]]
    facets = {}
    aggregations = response.get("aggregations", {})
    for facet, columns in facet_columns.items():
        counts: dict[str, int] = {}
        for i in range(len(columns)):
            for bucket in aggregations.get(f"{facet}__{i}", {}).get("buckets", []):
                value = str(bucket.get("key_as_string", bucket["key"]))
                counts[value] = counts.get(value, 0) + bucket["doc_count"]
        facets[facet] = counts
    suggestion = None
    if count < SUGGEST_BELOW:
        suggestion = suggestion_find(
            client or backend.es,
            query=query,
            indexes=_indexes(backend, types),
            fields=fields.words,
            filters=text["filter"],
            suggest=response.get("suggest", {}),
        )
    return RawResults(count=count, hits=hits, facets=facets, suggestion=suggestion)


def match(backend, query: SearchQuery, *, client=None) -> set[int]:
    """The primary keys among ``query.ids`` that the search finds: the same query and
    filters as ``search``, without sorting, facets, highlights or suggestions."""
    types = registry.types(query.type)
    text = _filtered_text_query(backend, query, types, TextFields.of(backend, types))
    if text is None:
        return set()
    response = (client or backend.es).search(
        index=_indexes(backend, types),
        query={"bool": text},
        size=len(query.ids) or MATCH_SIZE,
        source=["pk", "_django_content_type"],
    )
    return {_raw_hit(backend, types, hit, False).pk for hit in response["hits"]["hits"]}


def autocomplete(backend, *, text: str, languages, limit: int, client=None) -> list[RawHit]:
    """Titles and organization names starting with what the reader has typed so far."""
    types = [t for t in registry.types() if t.autocomplete_fields]
    locale_ids = _locale_ids(languages)
    fields = [
        f"{_column(backend, t.model, name)}.{sub}"
        for t in types
        for name in t.autocomplete_fields
        for sub in ("folded", "translit")
    ]
    filters = [_type_filter(backend, t, {}, locale_ids) for t in types]
    response = (client or backend.es).search(
        index=_indexes(backend, types),
        query={
            "bool": {
                "must": [{"multi_match": {"query": text, "type": "bool_prefix", "fields": fields}}],
                "filter": [{"bool": {"should": filters, "minimum_should_match": 1}}],
            }
        },
        size=limit,
        source=["pk", "_django_content_type"],
    )
    return [_raw_hit(backend, types, hit, False) for hit in response["hits"]["hits"]]
