"""Reads for the public press room: lists, filters and their options."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict

from .models import PressReleaseIndexPage, PressReleasePage


@dataclass(frozen=True)
class ReleaseFilters:
    organization: str = ""
    city: str = ""
    topic: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> "ReleaseFilters":
        """Filters of a public list page; values that cannot match are dropped."""
        year = query.get("year", "")
        return cls(
            organization=query.get("organization", "").strip()[:255],
            city=query.get("city", "").strip()[:100],
            topic=query.get("topic", "").strip()[:100],
            year=int(year) if year.isdigit() and 1900 <= int(year) <= 2100 else None,
        )


def live_releases() -> QuerySet[PressReleasePage]:
    return PressReleasePage.objects.live().public().select_related("organization")


def release_list(
    *, index_page: PressReleaseIndexPage, filters: ReleaseFilters | None = None
) -> QuerySet[PressReleasePage]:
    releases = live_releases().descendant_of(index_page)
    if filters:
        if filters.organization:
            releases = releases.filter(organization__slug=filters.organization)
        if filters.city:
            releases = releases.filter(city__iexact=filters.city)
        if filters.topic:
            releases = releases.filter(topics__slug=filters.topic)
        if filters.year:
            releases = releases.filter(release_date__year=filters.year)
    return releases.order_by("-release_date", "-pk").distinct()


def release_filter_options(*, index_page: PressReleaseIndexPage) -> dict[str, list]:
    releases = live_releases().descendant_of(index_page)
    return {
        "organizations": sorted(
            set(releases.values_list("organization__slug", "organization__name")),
            key=lambda o: o[1],
        ),
        "cities": sorted(set(releases.exclude(city="").values_list("city", flat=True))),
        "topics": sorted(
            set(releases.exclude(topics=None).values_list("topics__slug", "topics__name"))
        ),
        "years": sorted(
            set(releases.annotate(year=ExtractYear("release_date")).values_list("year", flat=True)),
            reverse=True,
        ),
    }
