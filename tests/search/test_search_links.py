"""The results page's links carry the search's own parameters only, cleaned and capped: a
junk parameter must not be copied into each of them (it multiplied the page's size)."""

import pytest

from tests.search.corpus import corpus_create


@pytest.fixture
def corpus(site_tree, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return corpus_create(site_tree)


def test_unknown_parameters_are_left_out_of_every_link(client, corpus):
    plain = client.get("/en/search/", {"q": "refugees"})
    junk = client.get("/en/search/", {"q": "refugees", "junk": "x" * 3900})

    assert junk.status_code == plain.status_code == 200
    assert "xxxxxxxxxx" not in junk.content.decode()
    assert len(junk.content) == len(plain.content)


def test_an_overlong_filter_value_is_carried_on_capped(client, corpus):
    html = client.get("/en/search/", {"q": "refugees", "city": "B" * 3900}).content.decode()

    assert "B" * 101 not in html
