"""An organization has one type in every language: "Donor" on /en/ is "Donor" on /az/."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Locale
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from directory.models import Organization, OrganizationType
from directory.services import organization_get_or_create_by_name
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales(site_tree):
    return {code: Locale.objects.get(language_code=code) for code in ("en", "az")}


def test_a_translation_created_by_the_importer_takes_the_type_of_its_source(locales):
    OrganizationFactory(name="USAID", acronym="USAID", organization_type=OrganizationType.DONOR)

    translation, created = organization_get_or_create_by_name(
        locale=locales["az"],
        name="USAID",
        acronym="USAID",
        organization_type=OrganizationType.INTERNATIONAL,
    )

    assert created
    assert translation.organization_type == OrganizationType.DONOR


def test_a_synchronised_translation_follows_a_change_of_the_source_type(locales):
    source_entry = OrganizationFactory(name="USAID", organization_type=OrganizationType.DONOR)
    source, _ = TranslationSource.get_or_create_from_instance(source_entry)
    translation = Translation.objects.create(source=source, target_locale=locales["az"])
    translation.save_target(publish=True)

    source_entry.organization_type = OrganizationType.INTERNATIONAL
    source_entry.save()
    TranslationSource.update_or_create_from_instance(source_entry)
    translation.refresh_from_db()
    translation.save_target(publish=True)

    translated = source_entry.get_translation(locales["az"])
    assert translated.organization_type == OrganizationType.INTERNATIONAL
    (type_field,) = [
        field
        for field in get_translatable_fields(Organization)
        if field.field_name == "organization_type"
    ]
    assert not type_field.is_overridable(source_entry)


def test_the_migration_gives_translations_the_type_of_the_default_language_entry(locales):
    en = OrganizationFactory(name="USAID", organization_type=OrganizationType.DONOR)
    az = en.copy_for_translation(locales["az"])
    az.organization_type = OrganizationType.INTERNATIONAL
    az.save()
    migration = importlib.import_module(
        "directory.migrations.0002_organization_type_one_per_organization"
    )

    migration.types_synchronize(apps, None)

    assert Organization.objects.get(pk=az.pk).organization_type == OrganizationType.DONOR
    assert Organization.objects.get(pk=en.pk).organization_type == OrganizationType.DONOR
