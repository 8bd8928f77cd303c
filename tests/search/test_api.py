"""Contract tests of ``/api/v3/search/`` on the real Elasticsearch node: partner sites run the
site's advanced search through it (docs/api.md), with the page's parameters plus page_size."""

SEARCH = "/api/v3/search/"


def test_search_has_the_partner_contract_shape_and_absolute_urls(client, corpus):
    response = client.get(
        SEARCH, {"q": "refugees", "type": "press_release", "lang": "en", "page_size": 1}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) == {"count", "items", "facets", "suggestion", "degraded"}
    assert data["count"] == 2 and len(data["items"]) == 1
    assert data["items"][0]["url"].startswith("http://localhost/")
    assert set(data["facets"]) == {
        "organization",
        "organization_type",
        "city",
        "topic",
        "year",
        "lang",
    }


def test_search_never_returns_drafts_or_private_releases(client, corpus):
    for q in ("zebracorn", "confidential", "refugees"):
        ids = {item["id"] for item in client.get(SEARCH, {"q": q}).json()["items"]}
        assert corpus.draft.pk not in ids and corpus.private.pk not in ids, q


def test_searches_every_language_unless_lang_is_given(client, corpus):
    everywhere = client.get(SEARCH).json()["facets"]["lang"]
    assert {value["value"] for value in everywhere} == {"en", "az"}
    only_az = client.get(SEARCH, {"lang": "az"}).json()["facets"]["lang"]
    assert [value["value"] for value in only_az if value["count"]] == ["az"]
    assert [value["value"] for value in only_az if value["selected"]] == ["az"]


def test_bad_parameters_are_problems_naming_the_parameter(client, corpus):
    for params, parameter in [
        ({"organization": "nobody"}, "organization"),
        ({"sort": "random"}, "sort"),
        ({"page_size": 101}, "page_size"),
        ({"date_from": "2000-02-30"}, "date_from"),
        ({"type": "person"}, "type"),
        ({"page": 999}, "page"),
        ({"page": 101, "page_size": 100}, "page"),
    ]:
        response = client.get(SEARCH, params)
        assert response.status_code == 422, params
        assert response["Content-Type"] == "application/problem+json"
        assert parameter in [e["loc"][-1] for e in response.json()["errors"]], params


def test_autocomplete_lists_live_titles(client, corpus):
    items = client.get(f"{SEARCH}autocomplete/", {"q": "zebra"}).json()["items"]
    assert all(set(item) == {"type", "id", "title", "url"} for item in items)
    assert corpus.draft.pk not in {item["id"] for item in items}
