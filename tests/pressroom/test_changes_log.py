"""The change log under the feed: the backfill and the cursor under concurrent commits.

Partners' mirrors depend on both: the backfill gives their first sync every release that
was live before the log existed, and the cursor must never pass a change that commits late.
"""

import importlib
import threading

import pytest
from django.apps import apps
from django.db import connection, transaction
from wagtail.models import PageViewRestriction

from pressroom.changelog.feed import change_window, since_parse
from pressroom.changelog.record import release_changes_record
from pressroom.models import ReleaseChange
from tests.factories import PressReleasePageFactory

WAIT_SECONDS = 10

backfill = importlib.import_module("pressroom.migrations.0003_release_changes").backfill


def test_the_backfill_logs_every_live_public_release_and_nothing_else(site_tree):
    index = site_tree["en"].releases
    live = PressReleasePageFactory(parent=index)
    PressReleasePageFactory(parent=index, live=False)
    private = PressReleasePageFactory(parent=index)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    ReleaseChange.objects.all().delete()

    backfill(apps, connection.schema_editor())

    rows = ReleaseChange.objects.values_list("page_id", "action", "txid")
    assert list(rows) == [(live.pk, ReleaseChange.Action.BACKFILL, 0)]


def test_a_change_that_commits_late_is_served_after_the_cursor_not_skipped(
    transactional_db, django_db_serialized_rollback, site_tree
):
    """Row IDs are taken at insert and seen at commit: the feed waits for the slow writer."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time: rows commit in ID order")
    index = site_tree["en"].releases
    slow, fast = PressReleasePageFactory(parent=index), PressReleasePageFactory(parent=index)
    cursor = change_window(since=None, limit=100).next_since
    written, finish = threading.Event(), threading.Event()

    def slow_editor():
        try:
            with transaction.atomic():
                release_changes_record(releases={slow.pk: None}, action="published")
                written.set()
                finish.wait(WAIT_SECONDS)
        finally:
            connection.close()

    editor = threading.Thread(target=slow_editor)
    editor.start()
    assert written.wait(WAIT_SECONDS)
    release_changes_record(releases={fast.pk: None}, action="published")

    while_running = change_window(since=since_parse(cursor), limit=100)
    finish.set()
    editor.join(WAIT_SECONDS)
    after = change_window(since=since_parse(cursor), limit=100)

    assert while_running.changes == []
    assert while_running.next_since == cursor
    assert [row.page_id for row in after.changes] == [slow.pk, fast.pk]
    # The case a cursor on IDs alone gets wrong: the row committed last has the smaller ID.
    assert after.changes[0].id < after.changes[1].id
