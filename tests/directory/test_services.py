"""The one write path for organizations, shared by the importer, the join flow and demo data."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from directory.models import Organization
from directory.services import (
    organization_create,
    organization_get_or_create_by_name,
    organization_slug,
)
from tests.factories import OrganizationFactory


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "az")}


def test_slug_is_the_acronym_else_the_name_numbered_when_taken_in_the_language(locales):
    en, az = locales["en"], locales["az"]
    OrganizationFactory(locale=en, slug="isar")

    assert organization_slug(locale=en, name="Any name", acronym="ISAR") == "isar-2"
    assert organization_slug(locale=az, name="Any name", acronym="ISAR") == "isar"
    assert organization_slug(locale=en, name="Gənclər Birliyi") == "gənclər-birliyi"
    assert organization_slug(locale=en, name="!!!") == "organization"


def test_created_entry_is_published_with_a_revision_logged_to_its_user(locales, django_user_model):
    reviewer = django_user_model.objects.create_user(username="reviewer")

    organization = organization_create(
        locale=locales["en"], name="Green Steps", acronym="GS", user=reviewer, city="Ganja"
    )

    organization.refresh_from_db()
    assert organization.live and organization.slug == "gs" and organization.city == "Ganja"
    assert organization.live_revision.user == reviewer


def test_invalid_details_create_nothing(locales):
    with pytest.raises(ValidationError):
        organization_create(locale=locales["en"], name="Green Steps", email="not an address")

    assert not Organization.objects.exists()


def test_match_is_by_acronym_then_name_case_insensitively_in_the_language(locales):
    isar = OrganizationFactory(locale=locales["en"], name="ISAR Azerbaijan", acronym="ISAR")

    assert organization_get_or_create_by_name(
        locale=locales["en"], name="Renamed", acronym="isar"
    ) == (isar, False)
    assert organization_get_or_create_by_name(locale=locales["en"], name="isar azerbaijan") == (
        isar,
        False,
    )


def test_entry_known_in_another_language_is_created_as_its_translation(locales):
    isar = OrganizationFactory(locale=locales["en"], name="ISAR Azerbaijan", acronym="ISAR")

    translation, created = organization_get_or_create_by_name(
        locale=locales["az"], name="ISAR Azərbaycan", acronym="ISAR"
    )

    assert created and translation.locale == locales["az"]
    assert translation.translation_key == isar.translation_key
    again = organization_get_or_create_by_name(locale=locales["az"], name="x", acronym="isar")
    assert again == (translation, False)
