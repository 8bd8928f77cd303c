"""newsroom_member_add and newsrooms_setup: what approval of an organization's user provisions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow, WorkflowContentType

from newsrooms.models import Newsroom
from newsrooms.services import (
    COMMUNICATIONS_GROUP,
    REVIEW_WORKFLOW,
    newsroom_member_add,
    newsrooms_setup,
)
from pressroom.models import PressReleaseIndexPage
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def page_permissions(group: Group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_migrate_leaves_the_communications_group_and_review_workflow_in_place():
    group = Group.objects.get(name=COMMUNICATIONS_GROUP)
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [group]
    assert WorkflowContentType.objects.get(content_type__model="organization").workflow == workflow
    assert group.permissions.filter(codename="publish_organization").exists()


def test_setup_twice_changes_nothing():
    newsrooms_setup()
    newsrooms_setup()
    assert Group.objects.filter(name=COMMUNICATIONS_GROUP).count() == 1
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW).count() == 1


def test_member_add_provisions_the_newsroom_in_both_languages(site_tree):
    organization = OrganizationFactory(name="Isar", acronym="ISAR", slug="isar", name_az="İsar")
    user = get_user_model().objects.create_user("press@isar.example", password="x")

    newsroom_member_add(organization=organization, user=user)

    newsroom = Newsroom.objects.get(organization=organization)
    pages = {
        page.locale.language_code: page for page in newsroom.page.get_translations(inclusive=True)
    }
    assert pages["en"].get_parent().pk == site_tree["en"].releases.pk
    assert pages["az"].get_parent().pk == site_tree["az"].releases.pk
    assert pages["en"].url == "/en/press-releases/isar/"
    assert pages["az"].title == "İsar"
    assert all(page.live for page in pages.values())
    assert isinstance(pages["en"].specific, PressReleaseIndexPage)
    for page in pages.values():
        assert page_permissions(newsroom.group, page) == {"add_page", "change_page"}
        assert page.get_workflow().name == REVIEW_WORKFLOW
    assert list(user.groups.all()) == [newsroom.group]
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.has_perm("directory.change_organization")


def test_member_add_is_idempotent_and_shares_one_newsroom(site_tree):
    organization = OrganizationFactory()
    first, second = (
        get_user_model().objects.create_user(f"user{n}@example.org", password="x") for n in (1, 2)
    )
    newsroom_member_add(organization=organization, user=first)
    newsroom_member_add(organization=organization, user=first)
    newsroom_member_add(organization=organization, user=second)

    newsroom = Newsroom.objects.get()
    assert set(newsroom.group.user_set.all()) == {first, second}
    assert PressReleaseIndexPage.objects.filter(depth=newsroom.page.depth).count() == 2


def test_member_add_without_a_site_tree_names_what_is_missing_and_changes_nothing():
    organization = OrganizationFactory(slug="lonely")
    user = get_user_model().objects.create_user("lonely@example.org", password="x")

    with pytest.raises(PressReleaseIndexPage.DoesNotExist, match="build the site tree"):
        newsroom_member_add(organization=organization, user=user)

    assert not Newsroom.objects.exists()
    assert not PressReleaseIndexPage.objects.exists()
