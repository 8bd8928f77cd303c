"""Organizations in reader search: what search/ needs to find, filter and show them."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import get_text_for_indexing

from search.cities import city_key, city_labels
from search.registry import Facet, FacetSource, Hit, SearchType, registry

from .models import Organization, OrganizationType
from .selectors import (
    live_organizations,
    organization_names_by_slug,
    organization_slugs_existing,
    organization_url,
    organizations_filter,
)


def organization_ref(organization: Organization | None) -> dict | None:
    """How a hit names an organization (its own, or a release's issuer)."""
    if organization is None:
        return None
    return {"slug": organization.slug, "name": organization.name}


def _summary(organization: Organization, *, request, highlights: dict) -> Hit:
    return Hit(
        type="organization",
        id=organization.pk,
        external_id=None,
        title=organization.name,
        url=organization_url(organization, request=request),
        release_date=None,
        organization=organization_ref(organization),
        highlights=highlights,
        summary=get_text_for_indexing(organization.description),
    )


def _texts(organization: Organization) -> tuple[str, list[str]]:
    return organization.name, [get_text_for_indexing(organization.description)]


def _organization_errors(slugs: tuple[str, ...]) -> list[str]:
    known = organization_slugs_existing(slugs)
    return [
        gettext("There is no organization “%(slug)s”.") % {"slug": slug}
        for slug in slugs
        if slug not in known
    ]


def _organization_type_errors(value: str) -> list[str]:
    if value in OrganizationType.values:
        return []
    return [gettext("Unknown organization type “%(value)s”.") % {"value": value}]


def _organization_type_labels(values: list[str], language: str) -> dict[str, str]:
    return {str(value): str(label) for value, label in OrganizationType.choices}


ORGANIZATIONS = SearchType(
    key="organization",
    model=Organization,
    label=_("Organization"),
    position=20,
    live=live_organizations,
    narrow=organizations_filter,
    summary=_summary,
    texts=_texts,
    title_field="name",
    body_fields=("description",),
    autocomplete_fields=("name", "acronym", "name_az"),
    filters={
        "organizations": "slug",
        "organization_type": "organization_type",
        "city": "city_match",
    },
    facets={
        "organization": FacetSource("slug", "slug"),
        "organization_type": FacetSource("organization_type", "organization_type"),
        "city": FacetSource("city", "city"),
        "lang": FacetSource("locale_id", "locale_id"),
    },
)

FACETS = (
    Facet(
        "organization",
        _("Organization"),
        position=10,
        query_attribute="organizations",
        labels=lambda slugs, language: organization_names_by_slug(slugs, language=language),
        validate=_organization_errors,
    ),
    Facet(
        "organization_type",
        _("Organization type"),
        position=20,
        query_attribute="organization_type",
        labels=_organization_type_labels,
        validate=_organization_type_errors,
        choices=tuple(OrganizationType.values),
    ),
    Facet(
        "city",
        _("City or region"),
        position=30,
        query_attribute="city",
        labels=city_labels,
        key=city_key,
    ),
)


def search_register() -> None:
    registry.type_register(ORGANIZATIONS)
    for facet in FACETS:
        registry.facet_register(facet)
