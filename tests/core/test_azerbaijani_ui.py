"""Pages under /az/ speak Azerbaijani: the strings come from locale/az (compiled .mo)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import OrganizationFactory, PressReleasePageFactory


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "az"
    return re.sub(r"\s+", " ", soup.get_text(" "))


@pytest.fixture
def az_release(site_tree):
    organization = OrganizationFactory(
        name="ISAR",
        acronym="ISAR",
        slug="isar",
        locale=site_tree["az"].home.locale,
        phones=["(994-12) 95-25-57"],
        fax="(994-12) 94-30-84",
    )
    return PressReleasePageFactory(
        parent=site_tree["az"].releases,
        title="Regional QHT görüşü",
        organization=organization,
        release_date=datetime.date(2000, 11, 30),
    )


def test_az_release_page_uses_azerbaijani_labels(client, az_release):
    text = text_of(client, az_release.url)

    assert "Press-reliz - Regional QHT görüşü (ISAR)" in text
    assert "Press-reliz tarixi: 30.11.2000" in text
    assert "Ətraflı məlumat üçün əlaqə:" in text
    assert "Faks: (994-12) 94-30-84" in text


@pytest.mark.parametrize("url", ["/az/", "/az/press-releases/", "/az/directory/", "/az/search/"])
def test_az_pages_show_azerbaijani_chrome(client, site_tree, url):
    text = text_of(client, url)

    for label in (
        "Ana səhifə",
        "Ətraflı axtarış",
        "Təşkilatlar üçün",
        "Giriş",
        "Şifrəni unutmusunuz?",
        "Yeni istifadəçi",
        "Məzmuna keç",
    ):
        assert label in text
    assert "Advanced search" not in text
    assert "For Organizations" not in text


def test_en_pages_stay_in_english(client, site_tree):
    response = client.get("/en/")

    assert "Advanced search" in response.content.decode()
    assert "Ətraflı axtarış" not in response.content.decode()
