"""Recording changes of press releases in the change log, in the changing transaction.

A row is written only for a release that is live and public now, or that already has a row
(so it was public once): a partner may learn that a release it holds went away, but never
the ID or external ID of a draft or a private release it could not have seen.
"""

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from pressroom.models import PressReleasePage, ReleaseChange

Action = ReleaseChange.Action

# Keeps each IN (...) list well below SQLite's and PostgreSQL's parameter limits.
CHUNK_SIZE = 500


def release_changes_record(*, releases: dict[int, str | None], action: str) -> int:
    """Logs ``action`` for the releases ``{page_id: external_id}``; returns the rows written."""
    written = 0
    with transaction.atomic():
        txid = _transaction_id() if releases else 0
        now = timezone.now()
        ids = list(releases)
        for start in range(0, len(ids), CHUNK_SIZE):
            chunk = {pk: releases[pk] for pk in ids[start : start + CHUNK_SIZE]}
            loggable = _loggable_ids(chunk)
            rows = [
                ReleaseChange(
                    txid=txid, page_id=pk, external_id=chunk[pk], action=action, changed_at=now
                )
                for pk in chunk
                if pk in loggable
            ]
            ReleaseChange.objects.bulk_create(rows)
            written += len(rows)
    return written


def release_change_record(*, release: PressReleasePage, action: str) -> int:
    """Logs one release's change, and a change to its other locales' versions, whose
    ``translations`` name it. Works for a release just deleted too."""
    translations = PressReleasePage.objects.filter(translation_key=release.translation_key)
    with transaction.atomic():
        return release_changes_record(
            releases={release.pk: release.external_id}, action=action
        ) + release_changes_record(
            releases=dict(translations.exclude(pk=release.pk).values_list("pk", "external_id")),
            action=Action.RELATED,
        )


def subtree_changes_record(*, root: Page, action: str) -> int:
    """Logs every release at or below ``root``: its URL or its privacy changed."""
    releases = PressReleasePage.objects.descendant_of(root, inclusive=True)
    return release_changes_record(
        releases=dict(releases.values_list("pk", "external_id")), action=action
    )


def organization_changes_record(*, organization_id: int) -> int:
    """Logs the releases an organization issued, joined or funded: they embed its name."""
    involving = PressReleasePage.objects.filter(organization_id=organization_id)
    involving = involving | PressReleasePage.objects.filter(
        participant_links__organization_id=organization_id
    )
    involving = involving | PressReleasePage.objects.filter(
        funder_links__organization_id=organization_id
    )
    return release_changes_record(
        releases=dict(involving.distinct().values_list("pk", "external_id")),
        action=Action.RELATED,
    )


def _loggable_ids(releases: dict[int, str | None]) -> set[int]:
    """Those of ``releases`` that are live and public, or were logged before."""
    ids = list(releases)
    public = PressReleasePage.objects.filter(pk__in=ids).live().public()
    logged = ReleaseChange.objects.filter(page_id__in=ids)
    return set(public.values_list("pk", flat=True)) | set(logged.values_list("page_id", flat=True))


def _transaction_id() -> int:
    """PostgreSQL's 64-bit ID of the current transaction; 0 elsewhere (SQLite has one writer
    at a time, so there row IDs already commit in order)."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()::text::bigint")
        return cursor.fetchone()[0]
