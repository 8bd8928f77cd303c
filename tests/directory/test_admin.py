"""Editing the directory through the Wagtail snippet views: edit, publish, search, filter."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text

from directory.models import Organization, OrganizationType


@pytest.fixture
def isar(site_tree):
    return Organization.objects.create(
        name="Institute for Social Action and Research",
        acronym="ISAR",
        slug="isar",
        city="Baku",
        phones=["95-25-57"],
        locale=Locale.get_default(),
    )


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def organization_form(organization: Organization, **overrides) -> dict:
    return nested_form_data(
        {
            "name": organization.name,
            "acronym": organization.acronym,
            "name_az": organization.name_az,
            "slug": organization.slug,
            "organization_type": organization.organization_type,
            "founded_year": organization.founded_year or "",
            "city": organization.city,
            "focus_areas": "",
            "description": rich_text(organization.description),
            "postal_address": organization.postal_address,
            "phones": "\n".join(organization.phones),
            "fax": organization.fax,
            "mobile": organization.mobile,
            "whatsapp": organization.whatsapp,
            "email": organization.email,
            "website": organization.website,
            **overrides,
        }
    )


def edit_url(organization: Organization) -> str:
    return reverse("wagtailsnippets_directory_organization:edit", args=[organization.pk])


def test_publishing_an_edit_updates_the_organization_and_keeps_a_revision(isar, superuser_client):
    form = organization_form(
        isar,
        city="Ganja",
        phones="95-25-57\n95-30-37",
        focus_areas="civil society, budget",
        description=rich_text("<p>Research on <b>civic participation</b>.</p>"),
    )
    response = superuser_client.post(edit_url(isar), {**form, "action-publish": "1"})
    assert response.status_code == 302

    isar.refresh_from_db()
    assert isar.city == "Ganja"
    assert isar.phones == ["95-25-57", "95-30-37"]
    assert sorted(isar.focus_areas.names()) == ["budget", "civil society"]
    assert isar.live and not isar.has_unpublished_changes
    assert isar.revisions.count() == 1
    assert isar.live_revision == isar.latest_revision

    profile = superuser_client.get(isar.get_url())
    assert profile.status_code == 200
    assert "Ganja" in profile.text


def test_saving_a_draft_keeps_the_published_values(isar, superuser_client):
    response = superuser_client.post(edit_url(isar), organization_form(isar, city="Ganja"))
    assert response.status_code == 302

    isar.refresh_from_db()
    assert isar.city == "Baku"
    assert isar.has_unpublished_changes
    assert isar.latest_revision.as_object().city == "Ganja"


def test_an_invalid_edit_is_rejected_with_the_form_errors(isar, superuser_client):
    form = organization_form(isar, email="not an address", founded_year="1700")
    response = superuser_client.post(edit_url(isar), {**form, "action-publish": "1"})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "founded_year"}
    isar.refresh_from_db()
    assert isar.revisions.count() == 0


def test_an_editor_without_directory_permissions_cannot_edit_organizations(
    isar, client, django_user_model
):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(
        edit_url(isar), {**organization_form(isar, city="Ganja"), "action-publish": "1"}
    )

    assert response.status_code in {302, 403}
    isar.refresh_from_db()
    assert isar.city == "Baku"


@pytest.fixture
def directory(isar):
    locale = Locale.get_default()
    Organization.objects.create(
        name="Open Society Foundation",
        acronym="OSF",
        slug="osf",
        organization_type=OrganizationType.DONOR,
        city="Baku",
        locale=locale,
    )
    Organization.objects.create(
        name="Ganja Civic Forum", slug="ganja-civic-forum", city="Ganja", locale=locale
    )


def listed_names(client, **query) -> set[str]:
    response = client.get(reverse("wagtailsnippets_directory_organization:list"), query)
    assert response.status_code == 200
    return {str(organization) for organization in response.context["object_list"]}


def test_snippet_list_searches_names_and_acronyms(directory, superuser_client):
    assert listed_names(superuser_client, q="ganja") == {"Ganja Civic Forum"}
    assert listed_names(superuser_client, q="OSF") == {"Open Society Foundation (OSF)"}
    assert listed_names(superuser_client, q="isa") == {
        "Institute for Social Action and Research (ISAR)"
    }


def test_snippet_list_filters_by_type_and_city(directory, superuser_client):
    assert listed_names(superuser_client, organization_type="donor") == {
        "Open Society Foundation (OSF)"
    }
    assert listed_names(superuser_client, city="ganja") == {"Ganja Civic Forum"}
    assert len(listed_names(superuser_client)) == 3


def test_snippet_list_shows_each_organization_once_in_the_admins_language(isar, superuser_client):
    isar.copy_for_translation(Locale.objects.get(language_code="az")).save()
    url = reverse("wagtailsnippets_directory_organization:list")

    english = superuser_client.get(url)
    everything = superuser_client.get(url, {"locale": ""})

    assert [(o.name, o.locale.language_code) for o in english.context["object_list"]] == [
        (isar.name, "en")
    ]
    assert "Language" in [str(column.label) for column in english.context["table"].columns.values()]
    assert {o.locale.language_code for o in everything.context["object_list"]} == {"en", "az"}
    assert listed_names(superuser_client, locale="az") == {str(isar)}
