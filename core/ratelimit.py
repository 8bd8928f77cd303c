"""Fixed-window request counting in Django's cache, and the headers that describe it.

Why not Ninja's throttles (ninja/throttling.py): they can only refuse, so the RateLimit
headers every response should carry have nowhere to come from; they keep a list of
timestamps per client, read and rewritten on each request, so concurrent requests lose
counts; and they apply per router, while Wagtail's own v3 routers need the same limits.
Here one counter per client and window is bumped with ``cache.incr``, atomic on the
shared caches production uses (Redis, Memcached) and on the local-memory cache.

The API's middleware (partners) and the site's own JSON views (search) share the anonymous
allowance below, so the JSON twins of the API are no way around its limit.
"""

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.api.v3.errors import problem_response

from .client_address import client_address

RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(s|sec|second|m|min|minute|h|hour|d|day)\s*$")
PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60}
PERIODS |= {"h": 3600, "hour": 3600, "d": 86400, "day": 86400}


@dataclass(frozen=True)
class Rate:
    limit: int
    window: int  # seconds

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """``"60/min"``, ``"1000/hour"``, ``"10/30s"``; ValueError otherwise."""
        match = RATE_PATTERN.match(text or "")
        if not match:
            raise ValueError(f"{text!r} is not a rate such as '60/min'")
        count, multiple, unit = match.groups()
        window = int(multiple or 1) * PERIODS[unit]
        if int(count) < 1 or window < 1:
            raise ValueError(f"{text!r} must allow at least one request per period")
        return cls(limit=int(count), window=window)


@dataclass(frozen=True)
class Quota:
    """The state of one client's window after counting this request."""

    policy: str
    rate: Rate
    used: int
    reset: int  # seconds until the window ends

    @property
    def exceeded(self) -> bool:
        return self.used > self.rate.limit

    @property
    def remaining(self) -> int:
        return max(self.rate.limit - self.used, 0)

    def headers(self) -> dict[str, str]:
        """draft-ietf-httpapi-ratelimit-headers (-08 on) fields, plus the older three
        separate fields that many client libraries still read."""
        headers = {
            "RateLimit-Policy": f'"{self.policy}";q={self.rate.limit};w={self.rate.window}',
            "RateLimit": f'"{self.policy}";r={self.remaining};t={self.reset}',
            "RateLimit-Limit": str(self.rate.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
        }
        if self.exceeded:
            headers["Retry-After"] = str(self.reset)
        return headers


def quota_count(*, policy: str, key: str, rate: Rate) -> Quota:
    """Counts one request against ``key``'s current window."""
    cache = caches[settings.PRESSROOM_API_RATE_CACHE]
    now = time.time()
    window_start = math.floor(now / rate.window) * rate.window
    cache_key = f"pressroom:ratelimit:{key}:{rate.window}:{window_start}"
    # add() is a no-op when the key exists, so concurrent first requests do not reset it.
    cache.add(cache_key, 0, timeout=rate.window + 1)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # evicted between add() and incr()
        cache.set(cache_key, 1, timeout=rate.window + 1)
        used = 1
    reset = max(math.ceil(window_start + rate.window - now), 1)
    return Quota(policy=policy, rate=rate, used=used, reset=reset)


def anonymous_quota_count(request: HttpRequest) -> Quota:
    """Counts one request against its client address's ``PRESSROOM_API_ANON_RATE``."""
    rate = Rate.parse(settings.PRESSROOM_API_ANON_RATE)
    return quota_count(policy="anonymous", key=f"ip:{client_address(request)}", rate=rate)


def quota_exceeded_response(quota: Quota) -> HttpResponse:
    """The 429 problem every limited JSON endpoint answers past its limit."""
    return problem_response(
        status=429,
        detail=f"Rate limit of {quota.rate.limit} requests per {quota.rate.window} "
        f"seconds exceeded; retry in {quota.reset} seconds.",
    )


def anonymous_rate_limit(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Limits a public JSON view as the API limits anonymous readers, in the same bucket."""

    @wraps(view)
    def limited_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        quota = anonymous_quota_count(request)
        if quota.exceeded:
            response = quota_exceeded_response(quota)
        else:
            response = view(request, *args, **kwargs)
        for name, value in quota.headers().items():
            response[name] = value
        return response

    return limited_view


def password_attempts_limit(
    view: Callable[..., HttpResponse], *, restriction_kwarg: str
) -> Callable[..., HttpResponse]:
    """Limits submissions of one of Wagtail's password forms (private pages, collections)
    per client address and restriction, at ``PRESSROOM_PASSWORD_ATTEMPT_RATE``.

    Every POST counts, before the password is compared: counting only failures would need
    a read before the count, which concurrent guesses could all pass. A reader who knows
    the password needs one attempt; the restriction, not the page, is what is guessed, so
    the pages of one protected subtree share their count.
    """

    @wraps(view)
    def limited_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            rate = Rate.parse(settings.PRESSROOM_PASSWORD_ATTEMPT_RATE)
            restriction = kwargs[restriction_kwarg]
            key = f"password:{restriction_kwarg}:{restriction}:{client_address(request)}"
            quota = quota_count(policy="password", key=key, rate=rate)
            if quota.exceeded:
                response = TemplateResponse(
                    request,
                    "core/password_attempts_limited.html",
                    {"minutes": math.ceil(quota.reset / 60)},
                    status=429,
                )
                response["Retry-After"] = str(quota.reset)
                return response
        return view(request, *args, **kwargs)

    return limited_view
