"""An organization's releases live in its newsroom: filing, the migration of older releases,
and the 301s that keep every URL readers and partners saved working (docs/newsrooms.md)."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from directory.models import Organization
from newsrooms.models import Newsroom
from newsrooms.services import newsroom_provision
from pressroom.filing import newsroom_index_find, releases_file_all
from pressroom.models import PressReleaseIndexPage, PressReleasePage
from tests.factories import OrganizationFactory, PressReleasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def isar():
    return OrganizationFactory(name="ISAR", slug="isar")


def legacy_release(site_tree, organization, *, locale="en", **kwargs) -> PressReleasePage:
    """A release where releases lived before newsrooms held them: under the locale's index."""
    return PressReleasePageFactory(
        parent=site_tree[locale].releases, organization=organization, **kwargs
    )


def test_filing_moves_a_release_into_its_issuers_newsroom_and_redirects_its_old_url(
    site_tree, isar, client
):
    release = legacy_release(site_tree, isar, slug="water-forum")
    old_url = release.url

    assert releases_file_all() == 1

    release.refresh_from_db()
    newsroom = newsroom_index_find(organization=isar, locale=release.locale)
    assert release.get_parent().pk == newsroom.pk
    assert newsroom.live and newsroom.get_parent().pk == site_tree["en"].releases.pk
    assert old_url == "/en/press-releases/water-forum/"
    assert release.url == "/en/press-releases/isar/water-forum/"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == release.url
    assert client.get(release.url).status_code == 200
    assert Redirect.objects.get(redirect_page=release).is_permanent


def test_api_id_of_a_filed_release_is_unchanged(site_tree, isar, client):
    release = legacy_release(site_tree, isar)

    releases_file_all()

    body = client.get(f"/api/v3/press-releases/{release.pk}/").json()
    assert body["id"] == release.pk


def test_newsroom_page_lists_its_organizations_whole_archive(site_tree, isar, client):
    for number in range(3):
        legacy_release(site_tree, isar, title=f"ISAR release {number}")
    legacy_release(site_tree, OrganizationFactory(), title="Another organization's release")

    releases_file_all()

    html = client.get("/en/press-releases/isar/").content.decode()
    assert all(f"ISAR release {number}" in html for number in range(3))
    assert "Another organization&#x27;s release" not in html
    assert 'name="organization"' not in html
    top = client.get("/en/press-releases/").content.decode()
    assert "ISAR release 0" in top and "Another organization" in top
    assert 'name="organization"' in top


def test_a_translation_is_filed_in_the_translated_newsroom(site_tree, isar):
    english = legacy_release(site_tree, isar)
    isar_az = isar.copy_for_translation(Locale.objects.get(language_code="az"))
    isar_az.name = "İSAR"
    isar_az.save()
    azerbaijani = legacy_release(
        site_tree, isar_az, locale="az", translation_key=english.translation_key
    )

    assert releases_file_all() == 2

    en_newsroom = PressReleasePage.objects.get(pk=english.pk).get_parent()
    az_newsroom = PressReleasePage.objects.get(pk=azerbaijani.pk).get_parent()
    assert az_newsroom.translation_key == en_newsroom.translation_key
    assert az_newsroom.locale.language_code == "az"
    assert az_newsroom.title == "İSAR"
    assert az_newsroom.get_parent().pk == site_tree["az"].releases.pk


def test_filing_twice_moves_nothing_more_and_makes_one_newsroom_per_language(site_tree, isar):
    legacy_release(site_tree, isar)
    releases_file_all()

    assert releases_file_all() == 0
    newsrooms = PressReleaseIndexPage.objects.filter(
        organization__translation_key=isar.translation_key
    )
    assert sorted(newsrooms.values_list("locale__language_code", flat=True)) == ["az", "en"]


def test_a_slug_taken_in_the_newsroom_gets_a_number_and_the_old_url_still_redirects(
    site_tree, isar, client
):
    legacy_release(site_tree, isar, slug="forum")
    releases_file_all()
    newsroom = newsroom_index_find(organization=isar, locale=Locale.get_default())
    PressReleasePageFactory(parent=newsroom, organization=isar, slug="forum-2")
    late = legacy_release(site_tree, isar, slug="forum-2")

    releases_file_all()

    late.refresh_from_db()
    assert late.url == "/en/press-releases/isar/forum-2-2/"
    assert client.get("/en/press-releases/forum-2/")["Location"] == late.url


def test_migration_marks_newsrooms_made_before_indexes_knew_their_organization(site_tree, isar):
    newsroom = newsroom_provision(organization=isar)
    PressReleaseIndexPage.objects.filter(organization__isnull=False).update(organization=None)
    migration = importlib.import_module("newsrooms.migrations.0002_newsroom_pages_organization")

    migration.newsroom_pages_mark(apps, None)

    pages = PressReleaseIndexPage.objects.filter(organization__translation_key=isar.translation_key)
    assert {page.locale.language_code for page in pages} == {"en", "az"}
    assert Newsroom.objects.get(pk=newsroom.pk).page in pages
    legacy_release(site_tree, isar)
    releases_file_all()
    assert PressReleaseIndexPage.objects.filter(organization__isnull=False).count() == 2


def test_no_index_page_can_be_created_inside_a_newsroom(site_tree, isar):
    legacy_release(site_tree, isar)
    releases_file_all()
    newsroom = newsroom_index_find(organization=isar, locale=Locale.get_default())

    assert PressReleasePage.can_create_at(newsroom)
    assert not PressReleaseIndexPage.can_create_at(newsroom)
    assert PressReleaseIndexPage.can_create_at(site_tree["en"].releases)
    creatable = newsroom.specific.creatable_subpage_models()
    assert PressReleasePage in creatable
    assert PressReleaseIndexPage not in [m for m in creatable if m.can_create_at(newsroom)]


def test_newsrooms_accept_the_page_types_other_apps_register(settings):
    """``PRESSROOM_NEWSROOM_PAGE_TYPES`` is how a content app files its pages in newsrooms."""
    settings.PRESSROOM_NEWSROOM_PAGE_TYPES = ["directory.DirectoryIndexPage"]
    DirectoryIndexPage = apps.get_model("directory", "DirectoryIndexPage")

    assert DirectoryIndexPage in PressReleaseIndexPage.clean_subpage_models()
    settings.PRESSROOM_NEWSROOM_PAGE_TYPES = []
    assert DirectoryIndexPage not in PressReleaseIndexPage.clean_subpage_models()


def test_changing_the_issuer_of_a_filed_release_is_refused_with_the_reason(site_tree, isar):
    release = legacy_release(site_tree, isar)
    releases_file_all()
    release = PressReleasePage.objects.get(pk=release.pk)
    release.organization = OrganizationFactory(name="Other NGO")

    with pytest.raises(ValidationError) as refused:
        release.full_clean()

    assert "filed in the newsroom of ISAR" in refused.value.message_dict["organization"][0]
    release.organization = Organization.objects.get(pk=isar.pk)
    release.full_clean()


def test_the_azerbaijani_newsroom_takes_the_entrys_azerbaijani_name_once_it_exists(
    site_tree, isar, client
):
    legacy_release(site_tree, isar)
    releases_file_all()
    azerbaijani = Locale.objects.get(language_code="az")
    assert newsroom_index_find(organization=isar, locale=azerbaijani).title == "ISAR"

    isar_az = isar.copy_for_translation(azerbaijani)
    isar_az.name = "İSAR"
    isar_az.save()
    isar_az.save_revision().publish()

    az_newsroom = newsroom_index_find(organization=isar, locale=azerbaijani)
    assert (az_newsroom.title, az_newsroom.organization_id, az_newsroom.live) == (
        "İSAR",
        isar_az.pk,
        True,
    )
    assert "<h1>İSAR</h1>" in client.get(az_newsroom.url).content.decode()
    assert newsroom_index_find(organization=isar, locale=Locale.get_default()).title == "ISAR"


def test_migration_retitles_newsrooms_named_before_the_entrys_translation(site_tree, isar):
    legacy_release(site_tree, isar)
    releases_file_all()
    azerbaijani = Locale.objects.get(language_code="az")
    isar_az = isar.copy_for_translation(azerbaijani)
    isar_az.name = "İSAR"
    isar_az.save()
    migration = importlib.import_module("pressroom.migrations.0008_newsroom_titles")

    migration.newsroom_titles(apps, None)

    assert newsroom_index_find(organization=isar, locale=azerbaijani).title == "İSAR"
