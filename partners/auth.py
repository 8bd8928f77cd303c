"""Authentication for our public-read API routers (owned by the partners app).

Wagtail's ``BearerTokenAuth`` treats an unknown or revoked token as no token at all, so a
partner whose token was revoked would silently read as anonymous; ours refuses it with a
401 problem. The access middleware has usually resolved the token already (one query).
"""

from ninja.errors import AuthenticationError
from wagtail.api.v3 import auth as wagtail_auth

from .credentials import api_credentials_resolve


class BearerTokenAuth(wagtail_auth.BearerTokenAuth):
    """A partner's bearer token; sets ``request.auth``, ``request.user``, ``request.partner``.

    Named as Wagtail's class on purpose: Ninja names the OpenAPI security scheme after the
    class, and partners should see one scheme for Wagtail's routers and ours.
    """

    def authenticate(self, request, token: str):
        credentials = api_credentials_resolve(request)
        if credentials.refusal:
            raise AuthenticationError(401, credentials.refusal)
        if credentials.token is None:
            return None
        request.user = credentials.token.user
        request.partner = credentials.partner
        return credentials.token


class AllowAnonymous(wagtail_auth.AllowAnonymous):
    def __call__(self, request):
        request.partner = None
        return super().__call__(request)


# Ninja tries these in order: a partner's Bearer token, else an anonymous reader.
PUBLIC_READ_AUTH = [BearerTokenAuth(), AllowAnonymous()]
