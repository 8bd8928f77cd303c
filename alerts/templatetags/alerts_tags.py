"""Links to subscribe, for the pages readers follow: search results, an organization's
profile and newsroom, a topic's list. Those pages load this library; alerts imports none
of theirs."""

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import Subscription
from ..selectors import subscriber_counts

register = template.Library()


def _link(kind: str, params: dict | QueryDict, text: str) -> dict:
    query = QueryDict(mutable=True)
    query["kind"] = kind
    for name, values in params.lists() if isinstance(params, QueryDict) else params.items():
        query.setlist(name, values if isinstance(values, list) else [values])
    return {"url": f"{reverse('alerts:subscribe')}?{query.urlencode()}", "text": text}


@register.inclusion_tag("alerts/includes/subscribe_link.html")
def alert_search_link(params: QueryDict) -> dict:
    """For a results page: its search's own parameters (search.query.search_params)."""
    return _link(Subscription.Kind.SEARCH, params, _("Email me new results for this search"))


@register.inclusion_tag("alerts/includes/subscribe_link.html")
def alert_organization_link(organization) -> dict:
    if not getattr(organization, "pk", None):
        return {}
    return _link(
        Subscription.Kind.ORGANIZATION,
        {"organization": organization.slug},
        _("Email me this organization's press releases"),
    )


@register.inclusion_tag("alerts/includes/subscribe_link.html")
def alert_list_link(filters, organization=None) -> dict:
    """For a press-release list: its topic when one is chosen, else its newsroom's (or the
    chosen) organization; nothing for the unfiltered list."""
    if filters.topic:
        return _link(
            Subscription.Kind.TOPIC,
            {"topic": filters.topic},
            _("Email me press releases on this topic"),
        )
    slug = organization.slug if organization is not None else filters.organization
    if slug:
        return _link(
            Subscription.Kind.ORGANIZATION,
            {"organization": slug},
            _("Email me this organization's press releases"),
        )
    return {}


@register.inclusion_tag("alerts/includes/subscriber_count.html")
def alert_subscriber_count(organization) -> dict:
    """An organization's officers see how many confirmed addresses follow it (no addresses)."""
    return {
        "count": subscriber_counts(organization_slugs=[organization.slug]).get(organization.slug, 0)
    }
