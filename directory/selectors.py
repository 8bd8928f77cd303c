"""Reads for the public directory."""

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.apps import apps
from django.db.models import Case, Count, F, Q, QuerySet, When
from django.http import QueryDict
from wagtail.models import Locale
from wagtail.rich_text import get_text_for_indexing

from core.collation import collation_key
from core.query_params import text_param
from search.cities import city_key, city_labels
from search.filters import city_match, city_q
from search.folding import fold

from .models import Organization, OrganizationFocusArea, OrganizationType


@dataclass(frozen=True)
class DirectoryFilters:
    organization_type: str = ""
    city: str = ""
    focus: str = ""
    text: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> "DirectoryFilters":
        """Unknown types are ignored rather than failing: the list is a public browse page."""
        organization_type = query.get("type", "")
        if organization_type not in OrganizationType.values:
            organization_type = ""
        return cls(
            organization_type=organization_type,
            city=text_param(query, "city", max_length=100),
            focus=text_param(query, "focus", max_length=100),
            text=text_param(query, "q", max_length=200),
        )


def organization_public_q(relation: str = "") -> Q:
    """Whether readers may see an organization: published, and not since unpublished.

    The one rule for every public channel, in a query: profiles, the directory, a release's
    issuer, participants and funders on its page, in the API and the changes feed, the feeds,
    search hits, facets and autocomplete. ``relation`` reaches the organization from another
    model ("organization__"). A release stays public when its issuer is unpublished; it is
    then shown without one (``organization_public``).
    """
    return Q(**{f"{relation}live": True})


def organization_public(organization: Organization | None) -> Organization | None:
    """``organization`` where readers may see it (``organization_public_q``), else None."""
    return organization if organization is not None and organization.live else None


def organization_public_value(relation: str, field: str) -> Case:
    """``relation``'s ``field`` where the organization is public, else NULL: for counts and
    labels over the releases of organizations that may not all be public."""
    return Case(When(organization_public_q(relation), then=F(f"{relation}{field}")))


def live_organizations() -> QuerySet[Organization]:
    """Published organizations: what readers may see and find."""
    return Organization.objects.filter(organization_public_q())


def organizations_filter(
    queryset: QuerySet[Organization],
    /,
    *,
    organizations: tuple[str, ...] = (),
    organization_type: str = "",
    city: str = "",
) -> QuerySet[Organization]:
    """The public organization filters, for the directory and search's database fallback,
    with the meanings of search/filters.py."""
    if organizations:
        queryset = queryset.filter(slug__in=organizations)
    if organization_type:
        queryset = queryset.filter(organization_type=organization_type)
    if city:
        queryset = queryset.filter(city_q(queryset, city))
    return queryset


def organization_slugs_existing(slugs: tuple[str, ...]) -> set[str]:
    """Those of ``slugs`` that name an organization readers may see."""
    return set(live_organizations().filter(slug__in=slugs).values_list("slug", flat=True))


def organization_names_by_slug(slugs: list[str], *, language: str) -> dict[str, str]:
    """Each slug's organization name, in ``language`` where there is that translation."""
    names = {}
    for organization in live_organizations().filter(slug__in=slugs).select_related("locale"):
        if organization.slug not in names or organization.locale.language_code == language:
            names[organization.slug] = organization.name
    return names


def _text_matches(organization: Organization, words: list[str]) -> bool:
    haystack = fold(
        " ".join(
            (
                organization.name,
                organization.acronym,
                organization.name_az,
                get_text_for_indexing(organization.description),
            )
        )
    )
    return all(word in haystack for word in words)


def organization_list(
    *, locale: Locale, filters: DirectoryFilters | None = None
) -> list[Organization]:
    """The directory of ``locale``, filtered, in the order of its language's alphabet.

    Text search and sorting run in Python on the locale's few hundred organizations: SQLite
    folds the case of ASCII letters only and the databases collate differently, while
    ``fold`` and ``collation_key`` treat Azerbaijani letters alike everywhere.
    """
    filters = filters or DirectoryFilters()
    organizations = organizations_filter(
        live_organizations().filter(locale=locale),
        organization_type=filters.organization_type,
        city=filters.city,
    )
    if filters.focus:
        organizations = organizations.filter(focus_areas__name__iexact=filters.focus)
    organizations = list(organizations.distinct())
    if words := fold(filters.text).split():
        organizations = [org for org in organizations if _text_matches(org, words)]
    return sorted(organizations, key=lambda org: collation_key(org.name, locale.language_code))


class FilterOption(NamedTuple):
    value: str
    label: str
    count: int
    selected: bool


def _options(counts: dict[str, int], labels: dict[str, str], language: str, selected) -> list:
    options = [
        FilterOption(value, labels.get(value, value), count, selected(value))
        for value, count in counts.items()
    ]
    return sorted(options, key=lambda option: collation_key(option.label, language))


def directory_filter_options(
    *, locale: Locale, filters: DirectoryFilters | None = None
) -> dict[str, list[FilterOption]]:
    """Each filter's values with the number of the locale's organizations that have them,
    labelled in the locale's language; cities once each however they are spelled."""
    filters = filters or DirectoryFilters()
    language = locale.language_code
    live = live_organizations().filter(locale=locale).order_by()
    type_counts = dict(
        live.values("organization_type")
        .annotate(count=Count("pk"))
        .values_list("organization_type", "count")
    )
    types = [
        FilterOption(
            value, str(label), type_counts.get(value, 0), value == filters.organization_type
        )
        for value, label in OrganizationType.choices
    ]
    city_counts = Counter(
        city_key(city) for city in live.exclude(city="").values_list("city", flat=True)
    )
    chosen_city = city_match(filters.city) if filters.city else None
    focus_counts = dict(
        OrganizationFocusArea.objects.filter(content_object__in=live)
        .values("tag__name")
        .annotate(count=Count("content_object", distinct=True))
        .values_list("tag__name", "count")
    )
    chosen_focus = filters.focus.casefold()
    return {
        "types": types,
        "cities": _options(
            dict(city_counts),
            city_labels(list(city_counts), language),
            language,
            lambda value: city_match(value) == chosen_city,
        ),
        "focus_areas": _options(
            focus_counts, {}, language, lambda value: value.casefold() == chosen_focus
        ),
    }


# Releases a profile shows per role; the release list filtered by organization has them all.
PROFILE_RELEASES = 10


def organization_releases(organization: Organization) -> dict[str, QuerySet]:
    """The latest live public releases the organization issued, took part in and funded."""
    PressReleasePage = apps.get_model("pressroom", "PressReleasePage")
    releases = (
        PressReleasePage.objects.live()
        .public()
        .select_related("organization")
        .order_by("-release_date", "-pk")
    )
    return {
        "issued": releases.filter(organization=organization)[:PROFILE_RELEASES],
        "participated": releases.filter(participant_links__organization=organization).distinct()[
            :PROFILE_RELEASES
        ],
        "funded": releases.filter(funder_links__organization=organization).distinct()[
            :PROFILE_RELEASES
        ],
    }


def directory_pages_by_locale(request=None) -> dict:
    """Each locale's live directory page, looked up once per request.

    Lists link many organizations; without this each ``get_url`` would query for the
    directory page again.
    """
    cached = getattr(request, "_directory_pages_by_locale", None)
    if cached is None:
        DirectoryIndexPage = apps.get_model("directory", "DirectoryIndexPage")
        cached = {}
        for page in DirectoryIndexPage.objects.live().order_by("path"):
            cached.setdefault(page.locale_id, page)
        if request is not None:
            request._directory_pages_by_locale = cached
    return cached


def organization_url(organization: Organization, *, request=None) -> str | None:
    """Same as ``Organization.get_url`` but without a query per organization on a request."""
    directory = directory_pages_by_locale(request).get(organization.locale_id)
    if directory is None:
        return None
    return directory.url_for_organization(organization, request=request)
