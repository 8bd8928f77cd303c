"""The search engine's state for /healthz: reachable or not, and what it still owes us."""

from django.db import DatabaseError
from django.db.models import Count, Min
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from search.models import IndexChange
from search.outbox import EngineUnreachable, engine_call

# A health probe must answer before a load balancer gives up on /healthz.
PROBE_TIMEOUT = 2


def search_engine_state() -> dict:
    """``status``: ok, unreachable, or not_configured (the database backend needs no engine).

    ``backlog`` counts outbox rows not yet applied, ``oldest_pending_seconds`` the age of the
    oldest; a backlog that grows while the engine is ok means nothing applies it.
    """
    backend = get_search_backend("default")
    if not backend.catch_indexing_errors:
        state = {"status": "not_configured", "backend": "database"}
    else:
        client = backend.es.options(request_timeout=PROBE_TIMEOUT, max_retries=0)
        try:
            # Cluster health rather than a ping: a red cluster answers but cannot index.
            health = engine_call(backend, client.cluster.health)
        except EngineUnreachable as error:
            state = {"status": "unreachable", "error": str(error)[:200]}
        else:
            state = {"status": "ok", "cluster": health["status"]}
    try:
        outbox = IndexChange.objects.aggregate(backlog=Count("id"), oldest=Min("created_at"))
    except DatabaseError as error:  # e.g. migrations not applied yet: still answer the probe
        state.update(backlog=None, oldest_pending_seconds=None, outbox_error=type(error).__name__)
        return state
    state["backlog"] = outbox["backlog"]
    state["oldest_pending_seconds"] = (
        round((timezone.now() - outbox["oldest"]).total_seconds()) if outbox["oldest"] else None
    )
    return state
