import xml.etree.ElementTree as ET

from django.test import override_settings
from wagtail.models import Locale, Site

from tests.factories import OrganizationFactory, PressReleasePageFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]
    assert len(locations) == len(set(locations)), "no URL is listed twice"
    return {location.split("://", 1)[1].split("/", 1)[1] for location in locations}


def test_sitemap_lists_every_live_page_in_both_languages(client, site_tree):
    en_release = PressReleasePageFactory(parent=site_tree["en"].releases, slug="meeting")
    az_release = en_release.copy_for_translation(Locale.objects.get(language_code="az"))
    az_release.save_revision().publish()

    paths = sitemap_paths(client)

    assert {
        "en/",
        "en/press-releases/",
        "en/directory/",
        "en/press-releases/meeting/",
        "az/",
        "az/press-releases/",
        "az/directory/",
        "az/press-releases/meeting/",
    } <= paths


def test_sitemap_leaves_out_drafts(client, site_tree):
    PressReleasePageFactory(parent=site_tree["en"].releases, slug="draft", live=False)

    assert "en/press-releases/draft/" not in sitemap_paths(client)


def test_sitemap_lists_live_organization_profiles_in_both_languages(client, site_tree):
    isar = OrganizationFactory(name="ISAR", slug="isar")
    isar.copy_for_translation(Locale.objects.get(language_code="az")).save()
    OrganizationFactory(name="Unpublished", slug="unpublished", live=False)

    paths = sitemap_paths(client)

    assert {"en/directory/isar/", "az/directory/isar/"} <= paths
    assert "en/directory/unpublished/" not in paths


def sitemap_locations(client, **extra) -> list[str]:
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


@override_settings(ALLOWED_HOSTS=["press.example.org"])
def test_sitemap_on_the_default_site_uses_the_requests_host_not_localhost(client, site_tree):
    OrganizationFactory(name="ISAR", slug="isar")

    locations = sitemap_locations(client, HTTP_HOST="press.example.org")

    assert "http://press.example.org/en/directory/isar/" in locations
    assert "http://press.example.org/az/press-releases/" in locations
    assert all(location.startswith("http://press.example.org/") for location in locations)


@override_settings(ALLOWED_HOSTS=["press.example.org", "www.press.example.org"])
def test_sitemap_keeps_the_host_and_port_of_a_named_site(client, site_tree):
    Site.objects.filter(is_default_site=True).update(hostname="press.example.org", port=443)

    locations = sitemap_locations(client, HTTP_HOST="press.example.org")

    assert "https://press.example.org/en/" in locations
    assert all(location.startswith("https://press.example.org/") for location in locations)
