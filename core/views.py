"""robots.txt, the favicon, the server-error page, and Wagtail's password forms with a limit
on guessing."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views import defaults
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

from .ratelimit import password_attempts_limit

# Wagtail's password forms of private pages and collections, limited against guessing;
# cms/urls.py mounts them ahead of Wagtail's own routes, on the same paths.
page_password_authenticate = password_attempts_limit(
    wagtail_views.authenticate_with_password, restriction_kwarg="page_view_restriction_id"
)
document_password_authenticate = password_attempts_limit(
    document_views.authenticate_with_password, restriction_kwarg="restriction_id"
)


@require_GET
def robots_txt(request):
    """Crawlers get the sitemap and stay out of the admin, the API, search result pages (an
    endless space of query and filter combinations) and the organization account forms."""
    disallowed = ["/admin/", "/api/"]
    for language, _name in settings.LANGUAGES:
        disallowed += [f"/{language}/search/", f"/{language}/organizations/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever a page's ``<link rel="icon">`` says.

    Not permanent: the static file's hashed name changes with its content in production.
    """
    return redirect(static("core/favicon.svg"))


# Long enough for a database restart or failover; short enough that readers come back.
DATABASE_RETRY_AFTER = 30


def server_error(request, template_name: str = defaults.ERROR_500_TEMPLATE_NAME):
    """Django's 500 page, but a 503 with ``Retry-After`` when the database could not be reached.

    While PostgreSQL restarts every request fails on its connection: that is the service
    being unavailable for a moment, which clients, crawlers and load balancers should retry,
    not a fault in the code. Errors in a query (integrity, syntax) stay 500s.
    """
    response = defaults.server_error(request, template_name=template_name)
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response.status_code = 503
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response
