"""A city is one facet value, whatever language its releases were written in, labelled in
the page's language; choosing it finds every spelling. On the database and Elasticsearch.
The two organizations (the factory's, in Baku) count under Bakı in both languages."""

import dataclasses

import pytest
from django.http import QueryDict
from django.utils import translation

from search.query import parse_search_query
from search.service import search_run
from tests.factories import OrganizationFactory, PressReleasePageFactory

CITIES = {"az": ["Şəki", "Şəki", "Gəncə"], "en": ["Shaki", "Sheki", "Ganja"]}


@pytest.fixture(params=["database", "elasticsearch"])
def releases(request, settings, site_tree):
    engine = None
    if request.param == "elasticsearch":
        engine = request.getfixturevalue("elasticsearch_backend")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": "wagtail.search.backends.database"}
        }
    created = []
    for language, cities in CITIES.items():
        locale = site_tree[language].releases.locale
        organization = OrganizationFactory(name=f"Forum {language}", locale=locale)
        created += [
            PressReleasePageFactory(
                parent=site_tree[language].releases,
                title=f"Forum {number}",
                city=city,
                organization=organization,
            )
            for number, city in enumerate(cities)
        ]
    if engine is not None:
        engine.refresh_indexes()
    return created


def _search(params: str, language: str):
    with translation.override(language):
        query = parse_search_query(QueryDict(f"q=forum&lang=all&{params}"), language=language)
        results = search_run(query=dataclasses.replace(query, page_size=100), language=language)
        headings = dict(heading for heading, _values in results.facet_groups)
    return results, headings


def test_a_city_is_one_facet_value_labelled_in_the_page_language(releases):
    az, az_headings = _search("", "az")
    en, _en_headings = _search("", "en")

    assert [(v.value, v.label, v.count) for v in az.facets["city"]] == [
        ("Şəki", "Şəki", 4),
        ("Bakı", "Bakı", 2),
        ("Gəncə", "Gəncə", 2),
    ]
    assert [(v.value, v.label, v.count) for v in en.facets["city"]] == [
        ("Şəki", "Sheki", 4),
        ("Bakı", "Baku", 2),
        ("Gəncə", "Ganja", 2),
    ]
    assert az_headings["city"] == "Şəhər və ya region"


def test_choosing_a_city_finds_every_spelling_of_it(releases):
    results, _headings = _search("city=Şəki", "en")

    assert results.count == 4
    assert [(v.label, v.selected) for v in results.facets["city"]] == [("Sheki", True)]
    assert results.active_filters == [{"name": "city", "value": "Şəki", "label": "Sheki"}]
