"""Organization profiles for sitemap.xml: they are routes of the directory page, not pages."""

from core.sitemaps import RequestHostSitemap

from .selectors import directory_pages_by_locale, live_organizations


class OrganizationSitemap(RequestHostSitemap):
    """Live organization profiles in every language that has a directory page."""

    def items(self):
        locales = directory_pages_by_locale(self.request).keys()
        return (
            live_organizations().filter(locale_id__in=locales).order_by("locale_id", "name", "pk")
        )

    def _urls(self, page, protocol, domain):
        directories = directory_pages_by_locale(self.request)
        base_urls = {
            locale_id: self.absolute(directory.get_full_url(self.request))
            for locale_id, directory in directories.items()
        }
        return [
            {
                "location": base_urls[organization.locale_id]
                + directories[organization.locale_id].reverse_subpage(
                    "organization", args=[organization.slug]
                ),
                "lastmod": organization.last_published_at,
            }
            for organization in self.paginator.page(page).object_list
        ]
