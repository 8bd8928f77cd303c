"""One world per test module: two organizations with newsrooms, their users, staff, and A's
releases in each state. Built once inside a transaction that is rolled back at module end;
each test runs in a savepoint within it (pytest-django's ``db``), so tests cannot leak."""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection

from directory.models import Organization
from home.services import site_tree_create
from newsrooms.models import Newsroom
from newsrooms.services import COMMUNICATIONS_GROUP, newsroom_member_add, newsrooms_setup
from pressroom.models import PressReleasePage
from tests.factories import OrganizationFactory, PressReleasePageFactory

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    users: dict  # actor name -> user (no entry for "anonymous")
    organization_a: Organization
    organization_b: Organization
    newsroom_a: Newsroom
    newsroom_b: Newsroom
    releases: dict  # state ("draft", "moderation", "live") -> a release of A
    release_b: PressReleasePage
    collection_a: Collection
    forms: dict = field(default_factory=dict)  # admin URL -> its form's data, see admin_form


def user_create(username: str, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )


def world_build() -> World:
    site_tree_create()
    workflow = newsrooms_setup()
    organization_a = OrganizationFactory(name="Organization A", acronym="ORGA", slug="org-a")
    organization_b = OrganizationFactory(name="Organization B", acronym="ORGB", slug="org-b")
    users = {
        "org_a": user_create("org_a"),
        "org_b": user_create("org_b"),
        "staff": user_create("staff"),
        "superuser": user_create("superuser", is_superuser=True),
    }
    newsroom_member_add(organization=organization_a, user=users["org_a"])
    newsroom_member_add(organization=organization_b, user=users["org_b"])
    users["staff"].groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
    newsroom_a = Newsroom.objects.get(organization=organization_a)
    newsroom_b = Newsroom.objects.get(organization=organization_b)

    def release(state: str, **kwargs) -> PressReleasePage:
        page = PressReleasePageFactory(
            parent=newsroom_a.page,
            title=f"Release of A, {state}",
            slug=f"a-{state}",
            organization=organization_a,
            owner=users["org_a"],
            **kwargs,
        )
        if not page.live:
            page.save_revision(user=users["org_a"])
        return PressReleasePage.objects.get(pk=page.pk)

    draft = release("draft", live=False)
    in_moderation = release("moderation", live=False)
    workflow.start(in_moderation, users["org_a"])
    release_b = PressReleasePageFactory(
        parent=newsroom_b.page,
        title="Release of B, draft",
        slug="b-draft",
        organization=organization_b,
        live=False,
    )
    return World(
        users=users,
        organization_a=organization_a,
        organization_b=organization_b,
        newsroom_a=newsroom_a,
        newsroom_b=newsroom_b,
        releases={"draft": draft, "moderation": in_moderation, "live": release("live")},
        release_b=release_b,
        collection_a=newsroom_a.collection,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield world_build()
        transaction.set_rollback(True)
