"""Writing a press release through the Wagtail admin's own views: add, preview, publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.models import Organization
from pressroom.models import PressReleasePage

TITLE = "Open budget hearings in Ganja"


@pytest.fixture
def organizations(db):
    locale = Locale.get_default()
    return {
        key: Organization.objects.create(name=name, acronym=acronym, slug=key, locale=locale)
        for key, name, acronym in [
            ("isar", "Institute for Social Action and Research", "ISAR"),
            ("partner", "Ganja Civic Forum", ""),
            ("donor", "Open Society Foundation", "OSF"),
        ]
    }


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """A member of Wagtail's stock "Editors" group: may add and edit pages, not publish."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def release_form(*, organizations, title=TITLE, slug="open-budget-hearings", **overrides):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "release_date": "2000-11-30",
            "city": "Ganja",
            "organization": organizations["isar"].pk,
            "summary": "Citizens question the city budget in public.",
            "body": streamfield(
                [
                    ("heading", "Hearings open to all"),
                    ("paragraph", rich_text("<p>Three hearings will be held in March.</p>")),
                ]
            ),
            "participant_links": inline_formset([{"organization": organizations["partner"].pk}]),
            "funder_links": inline_formset([{"organization": organizations["donor"].pk}]),
            "topics": "budget, participation",
            "contact_name": "Press office",
            "contact_phones": "+994 12 000 00 00\n+994 50 000 00 00",
            "contact_email": "press@example.org",
            "comments": inline_formset([]),
            **overrides,
        }
    )


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["pressroom", "pressreleasepage", parent.pk])


def preview_on_add_url(parent) -> str:
    return reverse(
        "wagtailadmin_pages:preview_on_add", args=["pressroom", "pressreleasepage", parent.pk]
    )


def test_staff_adds_previews_and_publishes_a_release(site_tree, organizations, superuser_client):
    parent = site_tree["en"].releases
    form = release_form(organizations=organizations)

    response = superuser_client.post(preview_on_add_url(parent), form)
    assert response.json() == {"is_valid": True, "is_available": True}
    preview = superuser_client.get(preview_on_add_url(parent))
    assert preview.status_code == 200
    assert TITLE in preview.text
    assert "Press release date:" in preview.text
    assert not PressReleasePage.objects.exists(), "previewing must not save anything"

    response = superuser_client.post(add_url(parent), {**form, "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors

    release = PressReleasePage.objects.get(slug="open-budget-hearings")
    assert release.live
    newsroom = release.get_parent().specific
    assert newsroom.organization == organizations["isar"], "filed in its issuer's newsroom"
    assert newsroom.get_parent().specific == parent
    assert release.locale.language_code == "en"
    assert release.participants == [organizations["partner"]]
    assert release.funders == [organizations["donor"]]
    assert sorted(release.topics.names()) == ["budget", "participation"]
    assert release.contact_phones == ["+994 12 000 00 00", "+994 50 000 00 00"]
    assert [block.block_type for block in release.body] == ["heading", "paragraph"]

    public = superuser_client.get(release.url)
    assert release.url == "/en/press-releases/isar/open-budget-hearings/"
    assert public.status_code == 200
    assert TITLE in public.text
    assert "Three hearings will be held in March." in public.text
    assert "Ganja Civic Forum" in public.text


def test_preview_of_an_edit_shows_the_unsaved_title(site_tree, organizations, superuser_client):
    parent = site_tree["en"].releases
    superuser_client.post(
        add_url(parent), {**release_form(organizations=organizations), "action-publish": "1"}
    )
    release = PressReleasePage.objects.get(slug="open-budget-hearings")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[release.pk])

    form = release_form(organizations=organizations, title="Budget hearings postponed")
    assert superuser_client.post(preview_url, form).json()["is_valid"]
    preview = superuser_client.get(preview_url)

    assert "Budget hearings postponed" in preview.text
    assert "Press release date:" in preview.text
    release.refresh_from_db()
    assert release.title == TITLE, "previewing must not change the live page"


def test_preview_reports_an_invalid_form_without_rendering(
    site_tree, organizations, superuser_client
):
    form = release_form(organizations=organizations, release_date="2000-13-45")
    response = superuser_client.post(preview_on_add_url(site_tree["en"].releases), form)
    assert response.json()["is_valid"] is False


def test_a_release_without_its_date_is_not_created(site_tree, organizations, superuser_client):
    form = release_form(organizations=organizations, release_date="")
    response = superuser_client.post(
        add_url(site_tree["en"].releases), {**form, "action-publish": "1"}
    )
    assert response.status_code == 200
    assert "release_date" in response.context["form"].errors
    assert not PressReleasePage.objects.exists()


def test_an_editor_can_draft_but_not_publish_a_release(site_tree, organizations, editor_client):
    parent = site_tree["en"].releases
    response = editor_client.post(
        add_url(parent), {**release_form(organizations=organizations), "action-publish": "1"}
    )
    assert response.status_code == 302

    release = PressReleasePage.objects.get(slug="open-budget-hearings")
    assert not release.live
    assert release.has_unpublished_changes
    assert editor_client.get("/en/press-releases/open-budget-hearings/").status_code == 404


def test_inline_items_are_headed_by_the_organization_they_link(
    organizations, site_tree, superuser_client
):
    from tests.factories import PressReleasePageFactory

    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        organization=organizations["isar"],
        participants=[organizations["partner"]],
        funders=[organizations["donor"]],
    )

    html = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[release.pk])).content
    html = html.decode()

    assert 'id="inline_child_participant_links-0-panel-heading"' in html
    heading = html[html.index('id="inline_child_participant_links-0-panel-heading"') :]
    assert heading[: heading.index("</")].rstrip().endswith("Ganja Civic Forum")
    assert "Open Society Foundation (OSF)" in html
    # A new, still empty item keeps Wagtail's "<label> <number>".
    assert "Participating organizations<span data-inline-panel-child-count>" in html
