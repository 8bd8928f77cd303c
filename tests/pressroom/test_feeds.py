import datetime

import feedparser
import pytest
from wagtail.models import Locale, PageViewRestriction

from tests.factories import OrganizationFactory, PressReleasePageFactory

FEED_KINDS = [("rss", "rss20"), ("atom", "atom10")]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def content(site_tree):
    index = site_tree["en"].releases
    isar = OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar")
    oxfam = OrganizationFactory(name="Oxfam", slug="oxfam")
    usaid = OrganizationFactory(name="USAID", slug="usaid")
    make = PressReleasePageFactory
    older = make(
        parent=index,
        title="Older",
        slug="older",
        organization=isar,
        release_date=datetime.date(2000, 11, 30),
        topics=["civil society"],
    )
    newer = make(
        parent=index,
        title="Newer",
        slug="newer",
        organization=oxfam,
        release_date=datetime.date(2001, 1, 15),
        participants=[isar],
        funders=[usaid],
    )
    draft = make(parent=index, title="Draft", slug="draft", organization=isar, live=False)
    private = make(parent=index, title="Private", slug="private", organization=isar)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    az_release = older.copy_for_translation(Locale.objects.get(language_code="az"))
    az_release.title = "Köhnə"
    az_release.save_revision().publish()
    return {"older": older, "newer": newer, "draft": draft, "private": private}


@pytest.mark.parametrize(("suffix", "version"), FEED_KINDS)
def test_site_feed_lists_live_public_releases_newest_first(client, content, suffix, version):
    feed = parse(client, f"/en/feeds/releases.{suffix}")

    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Newer (Oxfam)", "Older (ISAR)"]


@pytest.mark.parametrize(("suffix", "version"), FEED_KINDS)
def test_feed_links_are_absolute(client, content, suffix, version):
    feed = parse(client, f"/en/feeds/releases.{suffix}")

    assert feed.feed.link == "http://testserver/en/press-releases/"
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/en/press-releases/newer/",
        "http://testserver/en/press-releases/older/",
    ]


def test_feed_entries_carry_the_release_date_and_topics(client, content):
    older = parse(client, "/en/feeds/releases.rss").entries[1]

    assert older.published.startswith("Thu, 30 Nov 2000 00:00:00")
    assert [tag.term for tag in older.tags] == ["civil society"]


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_feeds_are_per_language(client, content, suffix):
    feed = parse(client, f"/az/feeds/releases.{suffix}")

    assert [entry.title for entry in feed.entries] == ["Köhnə (ISAR)"]
    assert feed.entries[0].link.startswith("http://testserver/az/")


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_organization_feed_lists_releases_it_issued_joined_or_funded(client, content, suffix):
    isar = parse(client, f"/en/feeds/organizations/isar.{suffix}")
    usaid = parse(client, f"/en/feeds/organizations/usaid.{suffix}")

    assert [entry.title for entry in isar.entries] == ["Newer (Oxfam)", "Older (ISAR)"]
    assert [entry.title for entry in usaid.entries] == ["Newer (Oxfam)"]
    assert isar.feed.link == "http://testserver/en/directory/isar/"


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_topic_feed_lists_releases_on_the_topic(client, content, suffix):
    feed = parse(client, f"/en/feeds/topics/civil-society.{suffix}")

    assert [entry.title for entry in feed.entries] == ["Older (ISAR)"]
    assert feed.feed.link == "http://testserver/en/press-releases/?topic=civil-society"


@pytest.mark.parametrize(
    "url",
    [
        "/en/feeds/organizations/no-such-org.rss",
        "/en/feeds/organizations/no-such-org.atom",
        "/en/feeds/topics/no-such-topic.rss",
        "/en/feeds/topics/no-such-topic.atom",
    ],
)
def test_unknown_organization_or_topic_feed_is_404(client, content, url):
    assert client.get(url).status_code == 404


def test_focus_area_tag_is_not_a_topic_feed(client, content):
    OrganizationFactory(slug="green", focus_areas=["environment"])

    assert client.get("/en/feeds/topics/environment.rss").status_code == 404


def test_unpublished_organization_has_no_feed(client, content):
    OrganizationFactory(slug="hidden", live=False)

    assert client.get("/en/feeds/organizations/hidden.rss").status_code == 404


def test_unicode_slugs_have_feeds(client, site_tree):
    az = Locale.objects.get(language_code="az")
    organization = OrganizationFactory(name="Şəki QHT", slug="şəki-qht", locale=az)
    PressReleasePageFactory(
        parent=site_tree["az"].releases, organization=organization, topics=["vətəndaş cəmiyyəti"]
    )

    organization_feed = parse(client, "/az/feeds/organizations/şəki-qht.rss")
    topic_feed = parse(client, "/az/feeds/topics/vətəndaş-cəmiyyəti.atom")

    assert len(organization_feed.entries) == len(topic_feed.entries) == 1
