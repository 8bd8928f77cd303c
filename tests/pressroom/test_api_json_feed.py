"""JSON Feed 1.1 of releases, beside RSS and Atom: feed readers and partner sites poll it."""

from wagtail.models import PageViewRestriction

from tests.factories import OrganizationFactory, PressReleasePageFactory


def test_json_feeds_list_only_live_public_releases_and_are_advertised(client, site_tree):
    isar = OrganizationFactory(slug="isar")
    releases = site_tree["en"].releases
    live = PressReleasePageFactory(parent=releases, organization=isar, topics=["elections"])
    PressReleasePageFactory(parent=releases, organization=isar, title="Draft", live=False)
    private = PressReleasePageFactory(parent=releases, organization=isar, topics=["elections"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for url in (
        "/en/feeds/releases.json",
        "/en/feeds/organizations/isar.json",
        "/en/feeds/topics/elections.json",
    ):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/feed+json"), url
        feed = response.json()
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert [item["id"] for item in feed["items"]] == [f"urn:pressroom:page:{live.pk}"], url
        assert feed["items"][0]["url"].startswith("http://testserver/en/press-releases/")
    assert client.get("/en/feeds/organizations/nobody.json").status_code == 404
    home = client.get("/en/").content.decode()
    assert 'type="application/feed+json"' in home and 'href="/en/feeds/releases.json"' in home
