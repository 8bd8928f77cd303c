"""Which subscriptions a published release matches: each saved search, run by the search
service on the configured backend and narrowed to the release (``SearchQuery.ids``).

A subscription is sent releases that went live after it was confirmed, and each release at
most once (``Delivery``'s unique constraint): republishing or editing sends nothing more,
and an edit that makes a release match a search it did not match before sends it then.
"""

from collections import defaultdict

from pressroom.selectors import live_releases
from search.query import InvalidSearch
from search.service import search_match

from .models import Delivery, Subscription
from .queries import release_query


def release_deliveries_create(*, release_id: int) -> list[tuple[int, int]]:
    """Records a delivery of the release for each matching subscription not yet sent it;
    returns (subscription, delivery) ids of those to send now (the others wait for the
    daily digest).

    Raises the search service's IndexBehind or EngineUnreachable: the caller retries.
    """
    release = live_releases().filter(pk=release_id).first()
    if release is None or release.first_published_at is None:
        return []  # unpublished, private or deleted since: nothing to tell anyone
    subscriptions = (
        Subscription.objects.filter(confirmed=True, confirmed_at__lte=release.first_published_at)
        .exclude(deliveries__release_id=release_id)
        .only("pk", "query", "language", "frequency")
    )
    by_search = defaultdict(list)
    for subscription in subscriptions:
        by_search[(subscription.query, subscription.language)].append(subscription)
    groups, searches = [], []
    for (query, language), group in by_search.items():
        try:
            searches.append(release_query(query, language=language, release_id=release_id))
        except InvalidSearch:
            continue  # an organization deleted since: the page would refuse it too
        groups.append(group)
    matching = [
        subscription
        for group, found in zip(groups, search_match(queries=searches), strict=True)
        if release_id in found
        for subscription in group
    ]
    Delivery.objects.bulk_create(
        [Delivery(subscription=subscription, release_id=release_id) for subscription in matching],
        ignore_conflicts=True,  # another worker matched it meanwhile: still once
    )
    immediate = [s.pk for s in matching if s.frequency == Subscription.Frequency.IMMEDIATE]
    return list(
        Delivery.objects.filter(
            release_id=release_id,
            subscription_id__in=immediate,
            status=Delivery.Status.PENDING,
            attempts=0,
        ).values_list("subscription_id", "pk")
    )
