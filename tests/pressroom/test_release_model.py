"""The press release as the seed page shows it: heading, date, and the contact fallback."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from directory.models import Organization
from pressroom.models import PressReleaseFunder, PressReleasePage, PressReleaseParticipant


@pytest.fixture
def isar(site_tree):
    return Organization.objects.create(
        name="ISAR",
        acronym="ISAR",
        slug="isar",
        locale=site_tree["en"].home.locale,
        postal_address="24 J. Jabbarly, Apt. 2\nBaku, Azerbaijan",
        phones=["(994-12) 95-25-57", "95-30-37"],
        fax="(994-12) 94-30-84",
    )


def add_release(site_tree, **fields) -> PressReleasePage:
    fields.setdefault("title", "ISAR Organizes First Regional NGO Meeting")
    fields.setdefault("release_date", datetime.date(2000, 11, 30))
    page = site_tree["en"].releases.add_child(instance=PressReleasePage(**fields))
    page.save_revision().publish()
    return page


def test_heading_credits_the_issuer_by_acronym(site_tree, isar):
    release = add_release(site_tree, organization=isar)
    assert release.heading == "ISAR Organizes First Regional NGO Meeting (ISAR)"


def test_heading_credits_the_issuer_by_name_without_acronym(site_tree):
    issuer = Organization.objects.create(
        name="Oxfam", slug="oxfam", locale=site_tree["en"].home.locale
    )
    assert add_release(site_tree, organization=issuer).heading.endswith("(Oxfam)")


def test_empty_contact_block_falls_back_to_the_issuer(site_tree, isar):
    contact = add_release(site_tree, organization=isar).contact

    assert contact.name == "ISAR"
    assert contact.phones == ["(994-12) 95-25-57", "95-30-37"]
    assert contact.fax == "(994-12) 94-30-84"


def test_own_contact_block_replaces_the_issuers_as_a_whole(site_tree, isar):
    release = add_release(
        site_tree,
        organization=isar,
        contact_name="Information and Outreach Program",
        contact_phones=["(994-12) 95-25-57"],
    )

    assert release.contact.name == "Information and Outreach Program"
    assert release.contact.fax == ""


def test_participants_and_funders_keep_their_order(site_tree, isar):
    locale = site_tree["en"].home.locale
    names = ["Oxfam", "OSCE", "IRC"]
    orgs = [Organization.objects.create(name=n, slug=n.lower(), locale=locale) for n in names]
    usaid = Organization.objects.create(name="USAID", slug="usaid", locale=locale)
    release = PressReleasePage(
        title="Ordered",
        release_date=datetime.date(2000, 11, 30),
        organization=isar,
        participant_links=[PressReleaseParticipant(organization=o) for o in reversed(orgs)],
        funder_links=[PressReleaseFunder(organization=usaid)],
    )
    site_tree["en"].releases.add_child(instance=release)

    stored = PressReleasePage.objects.get(pk=release.pk)
    assert [o.name for o in stored.participants] == list(reversed(names))
    assert [o.name for o in stored.funders] == ["USAID"]


def test_external_id_is_unique(site_tree, isar):
    add_release(site_tree, organization=isar, external_id="x-1", slug="one")
    with pytest.raises(ValidationError, match="External ID already exists"):
        add_release(site_tree, organization=isar, external_id="x-1", slug="two")


def test_releases_involving_an_organization(site_tree, isar):
    locale = site_tree["en"].home.locale
    usaid = Organization.objects.create(name="USAID", slug="usaid", locale=locale)
    funded = PressReleasePage(
        title="Funded",
        release_date=datetime.date(2001, 1, 1),
        organization=isar,
        funder_links=[PressReleaseFunder(organization=usaid)],
    )
    site_tree["en"].releases.add_child(instance=funded)
    add_release(site_tree, organization=isar, title="Not funded", slug="not-funded")

    assert list(PressReleasePage.objects.involving(usaid)) == [funded.page_ptr.specific]
    assert PressReleasePage.objects.involving(isar).count() == 2
