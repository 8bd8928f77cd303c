"""Our query layer on Elasticsearch: one request for hits, facets, highlights and suggestion.

Wagtail's backend manages the indexes (mappings, documents, aliases); it cannot highlight,
returns only the top facet values and offers no suggestions, so the request is built here.
Index and field names come from Wagtail's backend and mapping, and only the standard query
DSL is used (match, match_phrase, multi_match, term, range), so nothing here depends on the
Elasticsearch version. User text only ever reaches Elasticsearch as the ``query`` of a
match-type query, never as query-string syntax.
"""

from dataclasses import dataclass, field

from django.db.models import Model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from directory.models import Organization
from pressroom.models import PressReleasePage

from .query import ParsedText, SearchQuery, Term

# Sub-fields of search/analysis.py and how much a match in each counts: the exact spelling
# first, then folded and stemmed, and a transliteration last.
SUBFIELD_BOOSTS = {"exact": 4, "folded": 2, "en": 2, "translit": 1}
HIGHLIGHT_ORDER = ("exact", "folded", "en", "translit")

# Searched text fields per model, with their boost: title over summary over body.
TEXT_FIELDS = {
    PressReleasePage: {
        "title": 3,
        "summary": 2,
        "body": 1,
        "organization_names": 2,
        "participant_names": 1,
        "funder_names": 1,
        "topic_names": 1,
        "city": 1,
    },
    Organization: {"name": 3, "acronym": 3, "name_az": 2, "description": 1, "city": 1},
}
TITLE_FIELD = {PressReleasePage: "title", Organization: "name"}
BODY_FIELDS = {PressReleasePage: ("summary", "body"), Organization: ("description",)}
AUTOCOMPLETE_FIELDS = {PressReleasePage: ("title",), Organization: ("name", "acronym", "name_az")}

# Facets: the filter field that holds each facet's value, per model (absent: no value).
FACET_FIELDS = {
    "organization": {PressReleasePage: "organization_slug", Organization: "slug"},
    "organization_type": {PressReleasePage: "organization_type", Organization: "organization_type"},
    "city": {PressReleasePage: "city", Organization: "city"},
    "topic": {PressReleasePage: "topic_slugs"},
    "year": {PressReleasePage: "year"},
    "lang": {PressReleasePage: "locale_id", Organization: "locale_id"},
}
# Terms aggregations return only their top ``size`` buckets: ask for more than can exist.
FACET_SIZE = 10_000
FRAGMENTS = 3


@dataclass
class RawHit:
    model: type[Model]
    pk: int
    highlights: dict = field(default_factory=dict)


@dataclass
class RawResults:
    count: int
    hits: list[RawHit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None


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


def _models(query: SearchQuery) -> list[type[Model]]:
    return {
        "press_release": [PressReleasePage],
        "organization": [Organization],
        "all": [PressReleasePage, Organization],
    }[query.type]


def _text_fields(backend, models, *, exclude_translit=False) -> list[str]:
    fields = []
    for model in models:
        for name, boost in TEXT_FIELDS[model].items():
            column = _column(backend, model, name)
            for sub, sub_boost in SUBFIELD_BOOSTS.items():
                if not (exclude_translit and sub == "translit"):
                    fields.append(f"{column}.{sub}^{boost * sub_boost}")
    return fields


def _term_query(term: Term, fields: list[str]) -> dict:
    return {
        "multi_match": {
            "query": term.text,
            "fields": fields,
            "type": "phrase" if term.phrase else "best_fields",
        }
    }


def _text_query(parsed: ParsedText, fields: list[str], exclusion_fields: list[str]) -> dict:
    if parsed.is_empty:
        must = [{"match_all": {}}]
    else:
        must = [
            _term_query(group[0], fields)
            if len(group) == 1
            else {
                "bool": {
                    "should": [_term_query(term, fields) for term in group],
                    "minimum_should_match": 1,
                }
            }
            for group in parsed.required
        ]
    return {
        "must": must,
        "must_not": [_term_query(term, exclusion_fields) for term in parsed.excluded],
    }


def _locale_ids(languages) -> list[int]:
    return list(Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True))


def _private_paths() -> list[str]:
    """Pages under any view restriction are left out, whatever their kind of restriction."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _model_filter(backend, model, query: SearchQuery, locale_ids: list[int]) -> dict | None:
    """All filters for one model's documents; None when the filters rule the model out."""

    def col(name):
        return _filter_column(backend, model, name)

    clauses = [
        {"term": {"_django_content_type": _content_type(backend, model)}},
        {"terms": {col("locale_id"): locale_ids}},
    ]
    must_not = []
    if model is PressReleasePage:
        clauses.append({"term": {_filter_column(backend, Page, "live"): True}})
        path = _filter_column(backend, Page, "path")
        must_not = [{"prefix": {path: restricted}} for restricted in _private_paths()]
        if query.organizations:
            clauses.append({"terms": {col("organization_slug"): list(query.organizations)}})
        if query.organization_type:
            clauses.append({"term": {col("organization_type"): query.organization_type}})
        if query.city:
            clauses.append({"term": {col("city"): query.city}})
        clauses += [{"term": {col("topic_slugs"): topic}} for topic in query.topics]
        dates = {}
        if query.date_from:
            dates["gte"] = query.date_from.isoformat()
        if query.date_to:
            dates["lte"] = query.date_to.isoformat()
        if dates:
            clauses.append({"range": {col("release_date"): dates}})
    else:
        if query.topics or query.date_from or query.date_to:
            return None
        clauses.append({"term": {col("live"): True}})
        if query.organizations:
            clauses.append({"terms": {col("slug"): list(query.organizations)}})
        if query.organization_type:
            clauses.append({"term": {col("organization_type"): query.organization_type}})
        if query.city:
            clauses.append({"term": {col("city"): query.city}})
    return {"bool": {"filter": clauses, "must_not": must_not}}


def _facet_columns(backend, models) -> dict[str, set[str]]:
    columns = {}
    for facet, per_model in FACET_FIELDS.items():
        columns[facet] = {
            _filter_column(backend, model, per_model[model])
            for model in models
            if model in per_model
        }
    return columns


def _aggregations(facet_columns: dict[str, set[str]]) -> dict:
    return {
        f"{facet}__{i}": {"terms": {"field": column, "size": FACET_SIZE}}
        for facet, columns in facet_columns.items()
        for i, column in enumerate(sorted(columns))
    }


def _highlight(backend, models) -> dict:
    fields = {}
    for model in models:
        title = TITLE_FIELD[model]
        for name in (title, *BODY_FIELDS[model]):
            column = _column(backend, model, name)
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
    if query.effective_sort == "relevance":
        return ["_score", {"pk": "asc"}]
    order = "desc" if query.effective_sort == "newest" else "asc"
    date = _filter_column(backend, PressReleasePage, "release_date")
    return [
        {date: {"order": order, "missing": "_last", "unmapped_type": "date"}},
        "_score",
        {"pk": "asc"},
    ]


def _best_fragments(highlight: dict, column: str) -> list[str]:
    for sub in HIGHLIGHT_ORDER:
        if fragments := highlight.get(f"{column}.{sub}"):
            return fragments
    return []


def _hit_highlights(backend, model, highlight: dict) -> dict:
    title = _best_fragments(highlight, _column(backend, model, TITLE_FIELD[model]))
    body = []
    for name in BODY_FIELDS[model]:
        body += _best_fragments(highlight, _column(backend, model, name))
    return {"title": title[0] if title else None, "body": body[:FRAGMENTS]}


def _suggestion(query: SearchQuery, suggest: dict) -> str | None:
    """The query with each word the index does not know replaced by its closest known word."""
    replacements = {}
    for entry in suggest.get("did_you_mean", []):
        if entry["options"]:
            replacements[entry["text"]] = entry["options"][0]["text"]
    if not replacements:
        return None
    words = query.text.split(" ")
    corrected = []
    for word in words:
        key = word.strip('"-').lower()
        if key in replacements:
            word = word.replace(word.strip('"-'), replacements[key])
        corrected.append(word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != query.text else None


def search(backend, query: SearchQuery, *, client=None) -> RawResults:
    """``client``: the Elasticsearch client to send with (default: the backend's)."""
    models = _models(query)
    locale_ids = _locale_ids(query.languages)
    filters = [
        f for model in models if (f := _model_filter(backend, model, query, locale_ids)) is not None
    ]
    if not filters:
        return RawResults(count=0, hits=[], facets={}, suggestion=None)
    text = _text_query(
        query.parsed,
        _text_fields(backend, models),
        _text_fields(backend, models, exclude_translit=True),
    )
    text["filter"] = [{"bool": {"should": filters, "minimum_should_match": 1}}]
    facet_columns = _facet_columns(backend, models)
    body = {
        "query": {"bool": text},
        "from_": query.offset,
        "size": query.page_size,
        "sort": _sort(backend, query),
        "track_total_hits": True,
        "source": ["pk", "_django_content_type"],
        "aggs": _aggregations(facet_columns),
        "highlight": _highlight(backend, models),
    }
    words = query.parsed.words()
    if words:
        body["suggest"] = {
            "text": " ".join(words),
            "did_you_mean": {"term": {"field": "_all_text", "suggest_mode": "missing", "size": 1}},
        }
    indexes = sorted({backend.get_index_for_model(model).name for model in models})
    response = (client or backend.es).search(index=indexes, **body)

    content_types = {_content_type(backend, model): model for model in models}
    hits = []
    for hit in response["hits"]["hits"]:
        model = next(
            content_types[ct]
            for ct in hit["_source"]["_django_content_type"]
            if ct in content_types
        )
        hits.append(
            RawHit(
                model=model,
                pk=int(hit["_source"]["pk"]),
                highlights=_hit_highlights(backend, model, hit.get("highlight", {})),
            )
        )
    facets = {}
    aggregations = response.get("aggregations", {})
    for facet, columns in facet_columns.items():
        counts: dict[str, int] = {}
        for i in range(len(columns)):
            for bucket in aggregations.get(f"{facet}__{i}", {}).get("buckets", []):
                value = str(bucket.get("key_as_string", bucket["key"]))
                counts[value] = counts.get(value, 0) + bucket["doc_count"]
        facets[facet] = counts
    return RawResults(
        count=response["hits"]["total"]["value"],
        hits=hits,
        facets=facets,
        suggestion=_suggestion(query, response.get("suggest", {})),
    )


def autocomplete(backend, *, text: str, languages, limit: int, client=None) -> list[RawHit]:
    """Titles and organization names starting with what the reader has typed so far."""
    models = [PressReleasePage, Organization]
    locale_ids = _locale_ids(languages)
    fields = [
        f"{_column(backend, model, name)}.{sub}"
        for model in models
        for name in AUTOCOMPLETE_FIELDS[model]
        for sub in ("folded", "translit")
    ]
    filters = [_model_filter(backend, model, SearchQuery(), locale_ids) for model in models]
    response = (client or backend.es).search(
        index=sorted({backend.get_index_for_model(model).name for model in models}),
        query={
            "bool": {
                "must": [{"multi_match": {"query": text, "type": "bool_prefix", "fields": fields}}],
                "filter": [{"bool": {"should": filters, "minimum_should_match": 1}}],
            }
        },
        size=limit,
        source=["pk", "_django_content_type"],
    )
    content_types = {_content_type(backend, model): model for model in models}
    return [
        RawHit(
            model=next(
                content_types[ct]
                for ct in hit["_source"]["_django_content_type"]
                if ct in content_types
            ),
            pk=int(hit["_source"]["pk"]),
        )
        for hit in response["hits"]["hits"]
    ]
