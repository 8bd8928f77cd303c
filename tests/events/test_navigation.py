""" "Events" in the site's main navigation (the ``main_menu_item`` hook): between the press
releases and the directory, in the page's language, only where an events index exists."""

from bs4 import BeautifulSoup

from tests.events.conftest import events_index_add


def nav_of(client, url: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [(a.get_text(strip=True), a["href"]) for a in soup.select("header nav.main-nav a")]


def test_events_come_between_the_press_releases_and_the_directory(client, site_tree):
    indexes = events_index_add(site_tree)

    assert [label for label, _href in nav_of(client, "/en/")] == [
        "Home",
        "Press releases",
        "Events",
        "Directory",
        "Advanced search",
    ]
    assert ("Tədbirlər", indexes["az"].url) in nav_of(client, "/az/")
    assert ("Events", indexes["en"].url) in nav_of(client, "/en/")


def test_a_language_without_an_events_index_has_no_events_item(client, site_tree):
    indexes = events_index_add(site_tree)
    indexes["az"].unpublish()

    assert "Tədbirlər" not in [label for label, _href in nav_of(client, "/az/")]
    assert "Events" in [label for label, _href in nav_of(client, "/en/")]
