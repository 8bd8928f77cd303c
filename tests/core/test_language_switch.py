import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.factories import OrganizationFactory, PressReleasePageFactory


def switch_links(client, url: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a[hreflang]")}


@pytest.fixture
def az(db):
    return Locale.objects.get(language_code="az")


@pytest.fixture
def translated_release(site_tree, az):
    release = PressReleasePageFactory(parent=site_tree["en"].releases, slug="regional-meeting")
    translation = release.copy_for_translation(az)
    translation.slug = "regional-gorus"
    translation.save_revision().publish()
    return release, translation


@pytest.mark.usefixtures("translated_release")
def test_release_switches_to_its_translation_and_back(client):
    assert switch_links(client, "/en/press-releases/regional-meeting/") == {
        "az": "/az/press-releases/regional-gorus/"
    }
    assert switch_links(client, "/az/press-releases/regional-gorus/") == {
        "en": "/en/press-releases/regional-meeting/"
    }


def test_release_without_translation_switches_to_the_other_languages_list_and_says_so(
    client, site_tree
):
    release = PressReleasePageFactory(parent=site_tree["en"].releases, slug="english-only")

    assert switch_links(client, release.url) == {"az": "/az/press-releases/"}
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")
    notice = soup.select_one("main .notice[lang=az]")
    assert notice.get_text(" ", strip=True) == (
        f"Bu səhifə yalnız ingilis dilində mövcuddur. Azərbaycan dilində: {notice.a.get_text()}"
    )
    assert notice.a["href"] == "/az/press-releases/"


def test_azerbaijani_only_profile_tells_english_readers_in_english(client, site_tree, az):
    OrganizationFactory(slug="yalniz", locale=az)
    soup = BeautifulSoup(client.get("/az/directory/yalniz/").content, "html.parser")

    notice = soup.select_one("main .notice[lang=en]")
    assert notice.get_text(" ", strip=True) == (
        f"This page is available only in Azerbaijani. In English: {notice.a.get_text()}"
    )
    assert notice.a["href"] == "/en/directory/"


def test_translated_page_shows_no_untranslated_notice(client, translated_release):
    release, _translation = translated_release
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    assert soup.select(".notice") == []


def test_list_filters_go_along_to_the_other_language(client, site_tree):
    assert switch_links(client, "/en/press-releases/?year=2000&topic=water") == {
        "az": "/az/press-releases/?year=2000&topic=water"
    }


def test_unpublished_translation_is_not_offered(client, translated_release):
    release, translation = translated_release
    translation.refresh_from_db()
    translation.unpublish()

    assert switch_links(client, release.url) == {"az": "/az/press-releases/"}


def test_index_and_home_switch_to_their_translations(client, site_tree):
    assert switch_links(client, "/en/") == {"az": "/az/"}
    assert switch_links(client, "/az/press-releases/") == {"en": "/en/press-releases/"}
    assert switch_links(client, "/en/directory/") == {"az": "/az/directory/"}


def test_profile_switches_to_the_organizations_translation(client, site_tree, az):
    isar = OrganizationFactory(name="ISAR", slug="isar")
    isar_az = isar.copy_for_translation(az)
    isar_az.slug = "isar-az"
    isar_az.save()

    assert switch_links(client, "/en/directory/isar/") == {"az": "/az/directory/isar-az/"}
    assert switch_links(client, "/az/directory/isar-az/") == {"en": "/en/directory/isar/"}


def test_profile_without_translation_switches_to_the_other_directory(client, site_tree):
    OrganizationFactory(slug="english-only")

    assert switch_links(client, "/en/directory/english-only/") == {"az": "/az/directory/"}


def test_search_keeps_its_query_in_the_other_language(client, site_tree):
    assert switch_links(client, "/en/search/?q=water") == {"az": "/az/search/?q=water"}


def test_current_language_is_marked_not_linked(client, site_tree):
    soup = BeautifulSoup(client.get("/az/").content, "html.parser")

    current = soup.select_one('.language-switcher [aria-current="true"]')
    assert current.name == "span"
    assert current["lang"] == "az"
