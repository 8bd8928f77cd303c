"""Reads for the public directory."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import QuerySet
from django.http import QueryDict
from wagtail.models import Locale

from .models import Organization, OrganizationType


@dataclass(frozen=True)
class DirectoryFilters:
    organization_type: str = ""
    city: str = ""
    focus: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> "DirectoryFilters":
        """Unknown types are ignored rather than failing: the list is a public browse page."""
        organization_type = query.get("type", "")
        if organization_type not in OrganizationType.values:
            organization_type = ""
        return cls(
            organization_type=organization_type,
            city=query.get("city", "").strip()[:100],
            focus=query.get("focus", "").strip()[:100],
        )


def organization_list(
    *, locale: Locale, filters: DirectoryFilters | None = None
) -> QuerySet[Organization]:
    organizations = Organization.objects.filter(locale=locale, live=True)
    if filters:
        if filters.organization_type:
            organizations = organizations.filter(organization_type=filters.organization_type)
        if filters.city:
            organizations = organizations.filter(city__iexact=filters.city)
        if filters.focus:
            organizations = organizations.filter(focus_areas__name__iexact=filters.focus)
    return organizations.order_by("name").distinct()


def directory_filter_options(*, locale: Locale) -> dict[str, list[str]]:
    live = Organization.objects.filter(locale=locale, live=True)
    return {
        "types": OrganizationType.choices,
        "cities": sorted(set(live.exclude(city="").values_list("city", flat=True))),
        "focus_areas": sorted(
            set(live.exclude(focus_areas=None).values_list("focus_areas__name", flat=True))
        ),
    }


def releases_of(organization: Organization) -> QuerySet:
    """Live releases issued by, joined by or funded by the organization, newest first."""
    PressReleasePage = apps.get_model("pressroom", "PressReleasePage")
    return (
        PressReleasePage.objects.live().public().involving(organization).order_by("-release_date")
    )
