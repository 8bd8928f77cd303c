"""Search knows an organization only while it is public: once unpublished (or while still a
draft) its name finds none of its releases, and no hit, facet or suggestion shows it.
Publishing or unpublishing it updates its releases' documents through the outbox."""

import json

import pytest

from tests.factories import OrganizationFactory, PressReleasePageFactory

TRACE = "zyxw"  # in the hidden organizations' names, acronym and slugs


@pytest.fixture
def releases(site_tree):
    hidden = OrganizationFactory(name="Zyxwv Helpers", acronym="ZYXW", slug="zyxwv-helpers")
    draft = OrganizationFactory(name="Zyxwv Draft Fund", slug="zyxwv-draft", live=False)
    visible = OrganizationFactory(name="Open Org", slug="open-org")
    index = site_tree["en"].releases
    issued = PressReleasePageFactory(
        parent=index, title="Water for villages", organization=hidden, funders=[draft]
    )
    joined = PressReleasePageFactory(
        parent=index, title="Water for towns", organization=visible, participants=[hidden]
    )
    hidden.unpublish()
    return {"issued": issued, "joined": joined, "hidden": hidden}


def search(client, **params) -> dict:
    response = client.get("/en/search/json/", params)
    assert response.status_code == 200
    return response.json()


def assert_search_shows_no_unpublished_organization(client) -> None:
    by_name = search(client, q="Zyxwv")
    by_acronym = search(client, q="ZYXW")
    water = search(client, q="water")
    suggestions = client.get("/en/search/autocomplete/", {"q": "Zyxw"}).json()["items"]
    page = client.get("/en/search/", {"q": "water"}).content.decode()

    assert by_name["count"] == by_acronym["count"] == 0
    assert suggestions == []
    assert water["count"] == 2
    assert TRACE not in json.dumps(water).lower()
    assert {value["value"] for value in water["facets"]["organization"]} == {"open-org"}
    assert TRACE not in page.lower()


def test_unpublished_organization_is_not_found_or_shown_by_search(client, releases):
    assert_search_shows_no_unpublished_organization(client)


def test_an_unpublished_organization_cannot_be_filtered_by(client, releases):
    response = client.get("/en/search/json/", {"organization": "zyxwv-helpers"})

    assert response.status_code == 400
    assert "zyxwv-helpers" in json.dumps(response.json()["errors"])


def test_publishing_the_organization_makes_its_releases_findable_by_its_name(client, releases):
    releases["hidden"].save_revision().publish()

    hits = search(client, q="Zyxwv", type="press_release")["items"]

    assert {hit["id"] for hit in hits} == {releases["issued"].pk, releases["joined"].pk}
    issued = next(hit for hit in hits if hit["id"] == releases["issued"].pk)
    assert issued["organization"] == {"slug": "zyxwv-helpers", "name": "Zyxwv Helpers"}


def test_elasticsearch_forgets_an_unpublished_organization(
    client, site_tree, elasticsearch_backend
):
    hidden = OrganizationFactory(name="Zyxwv Helpers", acronym="ZYXW", slug="zyxwv-helpers")
    visible = OrganizationFactory(name="Open Org", slug="open-org")
    index = site_tree["en"].releases
    PressReleasePageFactory(parent=index, title="Water for villages", organization=hidden)
    PressReleasePageFactory(
        parent=index, title="Water for towns", organization=visible, participants=[hidden]
    )
    elasticsearch_backend.refresh_indexes()
    assert search(client, q="Zyxwv", type="press_release")["count"] == 2

    hidden.unpublish()
    elasticsearch_backend.refresh_indexes()

    assert search(client, q="water")["count"] == 2  # answered by Elasticsearch, not degraded
    assert search(client, q="water")["degraded"] is False
    assert_search_shows_no_unpublished_organization(client)
