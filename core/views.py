"""Operational endpoints, and Wagtail's password forms with a limit on guessing."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

from search.health import search_engine_state

from .ratelimit import password_attempts_limit

# Wagtail's password forms of private pages and collections, limited against guessing;
# cms/urls.py mounts them ahead of Wagtail's own routes, on the same paths.
page_password_authenticate = password_attempts_limit(
    wagtail_views.authenticate_with_password, restriction_kwarg="page_view_restriction_id"
)
document_password_authenticate = password_attempts_limit(
    document_views.authenticate_with_password, restriction_kwarg="restriction_id"
)


@never_cache
@require_GET
def healthz(request):
    """The database and the search engine, for load balancers and monitoring.

    503 only when the database does not answer: without the search engine the site still
    serves (search falls back to the database), so that is 200 with status "degraded".
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": {"status": "error", "error": error.__class__.__name__}},
            status=503,
        )
    search = search_engine_state()
    return JsonResponse(
        {
            "status": "degraded" if search["status"] == "unreachable" else "ok",
            "database": {"status": "ok", "vendor": connection.vendor},
            "search": search,
        }
    )
