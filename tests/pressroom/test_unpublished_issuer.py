"""A release whose organizations are not public stays public, without them: no name, slug,
acronym, profile link or contact details of an unpublished (or never published) organization
on its page, in the API and its changes feed, or in the feeds."""

import json

import pytest

from tests.factories import OrganizationFactory, PressReleasePageFactory

# Every trace of the hidden organizations contains one of these (name, acronym, slug, email,
# address and profile URL contain "zyxw"; the phone number the other).
TRACES = ("zyxw", "555 0199")


def assert_no_trace(text: str) -> None:
    for trace in TRACES:
        assert trace not in text.lower(), f"{trace!r} leaked"


@pytest.fixture
def releases(site_tree):
    hidden = OrganizationFactory(
        name="Zyxwv Helpers",
        acronym="ZYXW",
        slug="zyxwv-helpers",
        email="press@zyxwv.example",
        phones=["+994 12 555 0199"],
        postal_address="1 Zyxwv Street",
    )
    draft = OrganizationFactory(name="Zyxwv Draft Fund", slug="zyxwv-draft", live=False)
    visible = OrganizationFactory(name="Open Org", slug="open-org")
    index = site_tree["en"].releases
    issued = PressReleasePageFactory(
        parent=index,
        title="Water for villages",
        slug="water",
        organization=hidden,
        participants=[visible, draft],
        funders=[draft],
    )
    joined = PressReleasePageFactory(
        parent=index,
        title="Roads rebuilt",
        slug="roads",
        organization=visible,
        participants=[hidden],
        funders=[hidden],
    )
    hidden.unpublish()
    return {"issued": issued, "joined": joined, "hidden": hidden, "visible": visible}


def test_release_pages_show_no_unpublished_organization(client, releases):
    issued = client.get(releases["issued"].url).content.decode()
    joined = client.get(releases["joined"].url).content.decode()

    assert_no_trace(issued)
    assert_no_trace(joined)
    assert "Issued by" not in issued
    assert "Open Org" in issued and "Open Org" in joined


def test_lists_and_profiles_show_no_unpublished_organization(client, releases):
    for url in ("/en/press-releases/", "/en/directory/open-org/", "/en/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Water for villages" in response.content.decode(), url
        assert_no_trace(response.content.decode())


def test_api_shows_the_release_without_its_unpublished_organizations(client, releases):
    listed = client.get("/api/v3/press-releases/")
    detail = client.get(f"/api/v3/press-releases/{releases['issued'].pk}/")

    assert_no_trace(listed.content.decode())
    assert_no_trace(detail.content.decode())
    item = detail.json()
    assert item["organization"] is None
    assert [o["slug"] for o in item["participants"]] == ["open-org"]
    assert item["funders"] == []
    assert not any(item["contact"].values())
    # An unknown organization, as for any slug nobody can see.
    unknown = client.get("/api/v3/press-releases/?organization=zyxwv-helpers")
    assert unknown.status_code >= 400 and unknown["Content-Type"] == "application/problem+json"


def test_changes_feed_updates_partners_to_the_release_without_the_organization(client, releases):
    items = client.get("/api/v3/press-releases/changes/").json()["items"]

    assert_no_trace(json.dumps(items))
    assert {item["id"]: item["action"] for item in items} == {
        releases["issued"].pk: "upsert",
        releases["joined"].pk: "upsert",
    }


@pytest.mark.parametrize("suffix", ["rss", "atom", "json"])
def test_feeds_show_no_unpublished_organization(client, releases, suffix):
    for url in (f"/en/feeds/releases.{suffix}", f"/en/feeds/organizations/open-org.{suffix}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Water for villages" in response.content.decode(), url
        assert_no_trace(response.content.decode())


def test_publishing_the_organization_again_shows_it_again(client, releases):
    releases["hidden"].save_revision().publish()

    item = client.get(f"/api/v3/press-releases/{releases['issued'].pk}/").json()
    page = client.get(releases["issued"].url).content.decode()

    assert item["organization"]["slug"] == "zyxwv-helpers"
    assert item["contact"]["email"] == "press@zyxwv.example"
    assert "Issued by" in page and "/en/directory/zyxwv-helpers/" in page
