"""The JSON front end: the contract the search API mounts, and problem responses."""


def test_json_contract_shape(client, corpus):
    response = client.get("/en/search/json/", {"q": "refugees", "type": "press_release"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "items", "facets", "suggestion", "degraded"}
    assert data["degraded"] is False
    assert data["count"] == len(data["items"]) == 2
    item = data["items"][0]
    assert set(item) == {
        "type",
        "id",
        "external_id",
        "title",
        "url",
        "release_date",
        "organization",
        "highlights",
    }
    assert item["type"] == "press_release"
    assert item["external_id"].startswith("corpus-")
    assert set(item["highlights"]) == {"title", "body"}
    assert isinstance(item["highlights"]["body"], list)
    assert set(item["organization"]) == {"slug", "name"}
    assert set(data["facets"]) == {
        "organization",
        "organization_type",
        "city",
        "topic",
        "year",
        "lang",
    }
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count", "selected"} and value["count"] > 0
    assert data["suggestion"] is None


def test_invalid_search_is_a_400_problem(client, corpus):
    response = client.get("/en/search/json/", {"date_from": "2024-05-01", "date_to": "2024-01-01"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["errors"]


def test_autocomplete_json(client, corpus):
    data = client.get("/en/search/autocomplete/", {"q": "Clean"}).json()
    assert {"type": "organization", "title": "Clean Water Alliance"}.items() <= next(
        i for i in data["items"] if i["type"] == "organization"
    ).items()
