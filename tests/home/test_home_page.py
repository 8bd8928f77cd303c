import datetime

from bs4 import BeautifulSoup

from home.models import FeaturedOrganization
from tests.factories import OrganizationFactory, PressReleasePageFactory


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_home_lists_the_latest_live_releases_of_its_language(client, site_tree):
    for day in (1, 2):
        PressReleasePageFactory(
            parent=site_tree["en"].releases,
            title=f"Day {day}",
            release_date=datetime.date(2001, 1, day),
        )
    PressReleasePageFactory(parent=site_tree["en"].releases, title="Draft", live=False)
    PressReleasePageFactory(parent=site_tree["az"].releases, title="Azərbaycanca")

    titles = [
        a.get_text(strip=True).split(" (")[0]
        for a in soup_of(client, "/en/").select(".release-item__title a")
    ]

    assert titles == ["Day 2", "Day 1"]


def test_home_shows_live_featured_organizations(client, site_tree):
    home = site_tree["en"].home
    for organization in (
        OrganizationFactory(name="ISAR", slug="isar"),
        OrganizationFactory(name="Hidden", slug="hidden", live=False),
    ):
        FeaturedOrganization.objects.create(page=home, organization=organization)

    links = soup_of(client, "/en/").select("#featured-heading ~ ul a")

    assert [(a.get_text(strip=True), a["href"]) for a in links] == [("ISAR", "/en/directory/isar/")]


def test_home_has_a_labelled_search_box_that_searches(client, site_tree):
    form = soup_of(client, "/en/").select_one("form[role=search]")

    assert form["action"] == "/en/search/"
    field = form.select_one("input[name=q]")
    assert form.select_one(f'label[for="{field["id"]}"]')
