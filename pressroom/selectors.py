"""Reads for the public press room: lists, filters and their options."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from taggit.models import Tag
from wagtail.models import Locale

from core.params import int_param, text_param
from directory.cities import city_spellings
from directory.models import Organization
from directory.selectors import live_organizations, organization_public, organization_public_q

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
        return cls(
            organization=text_param(query, "organization", max_length=255),
            city=text_param(query, "city", max_length=100),
            topic=text_param(query, "topic", max_length=100),
            year=int_param(query, "year", minimum=1900, maximum=2100),
        )


def live_releases() -> QuerySet[PressReleasePage]:
    return PressReleasePage.objects.live().public().select_related("organization")


def releases_more_from(release: PressReleasePage, *, limit: int) -> QuerySet[PressReleasePage]:
    """The latest other live releases of the same issuer, in the same language."""
    if not release.organization_id:
        return live_releases().none()
    return (
        live_releases()
        .filter(organization_id=release.organization_id, locale_id=release.locale_id)
        .exclude(pk=release.pk)
        .order_by("-release_date", "-pk")[:limit]
    )


def release_list(
    *, index_page: PressReleaseIndexPage, filters: ReleaseFilters | None = None
) -> QuerySet[PressReleasePage]:
    releases = live_releases().descendant_of(index_page)
    if filters:
        releases = releases_filter(
            releases,
            organizations=(filters.organization,) if filters.organization else (),
            topics=(filters.topic,) if filters.topic else (),
            year=filters.year,
        )
        if filters.city:
            # Unlike search (exact, as the engine's keyword field), the list forgives case.
            releases = releases.filter(city__iexact=filters.city)
    return releases.order_by("-release_date", "-pk").distinct()


def releases_filter(
    releases: QuerySet[PressReleasePage],
    /,
    *,
    organizations: tuple[str, ...] = (),
    organization_type: str = "",
    city: str = "",
    topics: tuple[str, ...] = (),
    year: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[PressReleasePage]:
    """The public release filters, for the list page and search's database fallback alike.

    ``organizations``: issued by any of them; ``topics``: tagged with every one of them.
    """
    # Only a public issuer can be filtered by: its slug and type are otherwise not shown.
    if organizations:
        releases = releases.filter(
            organization_public_q("organization__"), organization__slug__in=organizations
        )
    if organization_type:
        releases = releases.filter(
            organization_public_q("organization__"),
            organization__organization_type=organization_type,
        )
    if city:
        releases = releases.filter(city__in=city_spellings(city))
    for topic in topics:
        releases = releases.filter(topics__slug=topic)
    if year:
        releases = releases.filter(release_date__year=year)
    if date_from:
        releases = releases.filter(release_date__gte=date_from)
    if date_to:
        releases = releases.filter(release_date__lte=date_to)
    return releases.distinct()


def release_filter_options(*, index_page: PressReleaseIndexPage) -> dict[str, list]:
    releases = live_releases().descendant_of(index_page)
    return {
        "organizations": sorted(
            set(
                releases.filter(organization_public_q("organization__")).values_list(
                    "organization__slug", "organization__name"
                )
            ),
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


def topic_names_by_slug(slugs: list[str]) -> dict[str, str]:
    return dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))


def release_topics() -> QuerySet[Tag]:
    """Tags used as release topics; focus areas share taggit's table but are not topics."""
    return Tag.objects.filter(pressroom_pressreleasetopic_items__isnull=False).distinct()


def release_index_page(*, locale: Locale) -> PressReleaseIndexPage | None:
    """The locale's top press-release index: where topic and organization links lead."""
    return (
        PressReleaseIndexPage.objects.live().filter(locale=locale).order_by("depth", "path").first()
    )


def filter_subjects(
    *, filters: ReleaseFilters, locale: Locale
) -> tuple[Organization | None, Tag | None]:
    """The organization and topic a filtered list is narrowed to, when they exist."""
    organization = topic = None
    if filters.organization:
        organization = live_organizations().filter(locale=locale, slug=filters.organization).first()
    if filters.topic:
        topic = release_topics().filter(slug=filters.topic).first()
    return organization, topic


def release_organizations(release: PressReleasePage) -> dict[str, list[Organization]]:
    """A release's public participants and funders in editor order, each list in one query.

    Works on unsaved previews too: modelcluster's in-memory relations accept select_related.
    """
    return {
        role: [
            organization
            for link in links.select_related("organization")
            if (organization := organization_public(link.organization))
        ]
        for role, links in (
            ("participants", release.participant_links),
            ("funders", release.funder_links),
        )
    }
