"""The search service against a real Elasticsearch node: queries, filters, facets, sort,
highlights, the Azerbaijani cases, "did you mean" and autocomplete."""

from collections import Counter

from django.http import QueryDict

from pressroom.models import PressReleasePage
from search.cities import city_key
from search.query import parse_search_query
from search.service import search_autocomplete, search_run


def run(query_string: str, language: str = "en"):
    query = parse_search_query(QueryDict(query_string), language=language)
    return search_run(query=query, language=language)


def keys(results) -> set[str]:
    return {hit.external_id.removeprefix("corpus-") for hit in results.hits if hit.external_id}


def live_en_releases():
    return PressReleasePage.objects.live().public().filter(locale__language_code="en")


def test_phrase_exclusion_and_or_queries(corpus):
    assert keys(run('q="freedom of expression"&type=press_release')) == {
        "rights_training",
        "expression_report",
    }
    assert keys(run("q=expression -report&type=press_release")) == {"rights_training"}
    assert keys(run('q=winter -"refugee children"&type=press_release')) == {"winter_sheki"}
    assert keys(run("q=election OR lawyers&type=press_release")) == {"election", "rights_training"}


def test_drafts_private_pages_and_other_languages_are_never_found(corpus):
    found = keys(run("q=refugees&type=press_release"))
    assert found == {"winter_sheki", "winter_children"}
    assert keys(run("q=zebracorn")) == set()
    assert keys(run("q=confidential")) == set()
    assert keys(run("q=qaçqın&lang=all&type=press_release")) == {"winter_az"}


def test_each_filter_and_combinations_count_what_the_database_holds(corpus):
    cases = [
        ("organization=rights-centre", {"organization__slug": "rights-centre"}),
        ("organization_type=international", {"organization__organization_type": "international"}),
        ("city=Şəki", {"city": "Şəki"}),
        ("topic=water", {"topics__slug": "water"}),
        (
            "date_from=2021-01-01&date_to=2022-12-31",
            {"release_date__range": ("2021-01-01", "2022-12-31")},
        ),
        (
            "organization=clean-water&topic=health",
            {"organization__slug": "clean-water", "topics__slug": "health"},
        ),
        (
            "organization=rights-centre&organization=youth-initiative&date_from=2022-01-01",
            {
                "organization__slug__in": ["rights-centre", "youth-initiative"],
                "release_date__gte": "2022-01-01",
            },
        ),
    ]
    for query_string, orm_filter in cases:
        expected = live_en_releases().filter(**orm_filter).distinct()
        results = run(f"type=press_release&{query_string}")
        assert results.count == expected.count() > 0, query_string
        assert {hit.id for hit in results.hits} == set(expected.values_list("pk", flat=True))


def test_facets_list_every_value_with_its_count(corpus):
    results = run("type=press_release")
    releases = live_en_releases()
    topics = {v.value: v.count for v in results.facets["topic"]}
    assert topics == {
        slug: releases.filter(topics__slug=slug).count()
        for slug in releases.values_list("topics__slug", flat=True)
    }
    cities = {v.value: v.count for v in results.facets["city"]}
    # One value per city, its Azerbaijani name, however the releases spell it.
    assert cities == Counter(city_key(c) for c in releases.values_list("city", flat=True))
    years = {v.value: v.count for v in results.facets["year"]}
    assert years == {
        str(d.year): releases.filter(release_date__year=d.year).count()
        for d in releases.values_list("release_date", flat=True)
    }
    assert {v.value: v.count for v in results.facets["lang"]} == {"en": releases.count()}
    both = run("type=all&lang=all")
    assert {v.value: v.count for v in both.facets["lang"]} == {
        "en": releases.count() + 5,
        "az": PressReleasePage.objects.live().public().filter(locale__language_code="az").count()
        + 5,
    }


def test_sort_orders(corpus):
    newest = [hit.release_date for hit in run("type=press_release&sort=newest").hits]
    oldest = [hit.release_date for hit in run("type=press_release&sort=oldest").hits]
    assert newest == sorted(newest, reverse=True) and len(newest) == 11
    assert oldest == sorted(oldest)
    relevance = run("q=water&type=press_release").hits
    assert relevance[0].external_id in {"corpus-water_ganja", "corpus-water_children"}


def test_highlights_mark_matches_and_escape_everything_else(corpus):
    hit = run("q=bold&type=press_release").hits[0]
    # Elasticsearch's html encoder also escapes "/" (as &#x2F;), which browsers show as "/".
    assert hit.highlights["title"] == (
        "Report on &lt;b&gt;<mark>bold</mark>&lt;&#x2F;b&gt; claims &amp; promises"
    )
    body = run("q=blankets&type=press_release").hits[0].highlights["body"]
    assert any("<mark>blankets</mark>" in fragment.lower() for fragment in body)


def test_azerbaijani_spellings_find_the_same_releases(corpus):
    sheki = keys(run("q=Şəki&type=press_release&lang=all"))
    assert "winter_sheki" in sheki and "winter_az" in sheki
    assert keys(run("q=Seki&type=press_release&lang=all")) == sheki
    assert keys(run("q=sheki&type=press_release&lang=all")) >= {"winter_sheki", "winter_az"}
    assert "water_ganja" in keys(run("q=ganja&type=press_release"))
    assert "youth_forum" in keys(run("q=mingachevir&type=press_release"))
    assert "light_az" in keys(run("q=ışıq&lang=az&type=press_release"))
    assert "light_az" in keys(run("q=isiq&lang=az&type=press_release"))
    assert "rights_az" in keys(run("q=insan&lang=az&type=press_release"))
    assert "health_ismayilli" in keys(run("q=ismayilli&type=press_release"))


def test_did_you_mean_suggests_a_known_word(corpus):
    results = run("q=refugess&type=press_release")
    assert results.suggestion == "refugees"
    assert run("q=refugees").suggestion is None


def test_autocomplete_offers_titles_and_organization_names(corpus):
    items = search_autocomplete(text="cle", languages=("en",))
    assert {(i["type"], i["title"]) for i in items} >= {
        ("press_release", "Clean water project opens in Gəncə"),
        ("organization", "Clean Water Alliance"),
    }
    assert all(set(i) == {"type", "id", "title", "url"} for i in items)
    assert "Şəki Regional Development Center" in {
        i["title"] for i in search_autocomplete(text="sek", languages=("en",))
    }
