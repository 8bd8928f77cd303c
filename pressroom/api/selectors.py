"""Reads behind the press-release endpoints: only live, public releases, filtered and ordered."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction

from pressroom.models import PressReleasePage, PressReleaseParticipant, PressReleaseTopic

ORDERINGS = {
    "release_date": ("release_date", "pk"),
    "-release_date": ("-release_date", "-pk"),
    "updated": ("last_published_at", "pk"),
    "-updated": ("-last_published_at", "-pk"),
    "title": ("title", "pk"),
}


def public_q() -> Q:
    """Not in a private section: no view restriction on the page or any of its ancestors.

    Wagtail's ``PageQuerySet.public()`` reads every restriction first and ORs one condition
    per restriction into the query; as a correlated subquery it costs no extra round trip.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Q(Exists(restricted))


def api_live_releases() -> QuerySet[PressReleasePage]:
    """What anonymous readers and partners may see: the live row of live, public releases.

    The page row holds the published content; drafts and unpublished changes live only in
    revisions, which are never read here.
    """
    return PressReleasePage.objects.filter(live=True).filter(public_q())


@dataclass(frozen=True)
class ReleaseApiFilters:
    """The list's filters, already validated; repeated values of one filter are ORed."""

    q: str = ""
    organizations: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    city: str = ""
    topics: tuple[str, ...] = ()
    lang: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    external_id: str = ""
    updated_since: datetime.datetime | None = None


def release_api_list(
    *, filters: ReleaseApiFilters, ordering: str = "-release_date"
) -> QuerySet[PressReleasePage]:
    releases = api_live_releases()
    if filters.q:
        for word in filters.q.split():
            releases = releases.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if filters.organizations:
        releases = releases.filter(organization__slug__in=filters.organizations)
    if filters.participants:
        # A subquery rather than a join: a join would repeat a release once per match.
        releases = releases.filter(
            pk__in=PressReleaseParticipant.objects.filter(
                organization__slug__in=filters.participants
            ).values("page_id")
        )
    if filters.city:
        releases = releases.filter(city__iexact=filters.city)
    if filters.topics:
        releases = releases.filter(
            pk__in=PressReleaseTopic.objects.filter(tag__slug__in=filters.topics).values(
                "content_object_id"
            )
        )
    if filters.lang:
        releases = releases.filter(locale__language_code=filters.lang)
    if filters.date_from:
        releases = releases.filter(release_date__gte=filters.date_from)
    if filters.date_to:
        releases = releases.filter(release_date__lte=filters.date_to)
    if filters.external_id:
        releases = releases.filter(external_id=filters.external_id)
    if filters.updated_since:
        releases = releases.filter(last_published_at__gte=filters.updated_since)
    return releases.order_by(*ORDERINGS[ordering])
