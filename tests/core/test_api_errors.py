"""Errors under /api/v3/ are problem+json whoever answers them, and no parameter, ours or
one of Wagtail's own endpoints', reaches the database in a form it refuses.

Partners parse these answers (docs/api.md "Errors"): an HTML error page breaks their client.
"""

import pytest
import wagtail_factories

from tests.factories import PressReleasePageFactory

PROBLEM_JSON = "application/problem+json"


@pytest.fixture
def api_client(client):
    client.raise_request_exception = False
    return client


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == status
    return problem


@pytest.mark.parametrize(
    "path", ["/api/v3/nothing-here/", "/api/v3/press-releases/abc/", "/api/v3/pages/1/x/y/"]
)
def test_unknown_api_path_is_a_404_problem(api_client, db, path):
    assert_problem(api_client.get(path), 404)


def test_method_an_endpoint_lacks_is_a_405_problem_naming_the_allowed_ones(api_client, db):
    response = api_client.delete("/api/v3/press-releases/")
    assert_problem(response, 405)
    assert "GET" in response["Allow"]


def test_unhandled_error_is_a_500_problem_that_reveals_nothing(api_client, db, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("pressroom.api.router.release_api_list", broken)
    problem = assert_problem(api_client.get("/api/v3/press-releases/"), 500)
    assert "secret" not in problem["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/press-releases/",
        "/api/v3/organizations/",
        "/api/v3/pages/",
        "/api/v3/images/",
        "/api/v3/documents/",
    ],
)
@pytest.mark.parametrize("offset", [str(2**63), str(10**30), "%C2%B2"])
def test_offset_beyond_what_a_database_stores_is_a_422_naming_it(api_client, db, path, offset):
    problem = assert_problem(api_client.get(f"{path}?offset={offset}"), 422)
    assert problem["errors"][0]["loc"] == ["query", "offset"]


def test_largest_offset_is_an_empty_page(api_client, site_tree):
    response = api_client.get(f"/api/v3/press-releases/?offset={2**63 - 1}")
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("path", ["/api/v3/press-releases/", "/api/v3/organizations/"])
def test_id_beyond_what_a_database_stores_is_a_422(api_client, db, path):
    assert_problem(api_client.get(f"{path}{2**63}/"), 422)


@pytest.mark.parametrize(
    "query",
    ["search=a%00b", "city=a%00b", "q=a%0Db", "organization=a%00b", "fields=a%00b"],
)
@pytest.mark.parametrize("path", ["/api/v3/pages/", "/api/v3/press-releases/", "/api/v3/search/"])
def test_control_characters_are_a_422_naming_the_parameter(api_client, db, path, query):
    problem = assert_problem(api_client.get(f"{path}?{query}"), 422)
    assert problem["errors"][0]["loc"] == ["query", query.split("=")[0]]


@pytest.mark.parametrize("search", ["%22", "%22open", "title%3A(%22a", "+++", "*"])
@pytest.mark.parametrize("path", ["/api/v3/pages/", "/api/v3/images/"])
def test_wagtails_search_parameter_is_read_as_words(api_client, site_tree, path, search):
    """The database backends' query builders fail on quotes and empty queries."""
    wagtail_factories.ImageFactory(title="Open day")
    response = api_client.get(f"{path}?search={search}")
    assert response.status_code == 200


def test_wagtails_search_still_finds_by_words(api_client, site_tree):
    PressReleasePageFactory(parent=site_tree["en"].releases, title="Clean water for villages")
    response = api_client.get('/api/v3/pages/?search="water"')
    assert [item["title"] for item in response.json()["items"]] == ["Clean water for villages"]


@pytest.mark.parametrize(
    "moment", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00", "0001-01-01T00:00:00%2B14:00"]
)
def test_datetime_that_does_not_exist_in_utc_is_a_422(api_client, db, moment):
    problem = assert_problem(api_client.get(f"/api/v3/press-releases/?updated_since={moment}"), 422)
    assert problem["errors"][0]["loc"] == ["query", "updated_since"]


def test_wagtails_search_reads_at_most_the_words_our_search_reads(api_client, site_tree):
    """PostgreSQL's query builder recursed once per word: 300 words were a RecursionError."""
    words = "+".join(f"word{n}" for n in range(300))
    assert api_client.get(f"/api/v3/pages/?search={words}").status_code == 200
