"""sitemap.xml over every language: pages of each locale's tree and organization profiles."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedPageSitemap(Sitemap):
    """Wagtail's sitemap walks only the site root's descendants, i.e. the default language.

    The other languages' homes are translations of the root beside it, so walk every
    translation of the root.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = reduce(or_, (Q(path__startswith=root.path) for root in roots), Q(pk=None))
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


class OrganizationSitemap(Sitemap):
    """Live organization profiles in every language that has a directory page.

    Built on Wagtail's sitemap so profile URLs use the Wagtail site's host, like the pages.
    """

    def items(self):
        from directory.models import Organization
        from directory.selectors import directory_pages_by_locale

        locales = directory_pages_by_locale(self.request).keys()
        return Organization.objects.filter(live=True, locale_id__in=locales).order_by(
            "locale_id", "name", "pk"
        )

    def _urls(self, page, protocol, domain):
        from directory.selectors import directory_pages_by_locale

        directories = directory_pages_by_locale(self.request)
        base_urls = {
            locale_id: directory.get_full_url(self.request)
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


SITEMAPS = {"pages": LocalizedPageSitemap, "organizations": OrganizationSitemap}
