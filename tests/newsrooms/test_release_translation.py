"""Translating a release with wagtail-localize leaves the directory's own translations alone.

The "Translate" action also translates the issuer the release links to: an Azerbaijani entry
the directory already has keeps its texts and is linked; only an issuer without one gets
wagtail-localize's copy. The az newsroom keeps its Azerbaijani title. Participants and funders
are links wagtail-localize copies as they are, so it never writes their entries.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from directory.models import Organization
from directory.services import organization_create, organization_translations_restore
from pressroom.filing import newsroom_index_find
from pressroom.models import PressReleasePage, PressReleaseParticipant

from .helpers import actor_client

pytestmark = pytest.mark.django_db

NAME_AZ = "A Təşkilatı"
DESCRIPTION_AZ = "<p>Bakıda yerli təşkilat.</p>"


def azerbaijani_entry(organization: Organization, name: str) -> Organization:
    """The entry's Azerbaijani translation as the directory writes it, outside wagtail-localize."""
    return organization_create(
        locale=Locale.objects.get(language_code="az"),
        name=name,
        description=DESCRIPTION_AZ,
        translation_key=organization.translation_key,
    )


@pytest.fixture
def azerbaijani(world):
    return Locale.objects.get(language_code="az")


@pytest.fixture
def linked(world, azerbaijani):
    """A's live release with B taking part, both with their Azerbaijani entries."""
    release = PressReleasePage.objects.get(pk=world.releases["live"].pk)
    PressReleaseParticipant.objects.create(page=release, organization=world.organization_b)
    release.save_revision().publish()
    return {
        "release": release,
        "issuer_az": azerbaijani_entry(world.organization_a, NAME_AZ),
        "participant_az": azerbaijani_entry(world.organization_b, "B Təşkilatı"),
    }


def translate_in_admin(world, actor, release, locale, django_capture_on_commit_callbacks):
    """An officer's "Translate" action: wagtail-localize's own view and form."""
    url = reverse("wagtail_localize:submit_page_translation", args=[release.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = actor_client(world, actor).post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return release.get_translation(locale).specific


def test_translating_a_release_keeps_its_organizations_azerbaijani_entries(
    world, azerbaijani, linked, django_capture_on_commit_callbacks
):
    translation = translate_in_admin(
        world, "org_a", linked["release"], azerbaijani, django_capture_on_commit_callbacks
    )

    issuer_az = Organization.objects.get(pk=linked["issuer_az"].pk)
    assert (issuer_az.name, issuer_az.description) == (NAME_AZ, DESCRIPTION_AZ)
    assert issuer_az.get_latest_revision().content["name"] == NAME_AZ
    assert Organization.objects.get(pk=linked["participant_az"].pk).name == "B Təşkilatı"
    assert translation.organization_id == issuer_az.pk
    assert organization_translations_restore() == 0


def test_an_issuer_without_an_azerbaijani_entry_gets_wagtail_localizes_copy(
    world, azerbaijani, django_capture_on_commit_callbacks
):
    release = PressReleasePage.objects.get(pk=world.release_b.pk)
    translation = translate_in_admin(
        world, "org_b", release, azerbaijani, django_capture_on_commit_callbacks
    )

    issuer_az = world.organization_b.get_translation(azerbaijani)
    assert issuer_az.name == "Organization B"
    assert translation.organization_id == issuer_az.pk
    assert organization_translations_restore() == 0


def test_the_azerbaijani_newsroom_keeps_its_azerbaijani_title(
    world, azerbaijani, linked, django_capture_on_commit_callbacks
):
    translate_in_admin(
        world, "org_a", linked["release"], azerbaijani, django_capture_on_commit_callbacks
    )

    newsroom = newsroom_index_find(organization=world.organization_a, locale=azerbaijani)
    assert newsroom.title == NAME_AZ


def test_an_entry_overwritten_before_the_fix_is_restored_and_its_newsroom_retitled(
    world, azerbaijani, linked, django_capture_on_commit_callbacks
):
    issuer = Organization.objects.get(pk=world.organization_a.pk)
    source, _ = TranslationSource.get_or_create_from_instance(issuer)
    record = Translation.objects.create(source=source, target_locale=azerbaijani)
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)  # what translating a release used to do
    newsroom = newsroom_index_find(organization=issuer, locale=azerbaijani)
    assert newsroom.title == "Organization A"

    with django_capture_on_commit_callbacks(execute=True):
        assert organization_translations_restore() == 1

    issuer_az = Organization.objects.get(pk=linked["issuer_az"].pk)
    assert (issuer_az.name, issuer_az.description, issuer_az.live) == (
        NAME_AZ,
        DESCRIPTION_AZ,
        True,
    )
    newsroom.refresh_from_db()
    assert newsroom.title == NAME_AZ
    assert not Translation.objects.get(pk=record.pk).enabled
    assert organization_translations_restore() == 0
