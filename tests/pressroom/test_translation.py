"""Editors translate releases with wagtail-localize; each translation stays its own release."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from directory.models import Organization
from pressroom.models import PressReleasePage


@pytest.fixture
def release(site_tree):
    isar = Organization.objects.create(
        name="ISAR", acronym="ISAR", slug="isar", locale=site_tree["en"].home.locale
    )
    page = site_tree["en"].releases.add_child(
        instance=PressReleasePage(
            title="ISAR Organizes First Regional NGO Meeting",
            release_date=datetime.date(2000, 11, 30),
            organization=isar,
            city="Mingachevir",
            external_id="azerweb-isar-2000-11-30",
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translates as wagtail-localize's admin does; it publishes once the transaction commits."""

    def translate(page: PressReleasePage) -> PressReleasePage:
        source, _ = TranslationSource.update_or_create_from_instance(page)
        with django_capture_on_commit_callbacks(execute=True):
            translation, _created = source.create_or_update_translation(
                Locale.objects.get(language_code="az"), fallback=True
            )
        return PressReleasePage.objects.get(pk=translation.pk)

    return translate


def test_translation_is_a_live_release_under_the_azerbaijani_index(release, site_tree, translate):
    translation = translate(release)

    assert translation.translation_key == release.translation_key
    assert translation.get_parent().specific == site_tree["az"].releases
    assert translation.live
    assert translation.release_date == release.release_date


def test_translation_does_not_inherit_the_external_id(release, translate):
    translation = translate(release)

    assert translation.external_id is None
    release.refresh_from_db()
    assert release.external_id == "azerweb-isar-2000-11-30"


def test_resyncing_a_translation_keeps_external_ids_unique(release, translate):
    translation = translate(release)
    translation.external_id = "azerweb-isar-2000-11-30-az"
    translation.save_revision().publish()

    release.city = "Mingəçevir"
    release.save_revision().publish()
    resynced = translate(PressReleasePage.objects.get(pk=release.pk))

    assert resynced.pk == translation.pk
    assert PressReleasePage.objects.get(pk=translation.pk).external_id == (
        "azerweb-isar-2000-11-30-az"
    )
