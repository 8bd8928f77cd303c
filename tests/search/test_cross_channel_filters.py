"""One filter, one meaning: the list page, the search page (no words), ``/api/v3/search/``
and ``/api/v3/press-releases/`` return the same releases for the same filters.

Readers move between the list and the search page, and partners between the two APIs;
the filters are defined once (search/filters.py, docs/search.md "Filters"), and this pins
that every channel applies that definition, on the database search backend and on
Elasticsearch. The corpus is built once per backend and every case is checked against it.
"""

import pytest

from tests.search.corpus import corpus_create

# (name, language of the pages, filters): one HTTP call per channel per case.
CASES = [
    ("one topic", "en", {"topic": ["water"]}),
    ("topics: any of them", "en", {"topic": ["water", "media"]}),
    ("city in another case", "en", {"city": ["baku"]}),
    ("city in Azerbaijani capitals", "az", {"city": ["BAKI"]}),
    ("city with Azerbaijani letters", "en", {"city": ["GƏNCƏ"]}),
    ("one organization", "en", {"organization": ["rights-centre"]}),
    ("organizations: any of them", "en", {"organization": ["rights-centre", "clean-water"]}),
    ("organization type", "en", {"organization_type": ["international"]}),
    ("date range, inclusive", "en", {"date_from": ["2021-01-15"], "date_to": ["2022-05-10"]}),
    ("language", "az", {}),
    ("topic and city", "en", {"topic": ["water", "refugees"], "city": ["şəki"]}),
    (
        "organization, topics and dates",
        "en",
        {
            "organization": ["rights-centre"],
            "topic": ["media", "elections"],
            "date_to": ["2023-01-01"],
        },
    ),
]


@pytest.fixture(params=["database", "elasticsearch"])
def corpus(request, db, settings, site_tree):
    if request.param == "elasticsearch":
        backend = request.getfixturevalue("elasticsearch_backend")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": "wagtail.search.backends.database"}
        }
    built = corpus_create(site_tree)
    if request.param == "elasticsearch":
        backend.refresh_indexes()
    return built


def _ids(items) -> set[int]:
    return {item["id"] for item in items}


def _channels(client, site_tree, language: str, filters: dict) -> dict[str, set[int]]:
    list_page = client.get(site_tree[language].releases.url, filters)
    search_page = client.get(f"/{language}/search/", {**filters, "type": "press_release"})
    search_api = client.get(
        "/api/v3/search/",
        {**filters, "type": "press_release", "lang": language, "page_size": 100},
    )
    list_api = client.get(
        "/api/v3/press-releases/", {**filters, "lang": language, "limit": 100, "fields": "id"}
    )
    for response in (list_page, search_page, search_api, list_api):
        assert response.status_code == 200, response.content[:500]
    return {
        "list page": {release.pk for release in list_page.context["page_obj"]},
        "search page": {hit.id for hit in search_page.context["results"].hits},
        "search API": _ids(search_api.json()["items"]),
        "list API": _ids(list_api.json()["items"]),
    }


def test_every_channel_returns_the_same_releases_for_the_same_filters(client, site_tree, corpus):
    disagreements = []
    for name, language, filters in CASES:
        found = _channels(client, site_tree, language, filters)
        if not found["list page"] or len(set(map(frozenset, found.values()))) != 1:
            disagreements.append((name, found))
    assert not disagreements
