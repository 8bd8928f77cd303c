"""The pages that show an event, for the page cache's purges (core.page_cache.registry).

An event shows on its own page, the pages above it (its newsroom, their indexes, its locale's
home page), every events index of its language (they list events wherever they are filed),
the site, organization and topic feeds and calendars, and the profiles of the organizations
it involves ("Upcoming events").
"""

from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core.page_cache.registry import page_cache_registry
from directory.models import Organization

from .models import EventIndexPage, EventPage

FEEDS = ("events-feed-rss", "events-feed-atom", "events-feed-json", "events-ics")


def _feeds(root_url: str, prefix: str, **kwargs: str) -> set[str]:
    return {root_url + reverse(f"{prefix}{name}", kwargs=kwargs) for name in FEEDS}


def event_cached_urls(event: EventPage) -> set[str]:
    site = event.get_site()
    if site is None:
        return set()
    root_url = site.root_url
    batch = PurgeBatch()
    batch.add_pages([event, *event.get_ancestors().specific(defer=True)])
    batch.add_pages(EventIndexPage.objects.filter(locale_id=event.locale_id).specific())
    urls = set(batch.urls)
    involved = Organization.objects.filter(
        pk__in=[
            event.organization_id,
            *event.co_organizer_links.values_list("organization_id", flat=True),
            *event.funder_links.values_list("organization_id", flat=True),
        ]
    )
    with translation.override(event.locale.language_code):
        urls |= _feeds(root_url, "")
        urls.add(root_url + reverse("event-ics", kwargs={"id": event.pk}))
        for topic in event.topics.all():
            urls |= _feeds(root_url, "topic-", topic=topic.slug)
        for organization in involved:
            urls |= _feeds(root_url, "organization-", organization=organization.slug)
            profile = organization.get_url()
            if profile:
                urls.add(root_url + profile if profile.startswith("/") else profile)
    return urls


def page_cache_register() -> None:
    page_cache_registry.register(EventPage, event_cached_urls)
