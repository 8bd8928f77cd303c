"""Fixed-window request counting in Django's cache, and the headers that describe it.

Why not Ninja's throttles (ninja/throttling.py): they can only refuse, so the RateLimit
headers every response should carry have nowhere to come from; they keep a list of
timestamps per client, read and rewritten on each request, so concurrent requests lose
counts; and they apply per router, while Wagtail's own v3 routers need the same limits.
Here one counter per client and window is bumped with ``cache.incr``, atomic on the
shared caches production uses (Redis, Memcached) and on the local-memory cache.
"""

import ipaddress
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

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


def client_address(request: HttpRequest) -> str:
    """The client's IP address for anonymous limits.

    REMOTE_ADDR unless ``PRESSROOM_API_CLIENT_IP_HEADER`` names a header set by our own
    reverse proxy; then the address ``PRESSROOM_API_TRUSTED_PROXIES`` places from the right
    of that header (1: the last one, appended by the proxy nearest to us). Addresses to its
    left are client-supplied and could be anything, so they are never used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = getattr(settings, "PRESSROOM_API_CLIENT_IP_HEADER", "")
    if not header:
        return remote
    value = request.headers.get(header, "")
    hops = [hop.strip() for hop in value.split(",") if hop.strip()]
    position = max(int(getattr(settings, "PRESSROOM_API_TRUSTED_PROXIES", 1)), 1)
    if len(hops) < position:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-position]))
    except ValueError:
        return remote
