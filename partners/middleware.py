"""Access control for everything under the API prefix: token refusal and rate limits.

A middleware rather than Ninja auth alone, so that Wagtail's own v3 routers (pages, sites,
schema, whoami) share our limits and refuse bad tokens exactly as our routers do, instead
of silently treating a revoked token as an anonymous reader.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from wagtail.api.v3.errors import problem_response

from core.ratelimit import Quota, Rate, anonymous_quota_count, quota_count, quota_exceeded_response

from .credentials import api_credentials_resolve


class ApiAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(settings.PRESSROOM_API_PATH_PREFIX):
            return self.get_response(request)
        credentials = api_credentials_resolve(request)
        request.partner = credentials.partner
        quota = self._count(request, credentials)
        if quota.exceeded:
            response = quota_exceeded_response(quota)
        elif credentials.refusal:
            response = problem_response(status=401, detail=credentials.refusal)
            # RFC 6750 §3: a refused bearer token is answered with its error code.
            response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        else:
            response = self.get_response(request)
        for name, value in quota.headers().items():
            response[name] = value
        return response

    def _count(self, request: HttpRequest, credentials) -> Quota:
        """Tokens count against their own bucket; anonymous and refused requests against
        the client address, so guessing tokens is throttled like anonymous reading."""
        if credentials.token is not None:
            partner = credentials.partner
            if partner is not None and partner.rate_limit:
                rate = Rate(limit=partner.rate_limit, window=60)
            else:
                rate = Rate.parse(settings.PRESSROOM_API_TOKEN_RATE)
            return quota_count(policy="token", key=f"token:{credentials.token.pk}", rate=rate)
        return anonymous_quota_count(request)
