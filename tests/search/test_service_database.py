"""The search service on Wagtail's database backend (no Elasticsearch): the basic cases."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from pressroom.models import PressReleasePage
from search.query import parse_search_query
from search.service import search_autocomplete, search_run
from tests.search.corpus import corpus_create


@pytest.fixture
def corpus(site_tree, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return corpus_create(site_tree)


def run(query_string: str, language: str = "en"):
    query = parse_search_query(QueryDict(query_string), language=language)
    return search_run(query=query, language=language)


def titles(results) -> set[str]:
    return {hit.title for hit in results.hits}


def test_words_find_live_public_releases_in_the_page_language(corpus):
    results = run("q=refugees&type=press_release")
    assert "Refugees receive winter aid in Şəki" in titles(results)
    assert all(hit.type == "press_release" for hit in results.hits)
    assert "Zebracorn draft about refugees" not in titles(results)
    assert "Confidential refugees memo" not in titles(results)
    assert results.engine == "database"


def test_exclusion_and_phrase_on_the_database(corpus):
    assert "Freedom of expression report published" not in titles(
        run("q=expression -report&type=press_release")
    )
    assert titles(run('q="freedom of expression"&type=press_release')) >= {
        "Human rights training for lawyers"
    }


def test_filters_and_facet_counts_match_the_orm(corpus):
    results = run("type=press_release&organization=rights-centre")
    expected = (
        PressReleasePage.objects.live()
        .public()
        .filter(locale__language_code="en", organization__slug="rights-centre")
    )
    assert results.count == expected.count() == 3
    years = {v.value: v.count for v in results.facets["year"]}
    assert years == {"2020": 2, "2023": 1}


def test_highlights_are_escaped_on_the_database(corpus):
    results = run("q=bold&type=press_release")
    hit = next(h for h in results.hits if h.external_id == "corpus-bold_claims")
    assert hit.highlights["title"] == (
        "Report on &lt;b&gt;<mark>bold</mark>&lt;/b&gt; claims &amp; promises"
    )


def test_autocomplete_on_the_database(corpus):
    items = search_autocomplete(text="Clean", languages=("en",))
    assert {item["title"] for item in items} >= {
        "Clean water project opens in Gəncə",
        "Clean Water Alliance",
    }


def test_organizations_are_found_by_name_on_the_database(corpus):
    results = run("q=Youth&type=organization")

    assert "Youth Initiative" in titles(results)
    assert all(hit.type == "organization" for hit in results.hits)


@pytest.mark.parametrize(
    ("filters", "in_database"),
    [
        ("organization=sheki-center", {"organization__slug": "sheki-center"}),
        ("topic=refugees", {"topics__slug": "refugees"}),
        ("city=Gəncə", {"city": "Gəncə"}),
        ("organization_type=international", {"organization__organization_type": "international"}),
    ],
)
def test_words_and_a_filter_together_on_the_database(corpus, filters, in_database):
    """Words and a filter find what the words find, narrowed as the database filters. (The
    backend filters only on declared FilterFields, so relations must not reach it.)"""
    words = run("q=water OR refugees&type=press_release")
    filtered = run(f"q=water OR refugees&type=press_release&{filters}")
    allowed = set(PressReleasePage.objects.filter(**in_database).values_list("title", flat=True))

    assert filtered.engine == "database"
    assert titles(filtered) == titles(words) & allowed
    assert titles(filtered)


def test_every_word_must_match(corpus):
    assert "Refugees receive winter aid in Şəki" in titles(run("q=refugees winter"))
    assert "Refugees receive winter aid in Şəki" not in titles(run("q=refugees zebracorn"))


def test_a_long_query_of_words_costs_what_a_short_one_does(corpus):
    """The words the reader requires are one database search, not one search per word.
    (Words nothing resembles, so that no "did you mean" is looked for.)"""
    filler = " ".join(f"zqx{n}" for n in range(30))
    with CaptureQueriesContext(connection) as short:
        run("q=refugees winter")
    with CaptureQueriesContext(connection) as long:
        run(f"q=refugees winter {filler}")
    assert len(long) <= len(short) + 2
