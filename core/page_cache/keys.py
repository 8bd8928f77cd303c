"""Cache keys of the page cache.

Each URL path has a generation, and the whole cache an epoch; an entry's key holds both, so
purging a path forgets every variant of it (query strings, hosts, Vary values) with one
write, and a change that could touch any page (a privacy rule) forgets them all.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import BaseCache, caches

PREFIX = "pagecache"
EPOCH_KEY = f"{PREFIX}:epoch"


def page_cache() -> BaseCache | None:
    """The cache alias that holds pages, or None while page caching is off."""
    alias = getattr(settings, "PRESSROOM_PAGE_CACHE_ALIAS", None)
    return caches[alias] if alias else None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def generation_key(path: str) -> str:
    return f"{PREFIX}:gen:{_digest(path)}"


def _started(cache: BaseCache, key: str) -> str:
    cache.add(key, secrets.token_hex(8), timeout=None)
    return cache.get(key, "")


def generations_current(cache: BaseCache, path: str) -> str:
    """The epoch and the path's generation (one round trip when both exist); purges delete them."""
    gen_key = generation_key(path)
    found = cache.get_many([EPOCH_KEY, gen_key])
    epoch = found.get(EPOCH_KEY) or _started(cache, EPOCH_KEY)
    generation = found.get(gen_key) or _started(cache, gen_key)
    return f"{epoch}.{generation}"


def entry_key(generations: str, *, host: str, full_path: str, language: str) -> str:
    """Where one response lives: host, path with its query string exactly as sent, and
    language each change the key, so no two of them ever share an entry."""
    return f"{PREFIX}:page:{generations}:{_digest(host, full_path, language)}"
