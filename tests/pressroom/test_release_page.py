import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pressroom.models import PressReleasePage, PressReleaseParticipant
from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture
def isar(db):
    return OrganizationFactory(
        name="ISAR",
        acronym="ISAR",
        slug="isar",
        postal_address="24 J. Jabbarly, Apt. 2\nBaku, Azerbaijan",
        phones=["(994-12) 95-25-57", "95-30-37"],
        fax="(994-12) 94-30-84",
        email="info@isar.example",
        mobile="(055) 669 68 89",
        whatsapp="(055) 669 68 89",
    )


@pytest.fixture
def release(site_tree, isar) -> PressReleasePage:
    return PressReleasePageFactory(
        parent=site_tree["en"].releases,
        title="ISAR Organizes First Regional NGO Meeting",
        slug="isar-regional-meeting",
        release_date=datetime.date(2000, 11, 30),
        organization=isar,
        body=[("paragraph", "<p>The first regional NGO meeting took place in Mingechevir.</p>")],
        topics=["civil society"],
        participants=[OrganizationFactory(name="Oxfam", slug="oxfam")],
        funders=[OrganizationFactory(name="USAID", slug="usaid")],
        contact_name="Information and Outreach Program",
        contact_address="24 J. Jabbarly, Apt. 2\nBaku, Azerbaijan",
        contact_phones=["(994-12) 95-25-57", "95-30-37"],
        contact_fax="(994-12) 94-30-84",
        contact_mobile="(055) 669 68 89",
        contact_whatsapp="(055) 669 68 89",
        contact_email="outreach@isar.example",
    )


def get_page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(element) -> str:
    """The element's text as a reader sees it: one space between words, none before a comma."""
    return re.sub(r"\s+([,.])", r"\1", re.sub(r"\s+", " ", element.get_text(" "))).strip()


def test_release_heading_names_the_issuer_by_acronym(client, release):
    soup = get_page(client, release.url)

    assert text_of(soup.h1) == "Press release - ISAR Organizes First Regional NGO Meeting (ISAR)"


def test_release_date_is_printed_day_first(client, release):
    soup = get_page(client, release.url)

    assert text_of(soup.select_one(".release-date")) == "Press release date: 30.11.2000"
    assert soup.select_one(".release-date time")["datetime"] == "2000-11-30"


def test_release_shows_its_body(client, release):
    soup = get_page(client, release.url)

    assert "The first regional NGO meeting took place in Mingechevir." in text_of(
        soup.select_one(".body")
    )


def test_participants_and_funders_link_to_their_directory_profiles(client, release):
    soup = get_page(client, release.url)

    participant = soup.select_one(".participants a")
    funder = soup.select_one(".funders a")
    assert (text_of(participant), participant["href"]) == ("Oxfam", "/en/directory/oxfam/")
    assert (text_of(funder), funder["href"]) == ("USAID", "/en/directory/usaid/")
    assert client.get(participant["href"]).status_code == 200


def test_release_shows_its_own_contact_block(client, release):
    soup = get_page(client, release.url)
    contact = soup.select_one(".contact")

    assert text_of(contact.h2) == "For further information, please contact:"
    text = text_of(contact.address)
    for line in (
        "Information and Outreach Program",
        "24 J. Jabbarly, Apt. 2",
        "Baku, Azerbaijan",
        "Tel: (994-12) 95-25-57, 95-30-37",
        "Fax: (994-12) 94-30-84",
        "Mobile: (055) 669 68 89",
        "WhatsApp: (055) 669 68 89",
        "Email: outreach@isar.example",
    ):
        assert line in text


def test_release_without_contact_shows_the_issuers_contact(client, site_tree, isar):
    release = PressReleasePageFactory(parent=site_tree["en"].releases, organization=isar)

    text = text_of(get_page(client, release.url).select_one(".contact address"))

    assert text.startswith("ISAR")
    assert "Email: info@isar.example" in text
    assert "Fax: (994-12) 94-30-84" in text


def test_topics_link_to_the_list_filtered_by_topic(client, release):
    link = get_page(client, release.url).select_one(".topics a")

    assert text_of(link) == "civil society"
    assert link["href"] == "/en/press-releases/?topic=civil-society"
    listed = get_page(client, link["href"])
    assert "ISAR Organizes First Regional NGO Meeting" in text_of(
        listed.select_one(".release-list")
    )


def test_release_advertises_site_organization_and_topic_feeds(client, release):
    soup = get_page(client, release.url)

    feeds = {link["href"] for link in soup.select('head link[rel="alternate"]')}

    assert feeds == {
        "/en/feeds/releases.rss",
        "/en/feeds/releases.atom",
        "/en/feeds/releases.json",
        "/en/feeds/organizations/isar.rss",
        "/en/feeds/organizations/isar.atom",
        "/en/feeds/organizations/isar.json",
        "/en/feeds/topics/civil-society.rss",
        "/en/feeds/topics/civil-society.atom",
        "/en/feeds/topics/civil-society.json",
    }
    for href in feeds:
        assert client.get(href).status_code == 200


def test_draft_release_is_not_served(client, site_tree):
    draft = PressReleasePageFactory(parent=site_tree["en"].releases, slug="draft", live=False)

    assert client.get(f"/en/press-releases/{draft.slug}/").status_code == 404


def test_participant_links_cost_no_query_per_organization(client, release):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(release.url).status_code == 200
        return len(queries)

    count_queries()  # warm Wagtail's site-root cache so both counts compare the same work
    with_one = count_queries()
    for n in range(5):
        PressReleaseParticipant.objects.create(
            page=release, organization=OrganizationFactory(slug=f"extra-{n}")
        )

    assert count_queries() == with_one
    assert client.get(release.url).content.decode().count('href="/en/directory/extra-') == 5


def test_phone_numbers_are_links_a_phone_can_call(client, site_tree):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        contact_phones=["(+994 12) 497-34-60", "498 52 11"],
    )

    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    phones = {a.get_text(): a["href"] for a in soup.select(".contact a[href^='tel:']")}
    assert phones == {"(+994 12) 497-34-60": "tel:+994124973460", "498 52 11": "tel:4985211"}


def test_breadcrumb_leads_back_to_the_list_and_the_issuers_releases(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    crumbs = [(a.get_text(), a["href"]) for a in soup.select("nav.breadcrumb a")]
    assert crumbs == [
        ("Home", "/en/"),
        ("Press releases", "/en/press-releases/"),
        ("ISAR", "/en/press-releases/?organization=isar"),
    ]


def test_more_from_lists_the_issuers_three_latest_other_releases(client, site_tree, isar):
    releases = site_tree["en"].releases
    shown = PressReleasePageFactory(parent=releases, organization=isar, title="Shown release")
    others = [
        PressReleasePageFactory(
            parent=releases,
            organization=isar,
            title=f"Older {day}",
            release_date=datetime.date(2001, 1, day),
        )
        for day in (1, 2, 3, 4)
    ]
    PressReleasePageFactory(parent=releases, title="Another issuer's release")
    others[3].unpublish()

    soup = BeautifulSoup(client.get(shown.url).content, "html.parser")

    section = soup.select_one("section.more-from")
    assert section.h2.get_text() == "More from ISAR"
    titles = [a.get_text() for a in section.select(".release-item__title a")]
    assert titles == ["Older 3 (ISAR)", "Older 2 (ISAR)", "Older 1 (ISAR)"]


def test_subscribe_links_offer_the_issuers_and_each_topics_feeds(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    links = [(a.get_text(), a["href"]) for a in soup.select("section.subscribe a")]
    assert ("RSS", "/en/feeds/organizations/isar.rss") in links
    assert ("JSON Feed", "/en/feeds/organizations/isar.json") in links
    assert any(href.startswith("/en/feeds/topics/") for _text, href in links)
    for _text, href in links:
        assert client.get(href).status_code == 200


def test_release_names_its_city_in_the_page_language(client, site_tree, isar):
    english = PressReleasePageFactory(
        parent=site_tree["en"].releases, slug="sheki", organization=isar, city="Şəki"
    )
    azerbaijani = PressReleasePageFactory(
        parent=site_tree["az"].releases, slug="seki", organization=isar, city="Shaki"
    )

    assert text_of(get_page(client, english.url).select_one(".issuer")).endswith("· Sheki")
    assert text_of(get_page(client, azerbaijani.url).select_one(".issuer")).endswith("· Şəki")
