"""Wagtail's search backend on the real Elasticsearch node, with our index settings.

``make test`` starts the node and exports ELASTICSEARCH_URL for both pytest runs (see
docs/search-engine.md). Without it the tests that need the node are skipped, unless
PRESSROOM_REQUIRE_ELASTICSEARCH=1 (set by ``make test``): then they fail, so CI cannot pass
with the search tests silently left out.
"""

import os

import pytest
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from search.analysis import INDEX_SETTINGS
from tests.search.corpus import corpus_create

BACKEND = os.environ.get("ELASTICSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8")
# Per pytest process: the SQLite and PostgreSQL runs, or two developers' runs, never meet.
INDEX_PREFIX = f"test_{os.getpid()}_"


def backend_config(url: str) -> dict:
    """The ``default`` entry of WAGTAILSEARCH_BACKENDS that the tests search with."""
    return {
        "BACKEND": BACKEND,
        **backend_params(url),
    }


def backend_params(url: str) -> dict:
    return {
        # Comma-separated node URLs, as cms/settings/base.py reads ELASTICSEARCH_URL.
        "URLS": [part.strip() for part in url.split(",") if part.strip()],
        "INDEX_PREFIX": INDEX_PREFIX,
        "INDEX_SETTINGS": INDEX_SETTINGS,
        "TIMEOUT": 30,
    }


@pytest.fixture(scope="session")
def elasticsearch_url() -> str:
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:
        message = (
            "ELASTICSEARCH_URL is not set: `make test` (or `make test-sqlite`) starts a node "
            "and sets it; by hand: `make es-start` and ELASTICSEARCH_URL=http://127.0.0.1:9200"
        )
        if os.environ.get("PRESSROOM_REQUIRE_ELASTICSEARCH") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return url


@pytest.fixture(scope="session")
def elasticsearch_indexes(elasticsearch_url):
    """Creates this run's indexes once (settings and mappings) and deletes them at the end.

    Creating an index costs a cluster-state update, so tests share these and
    ``elasticsearch_backend`` empties them instead.
    """
    backend = get_search_backend(BACKEND, **backend_params(elasticsearch_url))
    try:
        backend.es.cluster.health(wait_for_status="yellow", timeout="30s")
    except Exception as error:  # any failure to reach the node means the same here
        pytest.fail(f"Elasticsearch at {elasticsearch_url} does not answer: {error}", pytrace=False)
    indexes = _indexes_by_name(backend)
    for index, models in indexes.values():
        _index_create(index, models)
    yield indexes
    es = backend.es
    for name in es.indices.get(index=f"{INDEX_PREFIX}*", expand_wildcards="all"):
        es.indices.delete(index=name)


@pytest.fixture
def elasticsearch_backend(settings, elasticsearch_url, elasticsearch_indexes):
    """Wagtail's default search backend on the node, with empty indexes of our settings.

    Saving a page or snippet in the test indexes it, as in production. Elasticsearch makes
    writes searchable at its next refresh (within a second): call
    ``elasticsearch_backend.refresh_indexes()`` after writing and before searching.
    """
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend_config(elasticsearch_url)}
    backend = get_search_backend()
    es = backend.es
    # A test may have dropped or rebuilt an index (update_index swaps in a new one behind the
    # alias); a missing one is recreated, as a write would otherwise create it untyped.
    for name, (index, models) in elasticsearch_indexes.items():
        if not es.indices.exists(index=name):
            _index_create(index, models)
    _documents_delete(es, list(elasticsearch_indexes))
    return backend


def _indexes_by_name(backend) -> dict:
    """Each index of the backend with the models stored in it (all pages share one)."""
    indexes = {}
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.name, (index, []))[1].append(model)
    return indexes


def _documents_delete(es, names: list[str]) -> None:
    """Empties the indexes. The node has no _delete_by_query (the reindex module is missing
    from the integ-test distribution, docs/search-engine.md), so: find the ids, bulk-delete."""
    while True:
        hits = es.search(index=names, query={"match_all": {}}, source=False, size=1000)["hits"]
        if not hits["hits"]:
            return
        es.bulk(
            operations=[
                {"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits["hits"]
            ],
            refresh=True,
        )


def _index_create(index, models) -> None:
    index.reset()
    for model in models:
        index.add_model(model)


@pytest.fixture
def corpus(site_tree, elasticsearch_backend):
    """The bilingual corpus of tests/search/corpus.py, indexed and searchable."""
    corpus = corpus_create(site_tree)
    elasticsearch_backend.refresh_indexes()
    return corpus
