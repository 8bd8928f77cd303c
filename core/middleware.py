"""Middleware shared by the whole site."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import reverse

# Routes outside i18n_patterns whose 404s are answers, not a missing language prefix.
UNPREFIXED_PATHS = ("/api/",)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of the API stays a 404.

    Django redirects a 404 to the same path under the language prefix when that path
    resolves, and Wagtail's catch-all page route makes every such path resolve: an API
    client asking for a missing release would get a redirect to an HTML page.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's, with the directives of ``PRESSROOM_ADMIN_CSP_REPLACE`` replaced under
    Wagtail's admin, whose views are not ours to decorate with ``@csp_replace``."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.replace is None and request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = settings.PRESSROOM_ADMIN_CSP_REPLACE
        return parts
