"""Organizations in the directory: naming, contact details, slugs per language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from wagtail.models import Locale

from core.fields import LinesFormField
from directory.models import Organization


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "az")}


def test_str_and_short_name_prefer_the_acronym(locales):
    osce = Organization(name="Organization for Security and Cooperation in Europe", acronym="OSCE")
    assert str(osce) == "Organization for Security and Cooperation in Europe (OSCE)"
    assert osce.short_name == "OSCE"
    assert Organization(name="Oxfam").short_name == "Oxfam"


def test_contact_collects_the_contact_fields():
    contact = Organization(
        name="ISAR",
        postal_address="24 J. Jabbarly, Apt. 2",
        phones=["95-25-57", "95-30-37"],
        fax="94-30-84",
        whatsapp="(055) 669 68 89",
    ).contact
    assert contact.name == "ISAR"
    assert contact.phones == ["95-25-57", "95-30-37"]
    assert contact.whatsapp == "(055) 669 68 89"
    assert not contact.is_empty()


def test_slug_is_unique_within_a_language_only(locales):
    Organization.objects.create(name="ISAR", slug="isar", locale=locales["en"])
    Organization.objects.create(name="ISAR", slug="isar", locale=locales["az"])
    with pytest.raises(IntegrityError):
        Organization.objects.create(name="ISAR again", slug="isar", locale=locales["en"])


def test_phones_are_edited_one_per_line():
    field = LinesFormField(item_max_length=20)
    assert field.clean(" (994-12) 95-25-57 \n\n95-30-37\n") == ["(994-12) 95-25-57", "95-30-37"]
    assert field.prepare_value(["a", "b"]) == "a\nb"


def test_overlong_phone_line_is_rejected():
    with pytest.raises(ValidationError):
        LinesFormField(item_max_length=5).clean("123456")
