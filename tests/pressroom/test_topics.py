"""A known topic reads in the page's language wherever a reader meets it: the search facet
and its chip, the release page, the list's filter and the topic's feed. The API keeps tags
as stored, for partners who filter by them."""

import dataclasses

import pytest
from django.http import QueryDict
from django.utils import translation

from pressroom.topics import topic_label
from search.query import parse_search_query
from search.service import search_run
from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture
def release(site_tree, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return PressReleasePageFactory(
        parent=site_tree["az"].releases,
        title="Forum",
        organization=OrganizationFactory(locale=site_tree["az"].releases.locale),
        topics=["water", "beekeeping"],
    )


def test_topic_label_names_a_known_topic_in_either_language_and_leaves_others_alone():
    assert topic_label("Water", "az") == "su"
    assert topic_label("su", "en") == "water"
    assert topic_label("İnsan hüquqları", "en") == "human rights"
    assert topic_label("beekeeping", "az") == "beekeeping"


def test_search_facet_and_chip_show_the_topic_in_the_page_language(release):
    with translation.override("az"):
        params = QueryDict("q=forum&topic=water")
        query = parse_search_query(params, language="az")
        results = search_run(query=dataclasses.replace(query, page_size=10), language="az")

    labels = {value.value: value.label for value in results.facets["topic"]}
    assert labels == {"water": "su", "beekeeping": "beekeeping"}
    assert [f["label"] for f in results.active_filters if f["name"] == "topic"] == ["su"]


def test_release_page_list_filter_and_feed_name_the_topic_in_the_page_language(client, release):
    page = client.get(release.url).content.decode()
    listing = client.get(release.get_parent().url).content.decode()
    feed = client.get("/az/feeds/topics/water.rss").content.decode()

    assert 'rel="tag">su</a>' in page
    assert '<option value="water">su</option>' in listing
    assert "su" in feed.split("<title>")[1].split("</title>")[0]


def test_api_keeps_the_topic_as_tagged(client, release):
    body = client.get(f"/api/v3/press-releases/{release.pk}/").json()

    assert {topic["name"] for topic in body["topics"]} == {"water", "beekeeping"}
