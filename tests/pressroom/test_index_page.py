import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from pressroom.models import PressReleaseIndexPage
from tests.factories import OrganizationFactory, PressReleasePageFactory


def titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".release-item__title a")]


@pytest.fixture
def releases(site_tree):
    index = site_tree["en"].releases
    isar = OrganizationFactory(name="ISAR", slug="isar")
    oxfam = OrganizationFactory(name="Oxfam", slug="oxfam")
    make = PressReleasePageFactory
    return {
        "old": make(
            parent=index,
            title="Old",
            organization=isar,
            city="Ganja",
            release_date=datetime.date(1999, 5, 1),
            topics=["water"],
        ),
        "middle": make(
            parent=index,
            title="Middle",
            organization=oxfam,
            city="Baku",
            release_date=datetime.date(2000, 11, 30),
            topics=["civil society"],
        ),
        "new": make(
            parent=index,
            title="New",
            organization=isar,
            city="Baku",
            release_date=datetime.date(2001, 2, 3),
            topics=["civil society"],
        ),
    }


def test_index_lists_releases_newest_first(client, releases):
    assert titles(client.get("/en/press-releases/")) == [
        "New (ISAR)",
        "Middle (Oxfam)",
        "Old (ISAR)",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organization=isar", ["New (ISAR)", "Old (ISAR)"]),
        ("city=baku", ["New (ISAR)", "Middle (Oxfam)"]),
        ("topic=civil-society", ["New (ISAR)", "Middle (Oxfam)"]),
        ("year=1999", ["Old (ISAR)"]),
        ("organization=isar&topic=civil-society&year=2001", ["New (ISAR)"]),
    ],
)
def test_index_filters_by_organization_city_topic_and_year(client, releases, query, expected):
    assert titles(client.get(f"/en/press-releases/?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=99999999999999999999",
        "year=-1",
        "page=xyz",
        "page=999",
        "organization=%00",
        "topic=" + "x" * 5000,
        "city=<script>",
        "organization=no-such-org",
    ],
)
def test_index_never_fails_on_bad_filter_values(client, releases, query):
    response = client.get(f"/en/press-releases/?{query}")

    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</head>", 1)[1]


def test_bad_year_is_ignored_rather_than_emptying_the_list(client, releases):
    assert len(titles(client.get("/en/press-releases/?year=abc"))) == 3


def test_drafts_are_not_listed(client, site_tree, releases):
    PressReleasePageFactory(parent=site_tree["en"].releases, title="Draft", live=False)

    listed = titles(client.get("/en/press-releases/"))

    assert len(listed) == 3
    assert not any(title.startswith("Draft") for title in listed)


def test_pagination_links_keep_the_filters(client, site_tree, monkeypatch):
    monkeypatch.setattr(PressReleaseIndexPage, "page_size", 2)
    isar = OrganizationFactory(name="ISAR", slug="isar")
    for day in range(1, 6):
        PressReleasePageFactory(
            parent=site_tree["en"].releases,
            title=f"Day {day}",
            organization=isar,
            release_date=datetime.date(2000, 1, day),
            city="Baku & Sumgait",
        )

    response = client.get("/en/press-releases/", {"organization": "isar", "city": "Baku & Sumgait"})
    soup = BeautifulSoup(response.content, "html.parser")
    next_href = soup.select_one('.pagination a[rel="next"]')["href"]

    assert parse_qs(urlsplit(next_href).query) == {
        "organization": ["isar"],
        "city": ["Baku & Sumgait"],
        "page": ["2"],
    }
    assert titles(client.get("/en/press-releases/" + next_href)) == [
        "Day 3 (ISAR)",
        "Day 2 (ISAR)",
    ]


def test_filtered_index_advertises_the_organization_and_topic_feeds(client, releases):
    response = client.get("/en/press-releases/?organization=isar&topic=civil-society")
    soup = BeautifulSoup(response.content, "html.parser")

    feeds = {link["href"] for link in soup.select('head link[rel="alternate"]')}

    assert {
        "/en/feeds/organizations/isar.rss",
        "/en/feeds/organizations/isar.atom",
        "/en/feeds/topics/civil-society.rss",
        "/en/feeds/topics/civil-society.atom",
    } <= feeds


def test_unfiltered_index_advertises_only_the_site_feeds(client, releases):
    soup = BeautifulSoup(client.get("/en/press-releases/?topic=nope").content, "html.parser")

    assert {link["href"] for link in soup.select('head link[rel="alternate"]')} == {
        "/en/feeds/releases.rss",
        "/en/feeds/releases.atom",
        "/en/feeds/releases.json",
    }


def test_a_release_city_is_named_as_the_list_language_names_it(client, site_tree):
    PressReleasePageFactory(parent=site_tree["en"].releases, title="Wells", city="Shaki")

    soup = BeautifulSoup(client.get("/en/press-releases/").content, "html.parser")

    assert "Sheki" in soup.select_one(".release-item .meta").get_text()
