"""``/healthz``: wiring, because it reports on the database and on the search host together."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.health import search_engine_state


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
