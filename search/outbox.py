"""The search outbox: recording index changes with the content, and replaying them.

Every save or delete of an indexed model adds an ``IndexChange`` row in the editor's
transaction (``index_change_record``). ``outbox_apply`` later brings the search engine in
line with the database for every object named in the outbox, then deletes those rows; a
change the engine could not take stays, with its attempts and last error, until the next
successful contact or ``manage.py search_sync``.

Replaying reads each object's *current* state, so it is idempotent and coalesces any number
of changes to one object into one index operation: an object that exists and is indexable is
upserted, anything else (deleted, or no longer in ``get_indexed_objects()``) is deleted.

When the outbox is applied is ``settings.SEARCH_SYNC["APPLY"]`` (docs/search-resilience.md):
``thread`` after commit on a background thread of the same process, ``task`` after commit
through django-tasks (a worker), ``immediate`` in the saving code's own transaction (the
database backend, SQLite, tests); ``auto`` = ``thread`` for Elasticsearch on PostgreSQL,
else ``immediate``.
"""

import atexit
import dataclasses
import logging
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from django_tasks import task
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search import index
from wagtail.search.backends import get_search_backends_with_name

from search.models import IndexChange

logger = logging.getLogger(__name__)

APPLY_MODES = {"auto", "thread", "task", "immediate"}
DEFAULTS = {"APPLY": "auto", "RETRY_AFTER": 15.0, "BATCH_SIZE": 500}
# Any constant unique among the project's advisory locks: "search outbox" in ASCII, truncated.
APPLIER_LOCK_ID = 0x7365617263686F75

# Process-local: after a failed contact, automatic applies wait this long before trying the
# engine again, so a dead engine costs one timeout per window, not one per save.
_engine_down_until = 0.0


def sync_setting(name: str):
    return {**DEFAULTS, **getattr(settings, "SEARCH_SYNC", {})}[name]


class EngineUnreachable(Exception):
    """The search engine did not answer; the outbox keeps what was not applied."""


@dataclasses.dataclass
class ApplyResult:
    applied: int = 0  # outbox rows cleared
    objects: int = 0  # index operations sent (after coalescing)
    failed: int = 0  # rows kept because their object could not be indexed
    remaining: int = 0  # rows still in the outbox afterwards
    unreachable: bool = False
    skipped: bool = False  # not tried: the engine failed less than RETRY_AFTER ago
    error: str = ""


def index_change_record(*, instance: models.Model, action: str) -> IndexChange | None:
    """Adds ``instance``'s change to the outbox, in the caller's transaction.

    An upsert names the instance Wagtail would index (a page's specific class); ``None``
    when there is nothing to index yet (a page saved before its specific row exists).
    """
    if action == IndexChange.Action.UPSERT:
        instance = instance.get_indexed_instance()
        if instance is None:
            return None
    return IndexChange.objects.create(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        action=action,
    )


def index_changes_record(
    *, model: type[models.Model], pks: Iterable, action: str = IndexChange.Action.UPSERT
) -> int:
    """Adds a change of each of ``model``'s objects ``pks`` to the outbox, in one insert.

    For objects whose documents embed another object's values that just changed (a
    release names its organizations): their own rows did not change, so nothing else
    would record them. Returns how many were recorded.
    """
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    rows = [IndexChange(content_type=content_type, object_id=str(pk), action=action) for pk in pks]
    IndexChange.objects.bulk_create(rows, batch_size=sync_setting("BATCH_SIZE"))
    return len(rows)


def outbox_apply(
    *,
    force: bool = False,
    batch_size: int | None = None,
    on_progress: Callable[[ApplyResult], None] | None = None,
) -> ApplyResult:
    """Drains the whole outbox onto every auto-updated search backend, batch by batch.

    Stops at the first sign that the engine is unreachable and leaves the rest for later.
    ``force`` ignores the retry window (the ``search_sync`` command).
    """
    global _engine_down_until
    result = ApplyResult()
    if not force and time.monotonic() < _engine_down_until:
        result.skipped = True
        result.remaining = IndexChange.objects.count()
        return result
    batch_size = batch_size or sync_setting("BATCH_SIZE")
    after_id = 0
    while True:
        with transaction.atomic():
            _appliers_serialize()
            batch = list(IndexChange.objects.filter(id__gt=after_id).order_by("id")[:batch_size])
            if not batch:
                break
            after_id = batch[-1].id
            try:
                _batch_apply(batch, result)
            except EngineUnreachable as error:
                _engine_down_until = time.monotonic() + float(sync_setting("RETRY_AFTER"))
                result.unreachable, result.error = True, str(error)
                _rows_mark_failed(batch, str(error))
                break
        if on_progress:
            on_progress(result)
    if not result.unreachable:
        _engine_down_until = 0.0
    result.remaining = IndexChange.objects.count()
    return result


def _appliers_serialize() -> None:
    """Holds, until the current transaction ends, a PostgreSQL lock that one applier at a time
    may take: reading objects and writing the engine must not interleave between processes,
    or an older state read first could be written last. SQLite already has a single writer."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [APPLIER_LOCK_ID])


def _batch_apply(batch: list[IndexChange], result: ApplyResult) -> None:
    """Applies one batch: the latest state of each object it names, then clears its rows."""
    rows_by_key: dict[tuple[int, str], list[IndexChange]] = defaultdict(list)
    for row in batch:
        rows_by_key[(row.content_type_id, row.object_id)].append(row)
    pks_by_model: dict[type[models.Model], list[str]] = defaultdict(list)
    for content_type_id, object_id in rows_by_key:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            pks_by_model[model].append(object_id)

    failed_keys: set[tuple[int, str]] = set()
    resolved = {model: _objects_resolve(model, pks) for model, pks in pks_by_model.items()}
    # Backend by backend, the database's first: an unreachable engine stops the batch, and the
    # database index (the outage fallback's) must have had the whole batch by then.
    for backend_name, backend in _backends_database_first():
        for model, (upserts, deletes) in resolved.items():
            content_type_id = ContentType.objects.get_for_model(model, for_concrete_model=False).id
            failed_pks = _backend_apply(backend, backend_name, model, upserts, deletes)
            failed_keys.update((content_type_id, pk) for pk in failed_pks)
    result.objects += sum(len(upserts) + len(deletes) for upserts, deletes in resolved.values())

    failed_rows = [row for key in failed_keys for row in rows_by_key[key]]
    cleared = [
        row.id for key, rows in rows_by_key.items() if key not in failed_keys for row in rows
    ]
    IndexChange.objects.filter(id__in=cleared).delete()
    if failed_rows:
        _rows_mark_failed(failed_rows, "the engine refused this object; see the log")
    result.applied += len(cleared)
    result.failed += len(failed_rows)


def _backends_database_first() -> list[tuple[str, object]]:
    """Auto-updated backends, those in the database (which never raise EngineUnreachable)
    first."""
    backends = get_search_backends_with_name(with_auto_update=True)
    return sorted(backends, key=lambda named: named[1].catch_indexing_errors)


def _objects_resolve(
    model: type[models.Model], pks: list[str]
) -> tuple[list[models.Model], list[models.Model]]:
    """Splits ``pks`` into instances to index and stand-ins whose documents to delete."""
    found = {str(obj.pk): obj for obj in model.get_indexed_objects().filter(pk__in=pks)}
    upserts, deletes = [], []
    for pk in pks:
        if pk in found:
            indexed = found[pk].get_indexed_instance()
        else:  # e.g. a page row recorded under its base class: resolve as Wagtail does
            obj = model._default_manager.filter(pk=pk).first()
            indexed = index.get_indexed_instance(obj) if obj is not None else None
        if indexed is not None:
            upserts.append(indexed)
        else:
            # Deleted, unindexable now, or never indexable: its document must go. Only the
            # primary key and class matter to a backend's delete.
            deletes.append(model(pk=model._meta.pk.to_python(pk)))
    return upserts, deletes


def _backend_apply(backend, backend_name: str, model, upserts: list, deletes: list) -> set[str]:
    """Sends one model's changes to one backend; the primary keys it refused.

    Raises ``EngineUnreachable`` when the engine does not answer. A database backend's
    errors propagate, as in Wagtail: they belong to the caller's transaction.
    """
    refused: set[str] = set()
    by_class: dict[type, list] = defaultdict(list)
    for obj in upserts:
        by_class[type(obj)].append(obj)
    for obj_class, objs in by_class.items():
        try:
            engine_call(backend, backend.add_bulk, obj_class, objs)
        except EngineUnreachable:
            raise
        except Exception:
            logger.exception("Search backend %r refused a bulk of %s", backend_name, obj_class)
            refused.update(_one_by_one(backend, backend_name, backend.add, objs))
    refused.update(_one_by_one(backend, backend_name, backend.delete, deletes))
    return refused


def _one_by_one(backend, backend_name: str, operation, objs: Iterable) -> set[str]:
    refused = set()
    for obj in objs:
        try:
            engine_call(backend, operation, obj)
        except EngineUnreachable:
            raise
        except Exception:
            logger.exception("Search backend %r refused %r", backend_name, obj)
            refused.add(str(obj.pk))
    return refused


def engine_call(backend, operation: Callable, *args):
    """Runs ``operation`` and returns its result, turning the client's connectivity errors
    (and the engine's "busy"/"unavailable" answers) into EngineUnreachable."""
    if not backend.catch_indexing_errors:
        return operation(*args)
    try:
        return operation(*args)
    except TransportError as error:
        raise EngineUnreachable(f"{error.__class__.__name__}: {error}") from error
    except ApiError as error:
        if error.meta.status in {429, 502, 503, 504}:
            raise EngineUnreachable(f"HTTP {error.meta.status}: {error}") from error
        raise


def _rows_mark_failed(rows: list[IndexChange], error: str) -> None:
    IndexChange.objects.filter(id__in=[row.id for row in rows]).update(
        attempts=models.F("attempts") + 1,
        last_attempt_at=timezone.now(),
        last_error=error[:2000],
    )


def apply_mode() -> str:
    mode = sync_setting("APPLY")
    if mode not in APPLY_MODES:
        raise ValueError(f"SEARCH_SYNC['APPLY'] must be one of {sorted(APPLY_MODES)}, not {mode!r}")
    if mode == "auto":
        external = any(
            backend.catch_indexing_errors
            for _name, backend in get_search_backends_with_name(with_auto_update=True)
        )
        # SQLite has one writer: a thread clearing the outbox beside a request's transaction
        # fails one of them with "database is locked", so SQLite applies in the request.
        return "thread" if external and connection.vendor != "sqlite" else "immediate"
    return mode


def outbox_apply_soon() -> None:
    """Arranges for the outbox to be applied, as the configured mode says."""
    mode = apply_mode()
    if mode == "immediate":
        outbox_apply()
    elif transaction.get_connection().in_atomic_block:
        transaction.on_commit(_dispatch_after_commit)
    else:
        _dispatch_after_commit()


def _dispatch_after_commit() -> None:
    if apply_mode() == "task":
        outbox_apply_task.enqueue()
    else:
        _applier.wake()


@task()
def outbox_apply_task() -> None:
    """The outbox applied by a django-tasks worker (``SEARCH_SYNC["APPLY"] = "task"``)."""
    outbox_apply()


class _BackgroundApplier:
    """One daemon thread per process applying the outbox after commits.

    Hand-written rather than a thread pool: one drain at a time is what we want (a drain
    takes the whole backlog), and while the engine is down and work is pending the thread
    retries every RETRY_AFTER seconds, which is the automatic replay when nobody edits.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def wake(self) -> None:
        with self._lock:
            self._idle.clear()
            if self._thread is None or not self._thread.is_alive() or self._pid != os.getpid():
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._run, name="search-outbox", daemon=True)
                self._thread.start()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Waits until the thread has nothing left to try now; False on timeout."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        retry_pending = False
        while True:
            woken = self._wake.wait(float(sync_setting("RETRY_AFTER")) if retry_pending else None)
            self._wake.clear()
            try:
                result = outbox_apply(force=not woken)
                retry_pending = result.remaining > 0
            except Exception:
                logger.exception("Applying the search outbox failed")
                retry_pending = True
            finally:
                connection.close()  # this thread's own connection; not held while idle
            if not self._wake.is_set():
                self._idle.set()


_applier = _BackgroundApplier()


@atexit.register
def _drain_at_exit() -> None:
    """Gives a short-lived process (a management command) a chance to apply its changes."""
    if not _applier._idle.is_set():
        _applier.wait_idle(timeout=10)
