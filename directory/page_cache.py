"""The pages that show an organization in the directory, for the page cache's purges."""

from core.page_cache.registry import page_cache_registry

from .models import DirectoryIndexPage, Organization


def organization_cached_urls(organization: Organization) -> set[str]:
    """Its profile and its locale's directory list (every filter and page of it)."""
    directory = DirectoryIndexPage.objects.live().filter(locale_id=organization.locale_id).first()
    if directory is None:
        return set()
    list_url = directory.get_full_url()
    if list_url is None:
        return set()
    profile = list_url + directory.reverse_subpage("organization", args=[organization.slug])
    return {list_url, profile}


def page_cache_register() -> None:
    page_cache_registry.register(Organization, organization_cached_urls)
