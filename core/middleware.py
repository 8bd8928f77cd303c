"""Middleware shared by the whole site."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

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
