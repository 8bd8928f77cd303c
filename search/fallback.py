"""Search during an Elasticsearch outage: the project's own database search, bounded.

The outbox keeps Wagtail's database index (the ``database`` entry of WAGTAILSEARCH_BACKENDS,
with the Azerbaijani stems, folding and transliteration of search/morphology.py) up to date
beside Elasticsearch, so the fallback ranks and folds as ``make run``'s search does. Its
cost is bounded, so an outage never ties a worker up: at most ``MATCHES`` results per type,
each step a LIMITed query, and a time budget that PostgreSQL's ``statement_timeout`` (SQLite:
a progress handler) enforces inside a query and a deadline between queries. Out of time, the
reader gets an empty answer that says so, never an error page.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction
from wagtail.search.backends import get_search_backend

from . import database
from .elasticsearch import RawResults
from .query import SearchQuery

# The WAGTAILSEARCH_BACKENDS entry the outbox keeps beside Elasticsearch.
BACKEND_ALIAS = "database"
DATABASE_BACKEND = "wagtail.search.backends.database"
# SQLite calls the progress handler every this many virtual-machine instructions.
SQLITE_PROGRESS_STEPS = 10_000


def fallback_setting(name: str):
    """``SEARCH_FALLBACK[name]``; a test's partial dict keeps the defaults of the rest."""
    return {"BUDGET": 0.8, "MATCHES": 500, **settings.SEARCH_FALLBACK}[name]


def _postgresql_cancelled(error: OperationalError) -> bool:
    from psycopg import errors

    return isinstance(error.__cause__, errors.QueryCanceled)


@contextmanager
def time_bound(seconds: float) -> Iterator[float]:
    """Cancels any query still running ``seconds`` from now (raising ``database.TooSlow``);
    yields the deadline, for the caller's checks between queries."""
    deadline = time.monotonic() + seconds
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SHOW statement_timeout")
                    previous = cursor.fetchone()[0]
                    timeout = f"{max(1, round(seconds * 1000))}ms"
                    cursor.execute("SET LOCAL statement_timeout = %s", [timeout])
                yield deadline
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = %s", [previous])
        except OperationalError as error:
            if _postgresql_cancelled(error):
                raise database.TooSlow from error
            raise
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        sqlite = connection.connection
        sqlite.set_progress_handler(lambda: time.monotonic() > deadline, SQLITE_PROGRESS_STEPS)
        try:
            yield deadline
        except OperationalError as error:
            if time.monotonic() > deadline:
                raise database.TooSlow from error
            raise
        finally:
            sqlite.set_progress_handler(None, 0)
    else:
        yield deadline


def fallback_search(query: SearchQuery) -> RawResults:
    """The database's answer within the budget, or an empty one marked ``timed_out``."""
    # Settings that name no such entry (a test's, an old override) get the backend by path:
    # it searches the same index, which nothing then keeps up to date.
    configured = BACKEND_ALIAS in settings.WAGTAILSEARCH_BACKENDS
    backend = get_search_backend(BACKEND_ALIAS if configured else DATABASE_BACKEND)
    try:
        with time_bound(fallback_setting("BUDGET")) as deadline:
            return database.search(
                backend, query, limit=fallback_setting("MATCHES"), deadline=deadline
            )
    except database.TooSlow:
        return RawResults(count=0, hits=[], facets={}, suggestion=None, timed_out=True)
