"""The page sitemap over every language, and the host rule every sitemap of ours follows.

Content apps with URLs outside the page tree add sitemaps of their own (built on
``RequestHostSitemap``); ``cms/urls.py`` lists them.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class RequestHostSitemap(Sitemap):
    """URLs on the host the site is served from.

    Wagtail builds full URLs from the Site record. A request whose host names a Site keeps
    that Site's root URL; one that fell through to the default Site (a fresh install still
    called ``localhost``) gets its own scheme and host, already checked against
    ``ALLOWED_HOSTS`` by Django.
    """

    def absolute(self, url: str) -> str:
        site = self.get_wagtail_site()
        if self.request is None or site.hostname == self.request.get_host().rsplit(":", 1)[0]:
            return url
        if not url.startswith(site.root_url):
            return url
        return self.request.build_absolute_uri("/").rstrip("/") + url[len(site.root_url) :]


class LocalizedPageSitemap(RequestHostSitemap):
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

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = self.absolute(url_info["location"])
        return urls
