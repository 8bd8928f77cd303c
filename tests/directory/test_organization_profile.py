import pytest
from bs4 import BeautifulSoup

from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture
def isar(site_tree):
    return OrganizationFactory(
        name="ISAR",
        acronym="ISAR",
        slug="isar",
        postal_address="24 J. Jabbarly, Apt. 2\nBaku",
        phones=["(994-12) 95-25-57"],
        email="info@isar.example",
        website="https://isar.example/",
    )


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_profile_shows_contact_details(client, isar):
    soup = soup_of(client.get(isar.get_url()))

    assert soup.h1.get_text(strip=True) == "ISAR (ISAR)"
    contact = soup.select_one(".contact").get_text(" ", strip=True)
    assert "24 J. Jabbarly, Apt. 2" in contact
    assert "Tel: (994-12) 95-25-57" in contact
    assert soup.select_one('.contact a[href="mailto:info@isar.example"]')
    assert soup.select_one('.contact a[href="https://isar.example/"]')


def test_profile_lists_releases_issued_participated_in_and_funded(client, site_tree, isar):
    index = site_tree["en"].releases
    PressReleasePageFactory(parent=index, title="Issued", organization=isar)
    PressReleasePageFactory(parent=index, title="Joined", participants=[isar])
    PressReleasePageFactory(parent=index, title="Paid for", funders=[isar])
    PressReleasePageFactory(parent=index, title="Draft", organization=isar, live=False)

    soup = soup_of(client.get(isar.get_url()))
    sections = {
        heading.get_text(strip=True): [
            a.get_text(strip=True).split(" (")[0]
            for a in heading.find_next_sibling("ul").select(".release-item__title a")
        ]
        for heading in soup.select(".organization-releases h3")
    }

    assert sections == {"Issued": ["Issued"], "Participated in": ["Joined"], "Funded": ["Paid for"]}


def test_profile_advertises_the_organization_feeds(client, isar):
    soup = soup_of(client.get(isar.get_url()))

    feeds = {link["href"] for link in soup.select('head link[rel="alternate"]')}

    assert {"/en/feeds/organizations/isar.rss", "/en/feeds/organizations/isar.atom"} <= feeds


def test_unknown_and_unpublished_profiles_are_404(client, site_tree):
    OrganizationFactory(slug="hidden", live=False)

    assert client.get("/en/directory/hidden/").status_code == 404
    assert client.get("/en/directory/no-such-org/").status_code == 404
