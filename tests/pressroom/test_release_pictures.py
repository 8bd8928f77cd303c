"""Release lists show each release's first picture beside it, read for the whole page at once:
the press-release list and the home page's latest releases."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from tests.factories import PressReleasePageFactory


def _pictured(parent, title: str):
    return PressReleasePageFactory(
        parent=parent,
        title=title,
        body=[
            ("paragraph", "<p>Text first.</p>"),
            ("image", {"image": ImageFactory(), "caption": "", "alt_text": "Volunteers"}),
        ],
    )


@pytest.fixture
def releases(site_tree):
    parent = site_tree["en"].releases
    PressReleasePageFactory(parent=parent, title="Without a picture")
    return [_pictured(parent, "With a picture")]


def _pictures(client, url: str) -> list:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select(".release-item img.release-item__picture")


def test_the_list_and_the_home_page_show_the_first_picture_of_a_pictured_release(
    client, site_tree, releases
):
    for url in (site_tree["en"].releases.url, "/en/"):
        pictures = _pictures(client, url)
        assert len(pictures) == 1, url
        assert pictures[0]["alt"] == ""  # the title beside it says what it shows
        assert pictures[0].find_parent("li").select_one("a").get_text().startswith("With a")


def test_pictures_cost_no_query_per_release(client, site_tree, releases):
    url = site_tree["en"].releases.url

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    count_queries()  # renditions are created on the first view
    with_one = count_queries()
    for number in range(3):
        _pictured(site_tree["en"].releases, f"Also pictured {number}")
    count_queries()

    assert count_queries() == with_one
    assert len(_pictures(client, url)) == 4
