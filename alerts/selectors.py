"""Reads for the admin report and the dashboards: how many confirmed addresses follow what.

Counts only: addresses are shown (in the admin) only to staff holding
``alerts.view_subscriber_address``, and never by the API, which does not know this app.
"""

from django.db.models import Count, QuerySet
from django.utils.http import urlencode

from .models import Subscription


def subscription_counts() -> QuerySet:
    """Confirmed addresses per saved search (its kind, query and language), most first."""
    return (
        Subscription.objects.filter(confirmed=True)
        .values("kind", "query", "language")
        .annotate(subscribers=Count("subscriber", distinct=True))
        .order_by("-subscribers", "kind", "query")
    )


def subscriber_counts(*, organization_slugs: list[str]) -> dict[str, int]:
    """Confirmed addresses following each organization, in any language."""
    queries = {urlencode({"organization": slug}): slug for slug in organization_slugs}
    rows = (
        Subscription.objects.filter(confirmed=True, query__in=queries)
        .values("query")
        .annotate(subscribers=Count("subscriber", distinct=True))
    )
    counts = dict.fromkeys(organization_slugs, 0)
    for row in rows:
        counts[queries[row["query"]]] = row["subscribers"]
    return counts


def subscription_addresses() -> dict[tuple[str, str], list[str]]:
    """Confirmed addresses per saved search and language: for staff with the permission."""
    addresses: dict[tuple[str, str], list[str]] = {}
    rows = (
        Subscription.objects.filter(confirmed=True)
        .order_by("subscriber__email")
        .values_list("query", "language", "subscriber__email")
    )
    for query, language, email in rows:
        addresses.setdefault((query, language), []).append(email)
    return addresses
