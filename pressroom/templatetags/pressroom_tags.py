"""Press releases in every page's chrome: the feeds to subscribe to, the release list's URL
and a release's organizations. ``base.html`` and the apps' templates load this library."""

from django import template
from django.utils.http import urlencode
from wagtail.models import Locale

from core.request_cache import request_cached
from pressroom import feeds, selectors, topics
from pressroom.models import PressReleaseIndexPage

register = template.Library()


@register.inclusion_tag("core/includes/feed_links.html", takes_context=True)
def feed_links(context, organization=None, topics=None, filters=None) -> dict:
    """<link rel="alternate"> for the site-wide feeds, plus those of the page's subjects.

    ``filters`` (a ReleaseFilters) adds the feeds of the organization and topic a
    list is filtered by, when they exist.
    """
    topics = list(topics or [])
    if filters is not None:
        filtered_organization, filtered_topic = selectors.filter_subjects(
            filters=filters, locale=Locale.get_active()
        )
        organization = organization or filtered_organization
        if filtered_topic:
            topics.append(filtered_topic)
    links = feeds.site_feed_urls()
    if organization is not None:
        links += feeds.organization_feed_urls(organization)
    for topic in topics:
        links += feeds.topic_feed_urls(topic)
    return {"feeds": links}


def active_release_index(request) -> PressReleaseIndexPage | None:
    """The active language's press-release list, looked up once per request."""
    locale = Locale.get_active()
    return request_cached(
        request, ("releases", locale.pk), lambda: selectors.release_index_page(locale=locale)
    )


@register.simple_tag(takes_context=True)
def releases_url(context, **params) -> str:
    """The current language's press-release list, filtered by ``params`` (topic=, organization=)."""
    request = context.get("request")
    index = active_release_index(request)
    if index is None:
        return ""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return index.get_url(request) + (f"?{urlencode(query)}" if query else "")


@register.filter
def topic_label(name: str) -> str:
    """A topic's name in the page's language (``pressroom.topics``)."""
    return topics.topic_label(name)


@register.simple_tag
def release_organizations(release) -> dict:
    """Participants and funders of a release without a query per organization."""
    return selectors.release_organizations(release)
