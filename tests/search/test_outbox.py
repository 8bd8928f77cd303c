"""The search outbox: changes recorded with the content, coalesced and replayed idempotently.

Against the real Elasticsearch node; an outage is the backend pointed at a loopback port
where nothing listens, which the client sees exactly as a dead engine.
"""

import io
import socket

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.search.backends import get_search_backend

from directory.models import Organization
from pressroom.models import PressReleasePage
from search.models import IndexChange
from search.outbox import outbox_apply
from tests.factories import OrganizationFactory, PressReleasePageFactory
from tests.search.conftest import backend_config


def closed_port_url() -> str:
    """A loopback URL where nothing listens: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class Engine:
    """The search backend settings for one test, switchable between live and unreachable."""

    def __init__(self, settings, live_url: str):
        self.settings = settings
        self.live_url = live_url

    def _point_at(self, url: str) -> None:
        # A short client timeout: a test never waits long on an engine that is down.
        self.settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend_config(url), "TIMEOUT": 2}}

    def up(self) -> None:
        self._point_at(self.live_url)

    def down(self) -> None:
        self._point_at(closed_port_url())

    @property
    def backend(self):
        return get_search_backend("default")

    def document(self, obj) -> dict | None:
        """The indexed document of ``obj``, or None; read straight from Elasticsearch."""
        backend = self.backend
        backend.refresh_indexes()
        index_name = backend.get_index_for_model(type(obj)).name
        response = backend.es.options(ignore_status=404).get(index=index_name, id=str(obj.pk))
        return response.body.get("_source") if response.body.get("found") else None

    def live_titles_matching(self, word: str) -> set[str]:
        """Titles of the live pages whose indexed title has ``word``, asked of Elasticsearch
        itself: Wagtail's ``search()`` re-reads hits from the database, hiding stale ones."""
        backend = self.backend
        backend.refresh_indexes()
        response = backend.es.search(
            index=backend.get_index_for_model(PressReleasePage).name,
            query={
                "bool": {
                    "must": {"match": {"title": word}},
                    "filter": {"term": {"live_filter": True}},
                }
            },
            size=100,
        )
        return {hit["_source"]["title"] for hit in response["hits"]["hits"]}


@pytest.fixture
def engine(db, settings, elasticsearch_backend, elasticsearch_url):
    """The shared test indexes on the live node (``elasticsearch_backend``), switchable."""
    engine = Engine(settings, live_url=elasticsearch_url)
    engine.up()
    return engine


@pytest.fixture
def releases_index(site_tree):
    return site_tree["en"].releases


def test_a_saved_change_is_recorded_in_the_outbox_while_the_engine_is_down(engine):
    engine.down()

    organization = OrganizationFactory(name="Green Steppe Society")

    change = IndexChange.objects.get(object_id=str(organization.pk))
    assert change.action == IndexChange.Action.UPSERT
    assert change.content_type.model_class() is Organization
    assert change.attempts == 1
    assert "ConnectionError" in change.last_error
    assert change.last_attempt_at is not None


def test_a_rolled_back_change_leaves_nothing_in_the_outbox(engine):
    engine.down()

    with pytest.raises(RuntimeError), transaction.atomic():
        OrganizationFactory(name="Never Committed Union")
        raise RuntimeError("the editor's request failed")

    assert not IndexChange.objects.exists()


def test_a_change_applied_while_the_engine_is_up_leaves_the_outbox_empty(engine):
    organization = OrganizationFactory(name="Caspian Shore Watch")

    assert not IndexChange.objects.exists()
    assert engine.document(organization)["name"] == "Caspian Shore Watch"


def test_changes_to_one_object_coalesce_into_one_index_operation_with_its_latest_state(
    engine, releases_index
):
    release = PressReleasePageFactory(parent=releases_index, title="Draft heading")
    engine.down()
    for title in ("Second heading", "Third heading", "Final heading"):
        release.title = title
        release.save_revision().publish()
    pending = IndexChange.objects.filter(object_id=str(release.pk)).count()
    assert pending >= 3
    engine.up()

    result = outbox_apply()

    assert result.applied == pending
    assert result.objects == 1
    assert engine.document(release)["title"] == "Final heading"


def test_replaying_the_same_changes_twice_leaves_the_index_as_once(engine, releases_index):
    release = PressReleasePageFactory(parent=releases_index, title="Flood relief in Salyan")
    engine.down()
    release.title = "Flood relief in Salyan and Sabirabad"
    release.save_revision().publish()
    changes = list(IndexChange.objects.values("content_type_id", "object_id", "action"))
    engine.up()

    outbox_apply()
    first = engine.document(release)
    IndexChange.objects.bulk_create(IndexChange(**change) for change in changes)
    outbox_apply()

    assert engine.document(release) == first
    assert first["title"] == "Flood relief in Salyan and Sabirabad"
    assert engine.live_titles_matching("Sabirabad") == {"Flood relief in Salyan and Sabirabad"}


def test_an_object_deleted_during_the_outage_is_deleted_from_the_index_on_replay(engine):
    organization = OrganizationFactory(name="Short Lived Fund")
    assert engine.document(organization) is not None
    engine.down()

    Organization.objects.filter(pk=organization.pk).delete()
    assert IndexChange.objects.get().action == IndexChange.Action.DELETE
    engine.up()
    result = outbox_apply()

    assert result.applied == 1
    assert engine.document(organization) is None


def test_a_page_deleted_during_the_outage_is_deleted_from_the_index_on_replay(
    engine, releases_index
):
    release = PressReleasePageFactory(parent=releases_index, title="Withdrawn statement")
    assert engine.document(release) is not None
    engine.down()

    release.delete()
    engine.up()
    outbox_apply()

    assert engine.document(release) is None
    assert not IndexChange.objects.exists()


def test_a_failed_apply_keeps_every_change_with_its_attempts_and_last_error(engine):
    engine.down()
    OrganizationFactory(name="Patient Org")

    result = outbox_apply()

    assert result.unreachable
    assert result.remaining == 1
    change = IndexChange.objects.get()
    assert change.attempts == 2
    assert change.last_error


def test_after_a_failure_automatic_applies_leave_the_engine_alone_for_the_retry_window(
    engine, settings
):
    settings.SEARCH_SYNC = {**settings.SEARCH_SYNC, "RETRY_AFTER": 60}
    engine.down()
    OrganizationFactory(name="First After Outage")

    OrganizationFactory(name="Second After Outage")

    attempts = dict(IndexChange.objects.values_list("object_id", "attempts"))
    assert sorted(attempts.values()) == [0, 1]
    assert outbox_apply().skipped
    engine.up()
    assert outbox_apply(force=True).remaining == 0


def test_search_sync_applies_the_outbox_and_reports_a_summary(engine):
    engine.down()
    organizations = [OrganizationFactory(name=f"Backlog Org {n}") for n in range(3)]
    engine.up()
    out = io.StringIO()

    call_command("search_sync", stdout=out)

    assert "Applying 3 pending index change(s)" in out.getvalue()
    assert "Applied 3 change(s) as 3 index operation(s)" in out.getvalue()
    assert not IndexChange.objects.exists()
    assert all(engine.document(org) for org in organizations)


def test_search_sync_exits_non_zero_and_keeps_the_outbox_when_the_engine_is_unreachable(engine):
    engine.down()
    OrganizationFactory(name="Still Waiting")

    with pytest.raises(CommandError, match="unreachable"):
        call_command("search_sync", stdout=io.StringIO())

    assert IndexChange.objects.count() == 1


def test_search_sync_with_an_empty_outbox_says_the_index_is_up_to_date(engine):
    out = io.StringIO()

    call_command("search_sync", stdout=out)

    assert "up to date" in out.getvalue()


def test_in_task_mode_a_change_is_applied_after_commit_not_inside_the_save(
    engine, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_SYNC = {**settings.SEARCH_SYNC, "APPLY": "task"}

    with django_capture_on_commit_callbacks(execute=True):
        organization = OrganizationFactory(name="After Commit Trust")
        assert IndexChange.objects.count() == 1
        assert engine.document(organization) is None

    assert not IndexChange.objects.exists()
    assert engine.document(organization)["name"] == "After Commit Trust"
