"""The public page cache: anonymous GETs of pages and feeds served from a shared Django cache,
purged through Wagtail's frontend cache invalidator when content changes.

``middleware`` stores and serves responses; ``backend`` is the invalidator's backend that
forgets them (a CDN or nginx backend may stand beside it in ``WAGTAILFRONTENDCACHE``);
``registry`` is where content apps say which URLs show an object, so they are purged when it
is published, unpublished, moved or deleted (docs/deploy.md, "Page cache").
"""
