"""The main navigation's extension point: apps add items with the ``main_menu_item`` hook.

Readers find the site's sections there; a content app (events) relies on the hook to add its
own without editing core's header.
"""

from bs4 import BeautifulSoup
from wagtail import hooks

from core.navigation import MainMenuItem


def main_nav(client, url: str) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(strip=True), a["href"]) for a in soup.select("header nav.main-nav a")]


def test_the_press_room_and_the_directory_add_their_sections_in_order(client, site_tree):
    assert main_nav(client, "/en/") == [
        ("Home", "/en/"),
        ("Press releases", "/en/press-releases/"),
        ("Directory", "/en/directory/"),
        ("Advanced search", "/en/search/"),
    ]


def test_items_follow_the_page_language(client, site_tree):
    nav = main_nav(client, "/az/")

    assert [label for label, _href in nav] == [
        "Ana səhifə",
        "Press-relizlər",
        "Kataloq",
        "Ətraflı axtarış",
    ]
    assert all(href.startswith("/az/") for _label, href in nav)


def test_an_apps_item_goes_where_its_order_puts_it_and_none_adds_nothing(client, site_tree):
    def guide(request) -> MainMenuItem:
        return MainMenuItem(label="Guide", url=f"/{request.LANGUAGE_CODE}/guide/")

    def nothing_here(request) -> None:
        return None

    with (
        hooks.register_temporarily("main_menu_item", guide, order=200),
        hooks.register_temporarily("main_menu_item", nothing_here, order=150),
    ):
        labels = [label for label, _href in main_nav(client, "/en/")]

    assert labels == ["Home", "Press releases", "Guide", "Directory", "Advanced search"]


def test_a_language_without_a_directory_page_has_no_directory_item(client, site_tree):
    site_tree["az"].directory.unpublish()

    labels = [label for label, _href in main_nav(client, "/az/")]

    assert "Kataloq" not in labels
    assert "Press-relizlər" in labels
