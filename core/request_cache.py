"""Lookups remembered on the request: the header, the sidebar and the lists of one page ask
for the same pages and organizations several times, from several apps' template tags."""

from collections.abc import Callable
from typing import Any

ATTRIBUTE = "_pressroom_request_cache"


def request_cached(request, key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per request and ``key``; every time without a request."""
    if request is None:
        return compute()
    cache = getattr(request, ATTRIBUTE, None)
    if cache is None:
        cache = {}
        setattr(request, ATTRIBUTE, cache)
    if key not in cache:
        cache[key] = compute()
    return cache[key]
