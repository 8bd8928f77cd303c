"""The outage fallback answers from the database index the outbox keeps, folding as the
engine does, and within a bound: a search that runs out of time or matches too much says so
rather than holding the worker or failing the page."""

import time

import pytest
from django.core.cache import cache
from django.db import connection

from search import vocabulary
from search.database import TooSlow
from search.fallback import time_bound
from tests.search.azerbaijani import RELEASES, found, releases_create, run
from tests.search.test_fallback import NOTICE
from tests.search.test_fallback import dead_engine as dead_engine

SECONDS_LONG = 30


@pytest.fixture
def releases(dead_engine, site_tree):
    """Created while nothing answers on the engine's port: only the database index has them."""
    return releases_create(site_tree, RELEASES)


def test_seki_finds_the_sheki_releases_through_the_fallback(releases):
    results = run("Seki")

    assert results.degraded
    assert found(results, releases) == {"river"}
    assert results.notices == []


def test_a_search_matching_more_than_the_bound_shows_the_most_relevant_and_says_so(
    releases, settings
):
    settings.SEARCH_FALLBACK = {"MATCHES": 1}

    results = run("qaçqın")

    assert results.degraded and results.count == 1
    assert found(results, releases) <= {"families", "refugee_family"}
    assert "Only the 1 most relevant results are shown" in results.notices[0]


def test_a_fallback_out_of_time_answers_with_a_notice_not_an_error(client, releases, settings):
    settings.SEARCH_FALLBACK = {"BUDGET": 0}

    response = client.get("/en/search/", {"q": "Seki", "lang": "az"})

    assert response.status_code == 200
    assert NOTICE in response.text
    assert "This search took too long for the reduced mode" in response.text
    assert response.context["results"].hits == []


@pytest.mark.django_db
def test_the_time_bound_cancels_a_query_that_runs_past_it():
    """PostgreSQL's statement_timeout, SQLite's progress handler: the query itself stops."""
    if connection.vendor == "postgresql":
        sql = f"SELECT pg_sleep({SECONDS_LONG})"
    else:  # counts forever
        sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n"
    started = time.monotonic()

    with pytest.raises(TooSlow), time_bound(0.2), connection.cursor() as cursor:
        cursor.execute(sql)

    assert time.monotonic() - started < 5
    with connection.cursor() as cursor:  # the connection is usable, with no bound left
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_the_fallback_sorts_by_date_within_its_bound(releases, settings):
    settings.SEARCH_FALLBACK = {"MATCHES": 1}

    results = run("qaçqın&sort=newest")

    assert results.degraded and results.count == 1
    assert found(results, releases) <= {"families", "refugee_family"}


def test_the_fallback_never_reads_every_text_to_suggest_a_word(releases):
    """Building "did you mean"'s vocabulary reads thousands of texts: longer than a request
    may run at 100,000 releases (make load). The fallback only uses one built before."""
    cache.delete(vocabulary.CACHE_KEY)

    results = run("hesabta")

    assert results.degraded and results.suggestion is None
    assert cache.get(vocabulary.CACHE_KEY) is None


def test_the_fallback_suggests_from_a_vocabulary_already_built(releases):
    cache.delete(vocabulary.CACHE_KEY)
    vocabulary.vocabulary()

    assert run("hesabta").suggestion == "hesabat"


def test_the_vocabulary_reads_only_each_types_newest_texts(releases, monkeypatch):
    monkeypatch.setattr(vocabulary, "VOCABULARY_DOCUMENTS", 1)
    cache.delete(vocabulary.CACHE_KEY)

    words = vocabulary.vocabulary()

    assert "hesabat" in words  # the newest release: "Aylıq hesabat dərc olundu"
    assert "seminarlar" not in words and "çirklənməsi" not in words
