"""An outage on a real node that really dies: a second Elasticsearch node of this
module's own (scripts/elasticsearch/es.sh with ES_PORT and ES_NODE_DIR) is started, given the
site's pages and organizations, stopped (its process is gone), and started again.

While it is down 50 releases are published, edited and unpublished through Wagtail's revision
API; each change must succeed quickly and wait in the outbox. After the restart the replay,
either on the next successful contact or by ``search_sync``, must make every published one
findable through the search service, no unpublished one, and the index equal the database.
test_outage.py covers the same promises cheaply with an unreachable URL; this one also covers
what only a real restart shows (the index surviving it, the client reconnecting).
"""

import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.http import QueryDict
from elasticsearch.serializer import JsonSerializer
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from pressroom.models import PressReleasePage
from search.health import search_engine_state
from search.models import IndexChange
from search.query import parse_search_query
from search.service import search_run
from tests.factories import OrganizationFactory, PressReleasePageFactory
from tests.search.conftest import backend_config

pytestmark = pytest.mark.elasticsearch

ES_SCRIPT = Path(django_settings.BASE_DIR) / "scripts" / "elasticsearch" / "es.sh"
# Under the node's ignored var/ folder, one per pytest process (the SQLite and PostgreSQL
# runs, or two developers, never share it); deleted when the module is done.
NODE_DIR = (
    Path(django_settings.BASE_DIR) / "var" / "elasticsearch" / "nodes" / f"outage-{os.getpid()}"
)
# The client's timeout (production's default); a change made while the node is down must take
# well under it. A dead node refuses connections at once, so what a change costs then is its
# save plus one failed attempt at the backlog (tests apply in the save, with no retry window).
CLIENT_TIMEOUT = 10
QUICK_SECONDS = CLIENT_TIMEOUT / 2


class Node:
    """A node of our own, run by es.sh like the development node, on another port and folder."""

    def __init__(self, port: int, node_dir: Path):
        self.url = f"http://127.0.0.1:{port}"
        self.env = {
            **os.environ,
            "ES_PORT": str(port),
            "ES_NODE_DIR": str(node_dir),
            "ES_HEAP": "256m",
        }
        self.pid_file = node_dir / "run" / "elasticsearch.pid"
        self.seconds: dict[str, list[float]] = {"start": [], "stop": []}

    def _es(self, command: str) -> None:
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603  (our own script, fixed arguments)
            ["/bin/bash", str(ES_SCRIPT), command], env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            pytest.fail(f"es.sh {command} failed:\n{done.stdout}{done.stderr}", pytrace=False)
        self.seconds[command].append(time.perf_counter() - started)

    def start(self) -> None:
        self._es("start")

    def stop(self) -> None:
        """Stops the JVM (SIGTERM, waiting for it to exit) and checks that it is gone."""
        pid = self.pid_file.read_text().strip() if self.pid_file.exists() else ""
        self._es("stop")
        assert not (pid and Path(f"/proc/{pid}").exists())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def leftover_nodes_remove() -> None:
    """Stops and deletes the nodes of pytest runs that were killed before their teardown."""
    for node_dir in NODE_DIR.parent.glob("outage-*"):
        if Path(f"/proc/{node_dir.name.removeprefix('outage-')}").exists():
            continue  # that run is still going
        Node(0, node_dir).stop()
        shutil.rmtree(node_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def node(elasticsearch_url):
    """Started once for the module (``elasticsearch_url`` makes it required under make test);
    stopped, and its folder deleted, at the end."""
    leftover_nodes_remove()
    shutil.rmtree(NODE_DIR, ignore_errors=True)
    node = Node(free_port(), NODE_DIR)
    node.start()
    yield node
    try:
        node.stop()
        print(
            f"\nreal-node outage: es.sh start {node.seconds['start']}, stop {node.seconds['stop']}"
        )
    finally:
        shutil.rmtree(NODE_DIR, ignore_errors=True)


@pytest.fixture
def backend(db, settings, node):
    """Wagtail's default backend on the module's node."""
    config = {**backend_config(node.url), "TIMEOUT": CLIENT_TIMEOUT}
    settings.WAGTAILSEARCH_BACKENDS = {"default": config}
    return get_search_backend()


def index_everything(backend) -> None:
    """Fresh indexes holding every indexable object, as a rebuild makes them."""
    for index, models in group_models_by_index(backend, get_indexed_models()).items():
        index.reset()
        for model in models:
            index.add_model(model)
            index.add_items(model, model.get_indexed_objects())
    backend.refresh_indexes()


def index_documents(backend) -> dict:
    """Every document in the node's indexes, by (index, id), read from Elasticsearch itself."""
    backend.refresh_indexes()
    documents = {}
    names = {backend.get_index_for_model(model).name for model in get_indexed_models()}
    for name in names:
        response = backend.es.search(index=name, query={"match_all": {}}, size=10_000)
        documents.update({(name, hit["_id"]): hit["_source"] for hit in response["hits"]["hits"]})
    return documents


def database_documents(backend) -> dict:
    """The documents the database says the indexes should hold, serialized as the client does."""
    serializer = JsonSerializer()
    documents = {}
    for model in get_indexed_models():
        name = backend.get_index_for_model(model).name
        mapping = backend.mapping_class(model)
        for obj in model.get_indexed_objects():
            document = json.loads(serializer.dumps(mapping.get_document(obj)))
            documents[(name, mapping.get_document_id(obj))] = document
    return documents


def token(kind: str, n: int) -> str:
    """A word no other release contains, so that a search for it finds one release at most.
    Digits, not letters, tell them apart: transliteration and folding leave digits alone."""
    return f"wz{kind}{n:02d}"


def word_of(title: str) -> str:
    return title.split()[-1]


def search_for(word: str):
    query = parse_search_query(QueryDict(f"q={word}&type=press_release"), language="en")
    return search_run(query=query, language="en")


@dataclass
class Outage:
    published: list = field(default_factory=list)  # drafts first published during the outage
    edited: list = field(default_factory=list)  # live releases retitled during the outage
    unpublished: list = field(default_factory=list)
    old_titles: dict = field(default_factory=dict)
    seconds_per_change: list = field(default_factory=list)

    @property
    def changed(self) -> list:
        return self.published + self.edited + self.unpublished

    def timed(self, change) -> None:
        started = time.perf_counter()
        change()
        self.seconds_per_change.append(time.perf_counter() - started)


def outage_prepare(parent) -> Outage:
    """20 drafts, 15 live releases to retitle and 15 to unpublish, all indexed beforehand."""
    organization = OrganizationFactory(name="Outage Watch")
    outage = Outage()
    outage.published = [
        PressReleasePageFactory(
            parent=parent,
            organization=organization,
            title=f"Outage news {token('new', n)}",
            live=False,
        )
        for n in range(20)
    ]
    outage.edited = [
        PressReleasePageFactory(
            parent=parent, organization=organization, title=f"Before {token('old', n)}"
        )
        for n in range(15)
    ]
    outage.unpublished = [
        PressReleasePageFactory(
            parent=parent, organization=organization, title=f"Withdrawn {token('gone', n)}"
        )
        for n in range(15)
    ]
    outage.old_titles = {release.pk: release.title for release in outage.edited}
    return outage


def outage_changes_make(outage: Outage) -> None:
    for release in outage.published:
        outage.timed(lambda release=release: release.save_revision().publish())
    for n, release in enumerate(outage.edited):
        release.title = f"Corrected {token('edit', n)}"
        outage.timed(lambda release=release: release.save_revision().publish())
    for release in outage.unpublished:
        outage.timed(release.unpublish)


def replay_by_search_sync() -> None:
    out = io.StringIO()
    call_command("search_sync", stdout=out)
    assert "0 still pending" in out.getvalue()


# One node start costs most of this module's time, so the replay is checked through
# `search_sync` only; the automatic replay on the next contact is covered by test_outage.py.
def test_changes_made_while_the_node_is_dead_are_all_searchable_after_it_restarts(
    backend, node, site_tree
):
    outage = outage_prepare(site_tree["en"].releases)
    index_everything(backend)

    node.stop()
    assert search_engine_state()["status"] == "unreachable"
    outage_changes_make(outage)

    assert len(outage.changed) == 50
    assert max(outage.seconds_per_change) < QUICK_SECONDS
    print(
        f"\n50 changes with the node dead: median {statistics.median(outage.seconds_per_change):.3f}s,"
        f" max {max(outage.seconds_per_change):.3f}s"
    )
    pending = IndexChange.objects.filter(object_id__in=[str(r.pk) for r in outage.changed])
    assert {change.object_id for change in pending} == {str(r.pk) for r in outage.changed}
    assert all(
        change.attempts >= 1 and "ConnectionError" in change.last_error for change in pending
    )

    node.start()
    assert index_documents(backend) != database_documents(backend)  # stale until the replay
    replay_by_search_sync()
    backend.refresh_indexes()

    assert not IndexChange.objects.exists()
    for release in outage.published + outage.edited:
        results = search_for(word_of(release.title))
        assert not results.degraded
        assert (results.count, [hit.id for hit in results.hits]) == (1, [release.pk])
    for release in outage.edited:
        assert search_for(word_of(outage.old_titles[release.pk])).count == 0
    for release in outage.unpublished:
        assert not PressReleasePage.objects.get(pk=release.pk).live
        assert search_for(word_of(release.title)).count == 0
    assert index_documents(backend) == database_documents(backend)
