"""Who may do what to organization A's newsroom, over HTTP through the admin's real views.

Rows are the five kinds of visitor, columns the actions on a newsroom; each cell is one
test, asserted by its effect (a new revision, a workflow state, a live page, an image),
not only by a status code. Staff are the "Communications" group.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from directory.models import Organization
from pressroom.models import PressReleasePage

from .helpers import actor_client, admin_form, release_post

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "org_a", "org_b", "staff", "superuser"]

# A release of A in each state: what each actor may do with it.
RELEASE_EXPECTED = {
    #            view   edit   submit publish preview
    "anonymous": {
        "draft": (False, False, False, False, False),
        "moderation": (False, False, False, False, False),
        "live": (False, False, False, False, False),
    },
    # A's users write and submit but never publish; while in review the release is locked
    # for them (Wagtail's GroupApprovalTask), so edits wait for the reviewers' decision.
    # Nobody submits a release that is already in review: reviewers decide on the task.
    "org_a": {
        "draft": (True, True, True, False, True),
        "moderation": (True, False, False, False, True),
        "live": (True, True, True, False, True),
    },
    "org_b": {
        "draft": (False, False, False, False, False),
        "moderation": (False, False, False, False, False),
        "live": (False, False, False, False, False),
    },
    "staff": {
        "draft": (True, True, True, True, True),
        "moderation": (True, True, False, True, True),
        "live": (True, True, True, True, True),
    },
    "superuser": {
        "draft": (True, True, True, True, True),
        "moderation": (True, True, False, True, True),
        "live": (True, True, True, True, True),
    },
}
RELEASE_ACTIONS = ["view", "edit", "submit", "publish", "preview"]

# Everything else: edit A's directory entry, upload to A's collection, user management.
OTHER_EXPECTED = {
    "anonymous": {"edit_entry": False, "upload": False, "users": False},
    "org_a": {"edit_entry": True, "upload": True, "users": False},
    "org_b": {"edit_entry": False, "upload": False, "users": False},
    "staff": {"edit_entry": True, "upload": True, "users": False},
    "superuser": {"edit_entry": True, "upload": True, "users": True},
}


def can_view(world, client, release) -> bool:
    response = client.get(reverse("wagtailadmin_explore", args=[world.newsroom_a.page.pk]))
    return response.status_code == 200 and release.title in response.content.decode()


def can_edit(world, client, release) -> bool:
    title = release_post(world, client, release)
    return PressReleasePage.objects.get(pk=release.pk).get_latest_revision().object_str == title


def can_submit(world, client, release) -> bool:
    before = set(WorkflowState.objects.values_list("pk", flat=True))
    release_post(world, client, release, **{"action-submit": "1"})
    return (
        WorkflowState.objects.active()
        .filter(object_id=str(release.pk))
        .exclude(pk__in=before)
        .exists()
    )


def can_publish(world, client, release) -> bool:
    title = release_post(world, client, release, **{"action-publish": "1"})
    page = PressReleasePage.objects.get(pk=release.pk)
    return page.live and page.title == title


def can_preview(world, client, release) -> bool:
    revision = release.get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_view", args=[release.pk, revision.pk])
    response = client.get(url)
    return response.status_code == 200 and release.title in response.content.decode()


CHECKS = {
    "view": can_view,
    "edit": can_edit,
    "submit": can_submit,
    "publish": can_publish,
    "preview": can_preview,
}


@pytest.mark.parametrize("action", RELEASE_ACTIONS)
@pytest.mark.parametrize("state", ["draft", "moderation", "live"])
@pytest.mark.parametrize("actor", ACTORS)
def test_release_of_a(world, actor, state, action):
    release = world.releases[state]
    expected = RELEASE_EXPECTED[actor][state][RELEASE_ACTIONS.index(action)]
    assert CHECKS[action](world, actor_client(world, actor), release) is expected


@pytest.mark.parametrize("actor", ACTORS)
def test_edit_directory_entry_of_a(world, actor):
    """Edits are saved as a draft revision; only publishing makes them public."""
    entry = world.organization_a
    url = reverse("wagtailsnippets_directory_organization:edit", args=[entry.pk])
    data = admin_form(world, url, "w-editor-form")
    data["name"] = "Organization A, renamed"
    actor_client(world, actor).post(url, data)
    latest = Organization.objects.get(pk=entry.pk).get_latest_revision()
    changed = latest is not None and latest.object_str.startswith("Organization A, renamed")
    assert changed is OTHER_EXPECTED[actor]["edit_entry"]


@pytest.mark.parametrize("actor", ACTORS)
def test_upload_image_to_collection_of_a(world, actor):
    client = actor_client(world, actor)
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "A's photo",
            "file": SimpleUploadedFile("photo.png", get_test_image_file().file.getvalue()),
            "collection": world.collection_a.pk,
        },
    )
    uploaded = (
        get_image_model().objects.filter(title="A's photo", collection=world.collection_a).exists()
    )
    assert uploaded is OTHER_EXPECTED[actor]["upload"]


@pytest.mark.parametrize("actor", ACTORS)
def test_open_user_management(world, actor):
    response = actor_client(world, actor).get(reverse("wagtailusers_users:index"))
    assert (response.status_code == 200) is OTHER_EXPECTED[actor]["users"]
