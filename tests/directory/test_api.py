"""Contract tests of ``/api/v3/organizations/``: partner sites list the directory from it."""

import pytest

from tests.factories import OrganizationFactory

LIST = "/api/v3/organizations/"


@pytest.fixture
def organizations(site_tree):
    isar = OrganizationFactory(
        name="Institute", acronym="ISAR", slug="isar", city="Ganja", focus_areas=["elections"]
    )
    donor = OrganizationFactory(name="Fund", slug="fund", organization_type="donor")
    draft = OrganizationFactory(name="Draft", slug="draft", live=False)
    return isar, donor, draft


def test_list_and_detail_serve_only_live_organizations(client, organizations):
    isar, donor, draft = organizations
    listed = client.get(LIST).json()
    assert {item["id"] for item in listed["items"]} == {isar.pk, donor.pk}
    assert client.get(f"{LIST}{draft.pk}/").status_code == 404
    detail = client.get(f"{LIST}{isar.pk}/").json()
    assert detail["url"] == "http://localhost/en/directory/isar/"
    assert detail["releases"] == {
        "api": "http://testserver/api/v3/press-releases/?organization=isar",
        "page": "http://localhost/en/directory/isar/",
    }
    assert detail["contact"]["name"] == "Institute"
    assert detail["focus_areas"] == [{"slug": "elections", "name": "elections"}]


def test_filters_fields_and_errors(client, organizations):
    isar, donor, _draft = organizations
    for query, expected in [
        ("q=isar", {isar.pk}),
        ("type=donor", {donor.pk}),
        ("city=ganja", {isar.pk}),
        ("focus=elections", {isar.pk}),
        ("lang=az", set()),
    ]:
        assert {i["id"] for i in client.get(f"{LIST}?{query}").json()["items"]} == expected, query
    items = client.get(f"{LIST}?fields=name,slug").json()["items"]
    assert all(set(item) == {"name", "slug"} for item in items)
    for query, status, parameter in [
        ("type=club", 422, "type"),
        ("fields=colour", 422, "fields"),
        ("limit=101", 400, "limit"),
    ]:
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == status, query
        assert parameter in [e["loc"][-1] for e in response.json()["errors"]], query


def test_unchanged_list_answers_304(client, organizations):
    etag = client.get(LIST)["ETag"]
    assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 304
