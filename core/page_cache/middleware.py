"""Serves anonymous readers' GETs of public pages and feeds from the page cache.

A response is stored only when it is the same for every anonymous reader: a 200, no
cookie set, no session written, no CSRF token, no message shown, nothing ``private`` or
``no-cache``, no ``Vary: Cookie``. Other Vary headers are respected: the request's values are
stored with the response and must match. Requests with a session, a pending message or
credentials always reach the view. Purges go through Wagtail (``backend``, ``registry``).
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import cc_delim_re, get_max_age
from django.utils.translation import get_language

from .keys import entry_key, generations_current, page_cache

HIT_HEADER = "X-Page-Cache"
NEVER_STORED = {"private", "no-cache", "no-store"}


def _vary_headers(response: HttpResponseBase) -> list[str]:
    if not response.has_header("Vary"):
        return []
    return sorted({h.strip().lower() for h in cc_delim_re.split(response["Vary"]) if h.strip()})


def _vary_values(request: HttpRequest, headers: list[str]) -> tuple[str, ...]:
    return tuple(request.headers.get(header, "") for header in headers)


def request_cacheable(request: HttpRequest) -> bool:
    """An anonymous reader's GET or HEAD outside the paths that must always be fresh."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "Authorization" in request.headers:
        return False
    private_cookies = (settings.SESSION_COOKIE_NAME, "messages")
    if any(name in request.COOKIES for name in private_cookies):
        return False
    excluded = settings.PRESSROOM_PAGE_CACHE_EXCLUDE
    return not any(re.match(pattern, request.path_info) for pattern in excluded)


def response_cacheable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """The same for every anonymous reader, and nothing of one reader's in it."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & NEVER_STORED or get_max_age(response) == 0:
        return False
    if {"cookie", "*"} & set(_vary_headers(response)):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages.used or messages.added_new))


class PageCacheMiddleware:
    """Looks a request up before any view runs, and stores what the view answered.

    The generations are read before the view renders, so a purge that lands while it renders
    leaves the stale copy under a forgotten key: no reader ever gets it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        cache = page_cache()
        if cache is None or not request_cacheable(request):
            return self.get_response(request)
        key = entry_key(
            generations_current(cache, request.path),
            host=request.get_host(),
            full_path=request.get_full_path(),
            language=get_language() or "",
        )
        stored = cache.get(key)
        if stored is not None:
            vary, values, response = stored
            if values == _vary_values(request, vary):
                response[HIT_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if request.method == "GET" and response_cacheable(request, response):
            vary = _vary_headers(response)
            timeout = settings.PRESSROOM_PAGE_CACHE_TIMEOUT
            cache.set(key, (vary, _vary_values(request, vary), response), timeout)
            response[HIT_HEADER] = "miss"
        return response
