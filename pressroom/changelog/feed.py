"""Reading the change log as a feed: each changed release once, oldest change first.

The cursor is the position ``(txid, id)`` of the last row served. Row IDs alone would not
do on PostgreSQL: transactions take IDs when they insert but become visible when they
commit, so a row with a smaller ID can appear after a partner has read past it. Rows are
therefore served only once every transaction that could still add a row before them has
finished: their ``txid`` is below the oldest transaction still running
(``pg_snapshot_xmin``). A long transaction delays the feed; it never makes it skip a row.
SQLite lets one transaction write at a time, so there rows commit in ID order.
"""

import dataclasses
import datetime
import re

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from pressroom.models import ReleaseChange

_CURSOR = re.compile(r"c\.(\d{1,19})\.(\d{1,19})")
BIGINT_MAX = 2**63 - 1


@dataclasses.dataclass(frozen=True, order=True)
class Cursor:
    """A position in the feed; serialized as ``c.<txid>.<id>``, opaque to partners."""

    txid: int = 0
    id: int = 0

    def __str__(self) -> str:
        return f"c.{self.txid}.{self.id}"

    def after_q(self) -> Q:
        return Q(txid__gt=self.txid) | Q(txid=self.txid, id__gt=self.id)


START = Cursor()


def since_parse(value: str) -> Cursor | datetime.datetime:
    """A cursor from a previous response, or an ISO 8601 datetime (UTC when it has no offset).

    Raises ValueError with a message fit for the partner.
    """
    value = value.strip()
    if match := _CURSOR.fullmatch(value):
        cursor = Cursor(int(match[1]), int(match[2]))
        if max(cursor.txid, cursor.id) <= BIGINT_MAX:
            return cursor
        raise ValueError("Not a cursor this feed has given out.")
    try:
        moment = parse_datetime(value)
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        # The database compares in UTC: a date at the edge of the calendar must convert.
        moment = moment.astimezone(datetime.UTC) if moment is not None else None
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise ValueError(
            "Expected an ISO 8601 datetime (2024-05-01T12:00:00Z) or the next_since "
            "cursor of a previous response."
        )
    return moment


@dataclasses.dataclass
class ChangeWindow:
    """Each release's latest change in the window; the reader resolves its current state."""

    changes: list[ReleaseChange]
    next_since: str
    has_more: bool


def change_window(*, since: Cursor | datetime.datetime | None, limit: int) -> ChangeWindow:
    """The next ``limit`` changed releases after ``since``, and the cursor to continue from.

    A datetime starts the feed at changes logged from then on; the cursor returned is exact.
    """
    finished = _finished_q()
    newer = ReleaseChange.objects.filter(finished, page_id=OuterRef("page_id")).filter(
        Q(txid__gt=OuterRef("txid")) | Q(txid=OuterRef("txid"), id__gt=OuterRef("id"))
    )
    rows = ReleaseChange.objects.filter(finished).filter(~Exists(newer))
    if isinstance(since, Cursor):
        rows = rows.filter(since.after_q())
    elif since is not None:
        rows = rows.filter(changed_at__gte=since)
    rows = list(rows.order_by("txid", "id")[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    if rows:
        next_since = str(Cursor(rows[-1].txid, rows[-1].id))
    elif isinstance(since, datetime.datetime):
        next_since = since.isoformat()
    else:
        next_since = str(since or START)
    return ChangeWindow(
        changes=rows,
        next_since=next_since,
        has_more=has_more,
    )


def _finished_q() -> Q:
    """Rows whose transaction has finished (or is the reader's own, which it sees anyway)."""
    if connection.vendor != "postgresql":
        return Q()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,"
            " pg_current_xact_id_if_assigned()::text::bigint"
        )
        oldest_running, own = cursor.fetchone()
    finished = Q(txid__lt=oldest_running)
    return finished | Q(txid=own) if own is not None else finished
