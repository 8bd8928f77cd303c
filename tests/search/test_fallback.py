"""Elasticsearch configured but not answering: readers get the database's results, told so.

The database index is the one the outbox keeps beside Elasticsearch: it folds, transliterates
and ranks as the site without Elasticsearch does, within a time bound (search/fallback.py).

The engine is Wagtail's real elasticsearch8 backend pointed at loopback ports: one where
nothing listens (connection refused) and one that accepts connections but never answers
(a hung node, which only the short read timeout gets the reader out of).
"""

import socket
import time

import pytest

from search.service import READ_TIMEOUT
from tests.search.azerbaijani import RELEASES, found, releases_create, run
from tests.search.conftest import BACKEND
from tests.search.corpus import corpus_create

NOTICE = "Search is running in a reduced mode"


def _engine_at(settings, url: str) -> None:
    """The engine at ``url`` and, as in production, the database index kept beside it."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": BACKEND,
            "URLS": [url],
            "INDEX_PREFIX": "test_unreachable_",
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }


@pytest.fixture
def dead_engine(settings):
    """Port 9 (discard) on loopback: nothing listens, every connection is refused."""
    _engine_at(settings, "http://127.0.0.1:9")


@pytest.fixture
def hung_engine(settings):
    """A listening socket that never accepts: connections open, requests get no answer."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        _engine_at(settings, f"http://127.0.0.1:{listener.getsockname()[1]}")
        yield


@pytest.fixture
def content(dead_engine, site_tree):
    """The corpus, saved while the engine is down (its index changes wait in the outbox)."""
    return corpus_create(site_tree)


def _titles(response) -> set[str]:
    return {hit.title for hit in response.context["results"].hits}


def test_search_page_shows_database_results_and_a_notice(client, content):
    # The database matches the letters typed ("refugee" in "refugees"), not word forms.
    response = client.get("/en/search/", {"q": "refugee", "type": "press_release"})

    assert response.status_code == 200
    assert NOTICE in response.text
    assert response.context["results"].degraded
    assert response.context["results"].engine == "database"
    titles = _titles(response)
    assert {"Refugees receive winter aid in Şəki", "Winter aid for refugee children"} <= titles
    assert content.draft.title not in titles and content.private.title not in titles
    assert "<mark>Refugees</mark>" in response.text  # the word and its continuation


def test_search_page_filters_and_facets_still_work_when_degraded(client, content):
    response = client.get("/en/search/", {"type": "press_release", "city": "Gəncə"})

    assert response.status_code == 200
    assert NOTICE in response.text
    assert _titles(response) == {
        "Clean water project opens in Gəncə",
        "Safe water for schoolchildren",
    }
    cities = {value.value: value.count for value in response.context["results"].facets["city"]}
    assert cities == {"Gəncə": 2}


def test_json_says_degraded_with_the_same_keys(client, content):
    response = client.get("/en/search/json/", {"q": "water", "type": "press_release"})

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "items", "facets", "suggestion", "degraded"}
    assert data["degraded"] is True
    assert data["count"] == len(data["items"]) >= 2
    assert all(item["type"] == "press_release" for item in data["items"])
    assert data["suggestion"] is None


def test_autocomplete_still_answers(client, content):
    response = client.get("/en/search/autocomplete/", {"q": "Clean"})

    assert response.status_code == 200
    titles = {(item["type"], item["title"]) for item in response.json()["items"]}
    assert ("organization", "Clean Water Alliance") in titles
    assert ("press_release", "Clean water project opens in Gəncə") in titles


def test_search_page_notice_is_translated(client, content):
    response = client.get("/az/search/", {"q": "qaçqın"})

    assert response.status_code == 200
    assert NOTICE not in response.text
    assert "Axtarış məhdud rejimdə işləyir" in response.text


def test_configured_engine_that_answers_is_not_degraded(client, corpus):
    data = client.get("/en/search/json/", {"q": "refugees"}).json()

    assert data["degraded"] is False
    assert data["count"] > 0


def test_hung_engine_costs_the_reader_only_the_read_timeout(client, site_tree, hung_engine):
    started = time.monotonic()
    response = client.get("/en/search/", {"q": "anything"})
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert NOTICE in response.text
    assert elapsed < READ_TIMEOUT + 2


def test_the_database_fallback_finds_azerbaijani_inflected_forms(dead_engine, site_tree):
    """The fallback matches substrings of columns: the stem of a word finds its forms."""
    releases = releases_create(site_tree, RELEASES)

    results = run("qaçqınlar")

    assert results.degraded
    assert found(results, releases) == {"families", "refugee_family"}
