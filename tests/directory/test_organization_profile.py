import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import Locale

from directory.models import OrganizationType
from home.services import site_tree_create
from tests.factories import OrganizationFactory, PressReleasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def isar(django_db_setup, django_db_blocker):
    """ISAR in both languages, with a release in each role; built once per module."""
    with django_db_blocker.unblock(), transaction.atomic():
        tree = site_tree_create()
        isar = OrganizationFactory(
            name="ISAR",
            acronym="ISAR",
            slug="isar",
            city="Sheki",
            organization_type=OrganizationType.DONOR,
            description="<p>Supports civic initiatives.</p>",
            focus_areas=["civil society", "water"],
            postal_address="24 J. Jabbarly, Apt. 2\nBaku",
            phones=["(994-12) 95-25-57"],
            email="info@isar.example",
            website="https://isar.example/",
        )
        isar_az = isar.copy_for_translation(Locale.objects.get(language_code="az"))
        isar_az.save()
        OrganizationFactory(name="Internews Azerbaijan", acronym="Internews", slug="internews")
        index = tree["en"].releases
        PressReleasePageFactory(parent=index, title="Issued", organization=isar)
        PressReleasePageFactory(parent=index, title="Joined", participants=[isar])
        PressReleasePageFactory(parent=index, title="Paid for", funders=[isar])
        PressReleasePageFactory(parent=index, title="Draft", organization=isar, live=False)
        yield isar
        transaction.set_rollback(True)


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_profile_names_an_organization_whose_acronym_is_its_name_once(client, isar):
    soup = soup_of(client.get(isar.get_url()))

    assert soup.h1.get_text(strip=True) == "ISAR"
    assert soup.select_one(".organization__acronym") is None
    assert "ISAR (ISAR)" not in soup.get_text()


def test_profile_shows_a_different_acronym_under_the_name(client, isar):
    soup = soup_of(client.get("/en/directory/internews/"))

    assert soup.h1.get_text(strip=True) == "Internews Azerbaijan"
    assert soup.select_one(".organization__acronym").get_text(strip=True) == "Internews"


def test_profile_shows_the_organization_and_its_contact_details(client, isar):
    soup = soup_of(client.get(isar.get_url()))

    facts = soup.select_one(".organization__facts").get_text(" ", strip=True)
    assert "Donor" in facts and "Sheki" in facts and "civil society, water" in facts
    assert "Supports civic initiatives." in soup.select_one(".description").get_text()
    contact = soup.select_one(".contact")
    assert "ISAR" not in contact.get_text(" ", strip=True)
    assert "24 J. Jabbarly, Apt. 2" in contact.get_text(" ", strip=True)
    assert contact.select_one('a[href="tel:99412952557"]').get_text() == "(994-12) 95-25-57"
    assert contact.select_one('a[href="mailto:info@isar.example"]')
    assert contact.select_one('a[href="https://isar.example/"]')


def test_azerbaijani_profile_labels_its_facts_and_city_in_azerbaijani(client, isar):
    soup = soup_of(client.get("/az/directory/isar/"))

    facts = soup.select_one(".organization__facts").get_text(" ", strip=True)
    assert "Şəki" in facts and "Sheki" not in facts
    assert facts.startswith("Növ Donor Şəhər Şəki")


def test_profile_lists_releases_issued_participated_in_and_funded(client, isar):
    soup = soup_of(client.get(isar.get_url()))
    sections = {
        heading.get_text(strip=True): [
            a.get_text(strip=True).split(" (")[0]
            for a in heading.find_next_sibling("ul").select(".release-item__title a")
        ]
        for heading in soup.select(".organization-releases h3")
    }

    assert sections == {"Issued": ["Issued"], "Participated in": ["Joined"], "Funded": ["Paid for"]}
    assert soup.select_one('.organization-releases a[href="/en/press-releases/?organization=isar"]')


def test_profile_links_the_organization_feeds_visibly_and_in_the_head(client, isar):
    soup = soup_of(client.get(isar.get_url()))

    advertised = {link["href"] for link in soup.select('head link[rel="alternate"]')}
    visible = {a["href"] for a in soup.select(".subscribe a")}

    expected = {f"/en/feeds/organizations/isar.{ext}" for ext in ("rss", "atom", "json")}
    assert visible == expected
    assert {"/en/feeds/organizations/isar.rss", "/en/feeds/organizations/isar.atom"} <= advertised


def test_unknown_and_unpublished_profiles_are_404(client, isar):
    OrganizationFactory(slug="hidden", live=False)

    assert client.get("/en/directory/hidden/").status_code == 404
    assert client.get("/en/directory/no-such-org/").status_code == 404


def test_profile_without_contact_details_has_no_empty_contact_section(client, isar):
    soup = soup_of(client.get("/en/directory/internews/"))

    assert soup.select_one("section.contact") is None
    assert soup_of(client.get(isar.get_url())).select_one("section.contact") is not None


def test_profile_shows_the_sections_other_apps_register(client, isar):
    """The ``organization_profile_section`` hook: how a content app adds to profiles."""

    def section(organization, request):
        return format_html('<section class="extra">{} events</section>', organization.slug)

    with hooks.register_temporarily("organization_profile_section", section):
        soup = soup_of(client.get(isar.get_url()))

    assert soup.select_one("article .extra").get_text() == "isar events"
    assert soup_of(client.get(isar.get_url())).select_one(".extra") is None
