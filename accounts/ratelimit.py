"""A per-address limit on sign-up submissions, against scripted bursts.

Counted by core.ratelimit in the rate-limit cache, per client address as the login
lockout and the API see it (core.client_address), so all three agree on who the client is.
"""

from django.conf import settings
from django.http import HttpRequest

from core.client_address import client_address
from core.ratelimit import Rate, quota_count


def join_rate_limited(request: HttpRequest) -> bool:
    """Counts this submission and says whether the address went over its allowance."""
    rate = Rate(limit=settings.ACCOUNTS["JOIN_LIMIT"], window=settings.ACCOUNTS["JOIN_WINDOW"])
    quota = quota_count(policy="join", key=f"join:{client_address(request)}", rate=rate)
    return quota.exceeded
