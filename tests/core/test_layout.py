"""Every public page carries the same header, organizations box and accessibility basics."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture
def public_urls(site_tree):
    release = PressReleasePageFactory(parent=site_tree["en"].releases, slug="release")
    OrganizationFactory(slug="isar")
    return {
        "home": "/en/",
        "index": "/en/press-releases/",
        "release": release.url,
        "directory": "/en/directory/",
        "profile": "/en/directory/isar/",
        "search": "/en/search/?q=x",
    }


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("name", ["home", "index", "release", "directory", "profile", "search"])
def test_public_page_has_header_switch_and_organizations_box(client, public_urls, name):
    soup = soup_of(client, public_urls[name])

    nav = {a.get_text(strip=True): a["href"] for a in soup.select("header nav.main-nav a")}
    assert nav["Home"] == "/en/"
    assert nav["Advanced search"] == "/en/search/"
    assert soup.select_one(".language-switcher a[hreflang=az]")
    box = soup.select_one(".for-organizations")
    assert {a.get_text(strip=True): a["href"] for a in box.select("a")} == {
        "Login": "/en/organizations/login/",
        "Forgot password": "/en/organizations/password-reset/",
        "New user": "/en/organizations/join/",
    }
    assert {link["href"] for link in soup.select('head link[rel="alternate"]')} >= {
        "/en/feeds/releases.rss",
        "/en/feeds/releases.atom",
    }


@pytest.mark.parametrize("name", ["home", "release", "directory"])
def test_public_page_has_landmarks_skip_link_and_language(client, public_urls, name):
    soup = soup_of(client, public_urls[name])

    assert soup.html["lang"] == "en"
    assert soup.html["dir"] == "ltr"
    skip = soup.body.find("a")
    assert skip["href"] == "#main"
    assert soup.select_one("main#main")
    assert soup.select_one("header") and soup.select_one("footer") and soup.select_one("aside")
    assert soup.select_one('meta[name="viewport"]')
    for select in soup.select("form select, form input:not([type=hidden])"):
        assert soup.select_one(f'label[for="{select["id"]}"]'), select


def test_organization_links_follow_the_current_language(client, site_tree):
    soup = soup_of(client, "/az/")

    hrefs = [a["href"] for a in soup.select(".for-organizations a")]

    assert hrefs == [
        "/az/organizations/login/",
        "/az/organizations/password-reset/",
        "/az/organizations/join/",
    ]


def test_stylesheet_is_served_locally(client, site_tree):
    soup = soup_of(client, "/en/")

    stylesheet = soup.select_one('link[rel="stylesheet"]')["href"]

    assert stylesheet.startswith("/static/")
    assert not soup.select('script[src^="http"], link[href^="http"]')
