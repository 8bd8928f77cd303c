"""robots.txt and the favicon, and Wagtail's password forms with a limit on guessing."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
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
