"""What an organization's user reaches beyond the matrix: the API with their token, the
directory listing, their entry's moderation, and the issuer of the releases they write."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import APIToken, WorkflowState

from directory.models import Organization
from pressroom.models import PressReleasePage

from .helpers import BODY, actor_client, admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def token_of_a(world) -> dict:
    _, plaintext = APIToken.create_token(user=world.users["org_a"], name="A's site")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item.get("title") for item in response.json()["items"]}


def test_api_token_of_a_reads_a_s_newsroom_and_never_b_s_drafts(world, client, token_of_a):
    """Wagtail's pages endpoint gives a token what its user may edit: A's releases only."""
    seen = titles(
        client.get("/api/v3/pages/", {"type": "pressroom.PressReleasePage"}, **token_of_a)
    )
    assert {release.title for release in world.releases.values()} <= seen
    assert world.release_b.title not in seen
    detail = client.get(f"/api/v3/pages/{world.release_b.pk}/", {"version": "draft"}, **token_of_a)
    assert detail.status_code == 404


def test_api_press_releases_show_only_live_releases_to_a_token_of_a(world, client, token_of_a):
    seen = titles(client.get("/api/v3/press-releases/", **token_of_a))
    assert world.releases["live"].title in seen
    assert not seen & {world.releases["draft"].title, world.releases["moderation"].title}
    assert world.release_b.title not in seen


def test_api_token_of_a_cannot_publish_or_change_releases(world, client, token_of_a):
    draft = world.releases["draft"]
    publish = client.post(f"/api/v3/pages/{draft.pk}/actions/publish/", **token_of_a)
    assert publish.status_code == 403
    change_b = client.patch(
        f"/api/v3/pages/{world.release_b.pk}/",
        {"meta": {"type": "pressroom.PressReleasePage"}, "title": "Taken over"},
        content_type="application/json",
        **token_of_a,
    )
    assert change_b.status_code in (403, 404)
    assert not draft.__class__.objects.get(pk=draft.pk).live


def test_directory_listing_shows_an_organization_user_only_their_entry(world):
    response = actor_client(world, "org_a").get(
        reverse("wagtailsnippets_directory_organization:list")
    )
    assert response.status_code == 200
    assert "Organization A" in response.content.decode()
    assert "Organization B" not in response.content.decode()


@pytest.mark.parametrize("view", ["edit", "history", "usage", "preview_on_edit"])
def test_another_organization_s_entry_is_closed_to_an_organization_user(world, view):
    """Wagtail answers a denied admin page by sending the user back to the dashboard."""
    client = actor_client(world, "org_a")
    own, other = (
        reverse(f"wagtailsnippets_directory_organization:{view}", args=[organization.pk])
        for organization in (world.organization_a, world.organization_b)
    )
    assert client.get(own).status_code == 200
    denied = client.get(other)
    assert denied.status_code == 302
    assert denied.url == reverse("wagtailadmin_home")


def test_entry_changes_by_an_organization_user_wait_for_review(world):
    entry = world.organization_a
    url = reverse("wagtailsnippets_directory_organization:edit", args=[entry.pk])
    data = admin_form(world, url, "w-editor-form")
    data["name"] = "Organization A, renamed"
    data["action-submit"] = "1"
    data["action-publish"] = "1"  # ignored: members may not publish

    actor_client(world, "org_a").post(url, data)

    entry = Organization.objects.get(pk=entry.pk)
    assert entry.name == "Organization A"
    assert entry.get_latest_revision().object_str.startswith("Organization A, renamed")
    assert WorkflowState.objects.active().filter(object_id=str(entry.pk)).exists()


def test_a_release_written_in_a_newsroom_credits_its_organization(world):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["pressroom", "pressreleasepage", world.newsroom_a.page.pk],
    )
    response = actor_client(world, "org_a").get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["organization"] == world.organization_a.pk
    field = response.context["form"].fields["organization"]
    assert list(field.queryset) == [world.organization_a]


def test_a_release_left_without_issuer_in_a_newsroom_is_credited_to_it(world):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["pressroom", "pressreleasepage", world.newsroom_a.page.pk],
    )
    data = admin_form(world, url, "page-edit-form")
    data.update(BODY)
    data.update({"title": "New from A", "slug": "new-from-a", "release_date": "2026-11-02"})
    data["organization"] = ""

    actor_client(world, "org_a").post(url, data)

    release = PressReleasePage.objects.get(slug="new-from-a")
    assert release.organization == world.organization_a
    assert release.get_parent().pk == world.newsroom_a.page.pk
    assert not release.live


def test_a_newsroom_release_cannot_credit_another_organization(world):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["pressroom", "pressreleasepage", world.newsroom_a.page.pk],
    )
    field = actor_client(world, "org_a").get(url).context["form"].fields["organization"]
    with pytest.raises(ValidationError):
        field.clean(world.organization_b.pk)
    assert field.clean("") is None  # left empty, the form fills in the newsroom's organization


def test_an_organization_user_sees_only_their_collection_s_images(world):
    image_model = get_image_model()
    for collection, title in (
        (world.collection_a, "Photo of A"),
        (world.newsroom_b.collection, "Photo of B"),
    ):
        image_model.objects.create(title=title, file=get_test_image_file(), collection=collection)
    listing = actor_client(world, "org_a").get(reverse("wagtailimages:index")).content.decode()
    assert "Photo of A" in listing
    assert "Photo of B" not in listing


def test_an_entry_submitted_for_review_notifies_communications(world):
    entry = world.organization_a
    url = reverse("wagtailsnippets_directory_organization:edit", args=[entry.pk])
    data = admin_form(world, url, "w-editor-form")
    data["action-submit"] = "1"
    mail.outbox.clear()

    actor_client(world, "org_a").post(url, data)

    assert {address for message in mail.outbox for address in message.to} == {
        world.users["staff"].email
    }


def test_communications_staff_may_review_applications(world):
    assert world.users["staff"].has_perm("accounts.review_organizationapplication")
    assert not world.users["org_a"].has_perm("accounts.review_organizationapplication")
