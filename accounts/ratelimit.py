"""A per-address limit on sign-up submissions, against scripted bursts.

A fixed window counted in Django's cache: with the default per-process local-memory
cache each worker counts on its own; a shared cache (CACHES) makes it one count.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def join_rate_limited(request: HttpRequest) -> bool:
    """Counts this submission and says whether the address went over its allowance.

    The client address is resolved as axes resolves it (AXES_PROXY_COUNT), so the
    login lockout and this limit agree on who the client is.
    """
    key = f"accounts:join:{get_client_ip_address(request)}"
    cache.add(key, 0, timeout=settings.ACCOUNTS["JOIN_WINDOW"])
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=settings.ACCOUNTS["JOIN_WINDOW"])
        count = 1
    return count > settings.ACCOUNTS["JOIN_LIMIT"]
