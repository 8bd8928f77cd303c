"""Authentication for our public-read API routers (owned by the partners app)."""

from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

# Ninja tries these in order: a partner's Bearer token, else an anonymous reader.
PUBLIC_READ_AUTH = [BearerTokenAuth(), AllowAnonymous()]
