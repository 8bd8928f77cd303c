"""Reads for the public press room: lists, filters and their options."""

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from core.api.conditional import content_version
from core.query_params import int_param
from directory.models import Organization
from directory.selectors import live_organizations, organization_public, organization_public_q
from search.filters import PublicFilters, city_q, filters_parse

from .models import PressReleaseIndexPage, PressReleasePage, PressReleaseTopic

# Only bounds how long a change made behind Wagtail's back (no log entry) could go unseen.
FILTER_OPTIONS_SECONDS = 60 * 60


@dataclass(frozen=True)
class ReleaseFilters:
    """A list page's filters: the public ones, and the year its menu offers (a date range)."""

    filters: PublicFilters
    year: int | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> "ReleaseFilters":
        """Filters of a public list page; values that cannot match are dropped."""
        filters, _errors = filters_parse(query)
        year = int_param(query, "year", minimum=1900, maximum=2100)
        if year:
            filters = replace(
                filters,
                date_from=max(filters.date_from or datetime.date.min, datetime.date(year, 1, 1)),
                date_to=min(filters.date_to or datetime.date.max, datetime.date(year, 12, 31)),
            )
        return cls(filters=filters, year=year)

    @property
    def organization(self) -> str:
        """The first organization chosen: the one whose feeds the list advertises."""
        return self.filters.organizations[0] if self.filters.organizations else ""

    @property
    def topic(self) -> str:
        return self.filters.topics[0] if self.filters.topics else ""


def public_q() -> Q:
    """Not in a private section: Wagtail's own rule (``PageQuerySet.private_q``), which reads
    the restrictions first and excludes each one's subtree by path prefix. A correlated
    subquery doing the same made PostgreSQL's planner spend seconds on every search.
    """
    return ~Page.objects.all().private_q()


def live_releases() -> QuerySet[PressReleasePage]:
    """What anonymous readers and partners may see, on pages, feeds, search and the API:
    the live row of live releases outside private sections.

    The page row holds the published content; drafts and unpublished changes live only in
    revisions, which are never read here.
    """
    return (
        PressReleasePage.objects.filter(live=True).filter(public_q()).select_related("organization")
    )


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


# The rendition lists show beside a release (release_item.html uses the same spec).
LIST_PICTURE_SPEC = "fill-160x120"


def release_list(
    *, index_page: PressReleaseIndexPage, filters: PublicFilters | None = None
) -> QuerySet[PressReleasePage]:
    releases = live_releases().descendant_of(index_page)
    if filters:
        releases = releases_filter(releases, **filters.active(exclude=()))
    return releases.order_by("-release_date", "-pk")


def releases_with_pictures(releases: Iterable[PressReleasePage]) -> list[PressReleasePage]:
    """The releases, each with ``picture``: its first image block's image, or None.

    For lists: the images and their list-size renditions are read in two queries for the
    lot, from the bodies already loaded (``raw_data`` reads no image).
    """
    releases = list(releases)
    first = {}
    for release in releases:
        first[release.pk] = next(
            (
                block["value"].get("image")
                for block in release.body.raw_data
                if block["type"] == "image" and block["value"].get("image")
            ),
            None,
        )
    images = get_image_model().objects.prefetch_renditions(LIST_PICTURE_SPEC)
    images = images.in_bulk({pk for pk in first.values() if pk})
    for release in releases:
        release.picture = images.get(first[release.pk])
    return releases


def releases_filter(
    releases: QuerySet[PressReleasePage],
    /,
    *,
    organizations: tuple[str, ...] = (),
    organization_type: str = "",
    city: str = "",
    topics: tuple[str, ...] = (),
    languages: tuple[str, ...] = (),
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[PressReleasePage]:
    """The public release filters (search/filters.py), for every channel that lists releases.

    Each condition is on the release's own row or a subquery, never a join, so no release
    is repeated and no ``distinct`` is needed.
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
        releases = releases.filter(city_q(releases, city))
    if topics:
        tagged = PressReleaseTopic.objects.filter(tag__slug__in=topics)
        releases = releases.filter(pk__in=tagged.values("content_object_id"))
    if languages:
        releases = releases.filter(locale__language_code__in=languages)
    if date_from:
        releases = releases.filter(release_date__gte=date_from)
    if date_to:
        releases = releases.filter(release_date__lte=date_to)
    return releases


def release_filter_options(*, index_page: PressReleaseIndexPage) -> dict[str, list]:
    """Each filter's choices; a newsroom lists one organization's releases, so no issuers.

    Reading them passes over every release under the index, which at 100,000 releases was
    most of a list page's cost (make load); they are kept under the content version, which
    every publish, unpublish, move and deletion moves, so they stay exact.
    """
    version = content_version()
    changed_at = version.changed_at.isoformat() if version.changed_at else ""
    key = (
        "release-filter-options:"
        + hashlib.sha256(
            f"{index_page.pk}|{version.page_log_id}|{version.snippet_log_id}|{changed_at}".encode()
        ).hexdigest()
    )
    options = cache.get(key)
    if options is None:
        options = _release_filter_options(index_page)
        cache.set(key, options, FILTER_OPTIONS_SECONDS)
    return options


def _release_filter_options(index_page: PressReleaseIndexPage) -> dict[str, list]:
    """Distinct values chosen by the database, not by reading every release's row."""
    releases = live_releases().descendant_of(index_page).order_by()
    organizations = []
    if not index_page.organization_id:
        issuers = releases.filter(organization_public_q("organization__"))
        organizations = sorted(
            issuers.values_list("organization__slug", "organization__name").distinct(),
            key=lambda o: o[1],
        )
    topics = releases.exclude(topics=None).values_list("topics__slug", "topics__name")
    years = releases.annotate(year=ExtractYear("release_date")).values_list("year", flat=True)
    return {
        "organizations": organizations,
        "cities": sorted(releases.exclude(city="").values_list("city", flat=True).distinct()),
        "topics": sorted(topics.distinct()),
        "years": sorted(years.distinct(), reverse=True),
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
