"""Which pages show an object, and purging them when it changes.

Content apps register, from their ``AppConfig.ready()``, a function listing the absolute URLs
of every page that shows an instance of a model (the object's own page, the lists and feeds
it appears in, its profile)::

    page_cache_registry.register(EventPage, event_cached_urls)

The registry then purges those URLs, through Wagtail's frontend cache invalidator, when an
instance is published, unpublished, moved, given a new slug or deleted (or saved, for a model
without drafts): before and after a move, a new slug or a deletion, and once the transaction
commits, so no reader re-caches the old version in between. Nothing here knows any content model.
"""

import threading
from collections.abc import Callable, Iterable
from functools import partial

from django.db import models, transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.models import DraftStateMixin, Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from .keys import EPOCH_KEY, page_cache

CachedUrls = Callable[[models.Model], Iterable[str]]


def purge_on_commit(urls: Iterable[str]) -> None:
    """Purges ``urls`` once the change is committed (at once outside a transaction)."""
    urls = sorted({url for url in urls if url})
    if urls:
        transaction.on_commit(partial(purge_urls_from_cache, urls), robust=True)


class PageCacheRegistry:
    def __init__(self) -> None:
        self._cached_urls: dict[type[models.Model], list[CachedUrls]] = {}
        self._moving = threading.local()

    def register(self, model: type[models.Model], cached_urls: CachedUrls) -> None:
        """``cached_urls(instance)`` lists the absolute URLs of the pages that show it."""
        if model not in self._cached_urls:
            self._cached_urls[model] = []
            self._connect(model)
        self._cached_urls[model].append(cached_urls)

    def urls_for(self, instance: models.Model) -> set[str]:
        """Every registered URL that shows ``instance`` (a page is asked as its specific type)."""
        if isinstance(instance, Page):
            instance = instance.specific_deferred
        urls: set[str] = set()
        for model, functions in self._cached_urls.items():
            if isinstance(instance, model):
                for cached_urls in functions:
                    urls.update(cached_urls(instance))
        return urls

    def _connect(self, model: type[models.Model]) -> None:
        uid = f"page_cache_{model._meta.label}"
        if issubclass(model, Page):
            changed_signals = [page_published, page_unpublished]
        elif issubclass(model, DraftStateMixin):
            changed_signals = [published, unpublished]
        else:
            changed_signals = [post_save]
        for signal in changed_signals:
            signal.connect(self._changed, sender=model, dispatch_uid=uid)
        # Before the rows go: afterwards the pages that listed the object cannot be found.
        pre_delete.connect(self._changed, sender=model, dispatch_uid=uid)

    def _changed(self, sender, instance: models.Model, **kwargs) -> None:
        purge_on_commit(self.urls_for(instance))

    def page_moving(self, sender, instance: Page, **kwargs) -> None:
        """Remembers the URLs the page and its subtree had before the move."""
        self._moving.urls = self._subtree_urls(instance) | self.urls_for(instance)

    def page_moved(self, sender, instance: Page, **kwargs) -> None:
        before = getattr(self._moving, "urls", set())
        self._moving.urls = set()
        purge_on_commit(before | self._subtree_urls(instance) | self.urls_for(instance))

    def slug_changed(self, sender, instance: Page, instance_before: Page, **kwargs) -> None:
        """Forgets the addresses the page and its subtree had before: Wagtail redirects them
        now, and a reader must get that redirect, not the copy cached under the old slug."""
        urls = self.urls_for(instance_before)
        old_root, new_root = instance_before.get_full_url(), instance.get_full_url()
        if old_root and new_root:
            urls |= {
                old_root + url[len(new_root) :]
                for url in self._subtree_urls(instance)
                if url.startswith(new_root)
            }
        purge_on_commit(urls)

    @staticmethod
    def _subtree_urls(page: Page) -> set[str]:
        batch = PurgeBatch()
        batch.add_pages(Page.objects.descendant_of(page, inclusive=True).specific(defer=True))
        return batch.urls


def privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    """A page turning private (or public) changes its subtree and every list showing it:
    our cache forgets everything; a CDN is told about the subtree."""
    cache = page_cache()
    if cache is not None:
        transaction.on_commit(partial(cache.delete, EPOCH_KEY), robust=True)
    purge_on_commit(PageCacheRegistry._subtree_urls(instance.page))


page_cache_registry = PageCacheRegistry()


def signal_handlers_connect() -> None:
    """Moves and privacy rules concern every page, registered or not."""
    pre_page_move.connect(page_cache_registry.page_moving, dispatch_uid="page_cache_moving")
    post_page_move.connect(page_cache_registry.page_moved, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(page_cache_registry.slug_changed, dispatch_uid="page_cache_slug")
    post_save.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="page_cache_pvr")
    pre_delete.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="page_cache_pvr")
