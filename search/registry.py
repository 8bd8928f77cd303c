"""What search can find: each app describes its own content types and facets here.

``search`` is the host and knows no model: the Elasticsearch request (search/elasticsearch.py),
the database fallback (search/database.py) and the results (search/service.py) are built
from these descriptions. An app registers its ``SearchType`` and the ``Facet`` s it owns from
its AppConfig.ready() (pressroom/search.py, directory/search.py), as Wagtail apps register
hooks. The public filters (``FILTERS``, parsed by search/filters.py) belong to the host; a
type says which of them it supports, and a search using one it does not support leaves
that type out (an organization has no topics and no release date).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Expression, Model, QuerySet
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy
from wagtail.search import index

from .analysis import SUBFIELD_ANALYZERS
from .snippets import snippet

# The public filters: PublicFilters attribute -> how its value narrows a type's documents.
# "any": one of the values; "one": the value; "folded": the value's ``city_match``, held by
# the type's FilterField in that form; "gte"/"lte": a date bound.
FILTERS = {
    "organizations": "any",
    "organization_type": "one",
    "city": "folded",
    "topics": "any",
    "date_from": "gte",
    "date_to": "lte",
}


@dataclass
class Hit:
    """One search result as the page and the JSON show it, whatever its content type."""

    type: str
    id: int
    external_id: str | None
    title: str
    url: str | None
    release_date: datetime.date | None
    organization: dict | None
    highlights: dict
    # Plain text a hit shows when the reader's words matched nothing but its title.
    summary: str = ""

    @property
    def snippet(self) -> SafeString:
        """One text under the title: the matched fragments, else the summary."""
        return snippet(self.highlights.get("body") or [], self.summary)

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


@dataclass(frozen=True)
class FacetSource:
    """Where a type keeps a facet's value: a FilterField of its index, and the same value as
    an ORM path or expression for the database fallback's counts."""

    field: str
    orm: str | Expression


@dataclass(frozen=True)
class Facet:
    """A facet the page shows: its heading, the PublicFilters attribute holding the reader's
    choices (None: not a filter), and how its values read in the page's language."""

    name: str
    title: str | Promise
    position: int
    query_attribute: str | None = None
    labels: Callable[[list[str], str], dict[str, str]] | None = None
    newest_first: bool = False  # ordered by value, descending (years), not by count
    # The reader's messages about chosen values that name nothing (an unknown slug).
    validate: Callable[[Any], list[str]] | None = None
    # One value per thing: the facet value of a stored value ("Shaki" -> "Şəki").
    key: Callable[[str], str] | None = None
    # Every value the facet can take, when that is a fixed list (the API's schema shows it).
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per content type
class SearchType:
    """A content type readers can search, as its app describes it.

    ``live`` returns what the public may find (hits are loaded from it, the database
    fallback starts from it); ``narrow(queryset, **filters)`` applies the supported public
    filters with the app's own selectors; ``summary(obj, request=, highlights=)`` is the
    ``Hit``; ``texts(obj)`` gives the title and body texts the database fallback highlights.
    Field names are the model's ``search_fields``; the searched text fields and their boosts
    are its SearchFields that carry our analysed sub-fields (search/analysis.py).
    """

    key: str
    model: type[Model]
    label: str | Promise
    position: int
    live: Callable[[], QuerySet]
    narrow: Callable[..., QuerySet]
    summary: Callable[..., Hit]
    texts: Callable[[Model], tuple[str, list[str]]]
    title_field: str
    body_fields: tuple[str, ...] = ()
    autocomplete_fields: tuple[str, ...] = ()
    filters: dict[str, str] = field(default_factory=dict)  # FILTERS name -> FilterField
    facets: dict[str, FacetSource] = field(default_factory=dict)
    date_field: str | None = None  # sorts newest/oldest; both FilterField and model field
    live_field: str | None = "live"
    locale_field: str = "locale_id"

    def __post_init__(self):
        unknown = set(self.filters) - set(FILTERS)
        if unknown:
            raise ValueError(f"{self.key}: unknown filters {sorted(unknown)}; known: {FILTERS}")

    def supports(self, active: dict) -> bool:
        """Whether every filter the reader set applies to this type."""
        return set(active) <= set(self.filters)

    def text_fields(self) -> dict[str, float]:
        """Searched fields and their boosts, read from the model's search_fields."""
        fields = {}
        for search_field in self.model.get_search_fields():
            subfields = getattr(search_field, "kwargs", {}).get("es_extra", {}).get("fields", {})
            if type(search_field) is index.SearchField and set(SUBFIELD_ANALYZERS) <= set(
                subfields
            ):
                fields[search_field.field_name] = search_field.boost or 1
        return fields


class SearchRegistry:
    """Registered types and facets, in their positions' order."""

    def __init__(self):
        self._types: dict[str, SearchType] = {}
        self._facets: dict[str, Facet] = {}

    def type_register(self, search_type: SearchType) -> None:
        if search_type.key in self._types or search_type.key == "all":
            raise ValueError(f"Search type {search_type.key!r} is already registered")
        self._types[search_type.key] = search_type

    def facet_register(self, facet: Facet) -> None:
        if facet.name in self._facets:
            raise ValueError(f"Facet {facet.name!r} is already registered")
        self._facets[facet.name] = facet

    def unregister(self, *, types: Iterable[str] = (), facets: Iterable[str] = ()) -> None:
        """For tests that register a type of their own."""
        for key in types:
            self._types.pop(key, None)
        for name in facets:
            self._facets.pop(name, None)

    def types(self, key: str = "all") -> list[SearchType]:
        """The type named ``key``, or every type for "all"."""
        ordered = sorted(self._types.values(), key=lambda t: t.position)
        return ordered if key == "all" else [t for t in ordered if t.key == key]

    def type_keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.types())

    def facets(self) -> list[Facet]:
        return sorted(self._facets.values(), key=lambda f: f.position)

    def facet_choices(self, name: str) -> tuple[str, ...]:
        """The fixed values of facet ``name``; empty when it is free text or not registered."""
        facet = self._facets.get(name)
        return facet.choices if facet else ()

    def filter_errors(self, chosen: dict[str, Any]) -> list[str]:
        """Each facet owner's messages about the values chosen, by PublicFilters attribute."""
        validators = {f.query_attribute: f.validate for f in self.facets() if f.validate}
        errors = []
        for attribute, value in chosen.items():
            if value and attribute in validators:
                errors += validators[attribute](value)
        return errors


registry = SearchRegistry()


def active_filters(query) -> dict:
    """The public filters the reader set on ``query``, by name."""
    return query.filters.active()


def _language_labels(codes: list[str], language: str) -> dict[str, str]:
    names = dict(settings.LANGUAGES)
    return {code: str(names.get(code, code)) for code in codes}


# The host's own facet: every type is translatable and keeps its locale in ``locale_field``.
registry.facet_register(
    Facet(
        "lang",
        gettext_lazy("Language"),
        position=100,
        query_attribute="languages",
        labels=_language_labels,
    )
)
