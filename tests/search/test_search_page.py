"""The search page at /<lang>/search/: results, facets, highlights, messages, no 500s."""

import pytest


def test_page_shows_count_facets_and_escaped_highlights(client, corpus):
    response = client.get("/en/search/", {"q": "bold", "type": "press_release"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 result" in html
    assert "&lt;b&gt;<mark>bold</mark>" in html
    assert "<b>bold</b>" not in html
    assert 'href="?q=bold&amp;type=press_release&amp;organization=sheki-center"' in html


def test_facet_link_refines_and_the_chip_removes_it(client, corpus):
    refined = client.get("/en/search/", {"type": "press_release", "organization": "rights-centre"})
    html = refined.content.decode()
    assert "3 results" in html
    assert 'href="?type=press_release"' in html  # remove the organization filter
    assert "Human Rights Centre" in html


def test_did_you_mean_links_to_the_corrected_search(client, corpus):
    html = client.get("/en/search/", {"q": "refugess"}).content.decode()
    assert "Did you mean" in html
    assert 'href="?q=refugees"' in html


def test_empty_state_helps(client, corpus):
    html = client.get("/en/search/", {"q": "nonexistentword"}).content.decode()
    assert "Nothing matches this search." in html
    assert "Search in all languages" in html


def test_azerbaijani_page_is_translated_and_searches_azerbaijani(client, corpus):
    response = client.get("/az/search/", {"q": "qaçqın", "type": "press_release"})
    assert response.status_code == 200
    # The title's inflected form is a match of its own now, highlighted as written.
    assert "Şəkidə <mark>qaçqınlara</mark> qış yardımı" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced'},
        {"q": "x" * 5000},
        {"date_from": "2024-05-01", "date_to": "2024-01-01"},
        {"date_from": "31/12/2024"},
        {"organization": "nobody"},
        {"page": "99999"},
        {"page": "50"},
        {"page": "600"},  # past Elasticsearch's result window (10,000)
        {"q": "refugees\x00\x1b"},
        {"q": "title:("},
        {"q": "*"},
        {"q": "\\"},
    ],
)
def test_bad_input_gets_a_message_never_a_500(client, site_tree, elasticsearch_backend, params):
    response = client.get("/en/search/", params)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    if response.status_code == 400:
        assert 'role="alert"' in html
    else:
        assert "result" in html
