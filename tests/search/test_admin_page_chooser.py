"""The admin's page chooser searches through Wagtail's backend: on Elasticsearch too, an
organization's user finds live public releases and their own, never another's drafts."""

import pytest
from django.test import Client

from home.services import site_tree_create
from newsrooms.models import Newsroom
from newsrooms.services import newsroom_member_add
from tests.factories import OrganizationFactory, PressReleasePageFactory
from tests.newsrooms.conftest import user_create

pytestmark = pytest.mark.django_db


def test_page_chooser_search_on_elasticsearch_hides_another_organization_s_drafts(
    elasticsearch_backend,
):
    site_tree_create()
    organizations = {
        name: OrganizationFactory(name=f"Organization {name}", slug=f"org-{name.lower()}")
        for name in ("A", "B")
    }
    users = {name: user_create(f"user_{name.lower()}") for name in organizations}
    for name, organization in organizations.items():
        newsroom_member_add(organization=organization, user=users[name])
        newsroom = Newsroom.objects.get(organization=organization).page
        for live in (True, False):
            PressReleasePageFactory(
                parent=newsroom,
                title=f"Zebra release of {name}, {'live' if live else 'draft'}",
                organization=organization,
                live=live,
            )
    elasticsearch_backend.refresh_indexes()
    client = Client()
    client.force_login(users["B"])
    content = client.get("/admin/choose-page/search/?q=zebra").content.decode()
    seen = {title for title in ("A, live", "A, draft", "B, live", "B, draft") if title in content}
    assert seen == {"A, live", "B, live", "B, draft"}
