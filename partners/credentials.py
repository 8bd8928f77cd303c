"""Who is calling the API: a partner's (or staff member's) bearer token, or nobody.

Resolved once per request and memoised on it, by the access middleware (which rate-limits
on it) and by ``partners.auth`` (which hands it to Ninja), so a token costs one query.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import APIToken

from .models import PartnerSite

REQUEST_ATTRIBUTE = "_pressroom_api_credentials"
# One message for every refused token, so that a caller cannot tell a revoked token, an
# inactive partner and a token that never existed apart.
REFUSAL_INVALID = "The bearer token is invalid, revoked or not active."


@dataclass(frozen=True)
class ApiCredentials:
    token: APIToken | None = None
    partner: PartnerSite | None = None
    # Why a presented token was refused; "" when it was accepted or there was none.
    refusal: str = ""

    @property
    def anonymous(self) -> bool:
        return self.token is None


def bearer_token(request: HttpRequest) -> str | None:
    """The token of an ``Authorization: Bearer`` header, as Ninja's HttpBearer reads it."""
    header = request.headers.get("Authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


def api_credentials_resolve(request: HttpRequest) -> ApiCredentials:
    cached = getattr(request, REQUEST_ATTRIBUTE, None)
    if cached is None:
        cached = _resolve(bearer_token(request))
        setattr(request, REQUEST_ATTRIBUTE, cached)
    return cached


def _resolve(token: str | None) -> ApiCredentials:
    if token is None:
        return ApiCredentials()
    # The offline checksum turns away typos and guesses without a query.
    if not APIToken.validate_token_format(token):
        return ApiCredentials(refusal=REFUSAL_INVALID)
    api_token = (
        APIToken.objects.select_related("user", "user__partner_site")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    if api_token is None or not api_token.user.is_active:
        return ApiCredentials(refusal=REFUSAL_INVALID)
    partner = getattr(api_token.user, "partner_site", None)
    if partner is not None and not partner.active:
        return ApiCredentials(refusal=REFUSAL_INVALID)
    _touch_last_used(api_token)
    return ApiCredentials(token=api_token, partner=partner)


def _touch_last_used(api_token: APIToken) -> None:
    """As Wagtail's BearerTokenAuth does: at most one write per token per interval."""
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    if interval is None:
        return
    now = timezone.now()
    if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() >= interval:
        APIToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        api_token.last_used_at = now
