"""The page cache's backend for Wagtail's frontend cache invalidator.

Wagtail hands every purge to each backend of ``WAGTAILFRONTENDCACHE``; this one forgets the
purged paths in our own cache, so the pages it holds and a CDN or nginx cache in front are
purged by the same call (``wagtail.contrib.frontend_cache.utils.purge_urls_from_cache``).
"""

from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from .keys import generation_key, page_cache


class PageCacheBackend(BaseBackend):
    """Forgets every cached variant of each purged URL's path (any query string, any host)."""

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls: Iterable[str]) -> None:
        cache = page_cache()
        if cache is None:
            return
        paths = {unquote(urlsplit(url).path) for url in urls}
        cache.delete_many([generation_key(path) for path in paths])
