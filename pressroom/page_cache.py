"""The pages that show a release or an organization, for the page cache's purges.

A release shows on its own page, its newsroom and the indexes above it, its locale's home
page, the site, organization and topic feeds, and the profiles of the organizations it
involves. An organization shows on its newsroom (and the indexes and home above it), its
feeds and the pages of the releases that credit it. The directory registers its profile.
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from core.page_cache.registry import page_cache_registry
from directory.models import Organization

from .models import PressReleaseIndexPage, PressReleasePage

FEED_NAMES = ("feed-rss", "feed-atom", "feed-json")
ORGANIZATION_FEED_NAMES = tuple(f"organization-{name}" for name in FEED_NAMES)
TOPIC_FEED_NAMES = tuple(f"topic-{name}" for name in FEED_NAMES)


def _pages_urls(pages: Iterable[Page]) -> set[str]:
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def _feed_urls(root_url: str, language: str, names: Iterable[str], **kwargs: str) -> set[str]:
    with translation.override(language):
        return {root_url + reverse(name, kwargs=kwargs) for name in names}


def _absolute(root_url: str, url: str | None) -> str | None:
    return root_url + url if url and url.startswith("/") else url


def release_cached_urls(release: PressReleasePage) -> set[str]:
    site = release.get_site()
    if site is None:
        return set()
    root_url, language = site.root_url, release.locale.language_code
    # The release, its newsroom, the indexes above it and its locale's home page.
    urls = _pages_urls([release, *release.get_ancestors().specific(defer=True)])
    urls |= _feed_urls(root_url, language, FEED_NAMES)
    for topic in release.topics.all():
        urls |= _feed_urls(root_url, language, TOPIC_FEED_NAMES, topic=topic.slug)
    involved = Organization.objects.filter(
        pk__in=[
            release.organization_id,
            *release.participant_links.values_list("organization_id", flat=True),
            *release.funder_links.values_list("organization_id", flat=True),
        ]
    )
    for organization in involved:
        urls |= _feed_urls(
            root_url, language, ORGANIZATION_FEED_NAMES, organization=organization.slug
        )
        urls.add(_absolute(root_url, organization.get_url()))
    return {url for url in urls if url}


def organization_cached_urls(organization: Organization) -> set[str]:
    newsrooms = PressReleaseIndexPage.objects.filter(organization=organization)
    releases = PressReleasePage.objects.involving(organization)
    urls = _pages_urls(releases.specific(defer=True))
    for newsroom in newsrooms:
        urls |= _pages_urls([newsroom, *newsroom.get_ancestors().specific(defer=True)])
        site = newsroom.get_site()
        if site is not None:
            language = organization.locale.language_code
            urls |= _feed_urls(
                site.root_url, language, ORGANIZATION_FEED_NAMES, organization=organization.slug
            )
    return urls


def page_cache_register() -> None:
    page_cache_registry.register(PressReleasePage, release_cached_urls)
    page_cache_registry.register(Organization, organization_cached_urls)
