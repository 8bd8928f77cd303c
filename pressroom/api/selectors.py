"""Reads behind the press-release endpoints: only live, public releases, filtered and ordered."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from pressroom.models import PressReleasePage, PressReleaseParticipant
from pressroom.selectors import live_releases, releases_filter
from search.filters import PublicFilters

ORDERINGS = {
    "release_date": ("release_date", "pk"),
    "-release_date": ("-release_date", "-pk"),
    "updated": ("last_published_at", "pk"),
    "-updated": ("-last_published_at", "-pk"),
    "title": ("title", "pk"),
}


@dataclass(frozen=True)
class ReleaseApiFilters:
    """The list's filters, already validated: the public ones (search/filters.py, with their
    meanings) and those only partners use."""

    public: PublicFilters = field(default_factory=PublicFilters)
    q: str = ""
    participants: tuple[str, ...] = ()
    external_id: str = ""
    updated_since: datetime.datetime | None = None


def release_api_list(
    *, filters: ReleaseApiFilters, ordering: str = "-release_date"
) -> QuerySet[PressReleasePage]:
    releases = releases_filter(live_releases(), **filters.public.active(exclude=()))
    if filters.q:
        for word in filters.q.split():
            releases = releases.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if filters.participants:
        # A subquery rather than a join: a join would repeat a release once per match.
        releases = releases.filter(
            pk__in=PressReleaseParticipant.objects.filter(
                organization__slug__in=filters.participants
            ).values("page_id")
        )
    if filters.external_id:
        releases = releases.filter(external_id=filters.external_id)
    if filters.updated_since:
        releases = releases.filter(last_published_at__gte=filters.updated_since)
    return releases.order_by(*ORDERINGS[ordering])
