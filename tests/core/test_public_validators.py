"""Validators of public lists (ETag, Last-Modified) move with public changes only: anyone
may poll them, so editorial activity (drafts, locks, workflow) must not show through them."""

import datetime

import pytest
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, PageViewRestriction

from tests.factories import OrganizationFactory, PressReleasePageFactory

URLS = [
    "/api/v3/press-releases/",
    "/api/v3/press-releases/{release}/",
    "/api/v3/organizations/",
    "/api/v3/organizations/{organization}/",
    "/en/feeds/releases.rss",
    "/en/feeds/releases.atom",
]


@pytest.fixture
def content(site_tree, django_user_model):
    organization = OrganizationFactory(slug="isar")
    organization.save_revision().publish()
    release = PressReleasePageFactory(parent=site_tree["en"].releases, organization=organization)
    # Logged an hour ago, so a new entry would move Last-Modified (it counts in seconds).
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    PageLogEntry.objects.update(timestamp=an_hour_ago)
    ModelLogEntry.objects.update(timestamp=an_hour_ago)
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    return {"release": release, "organization": organization, "editor": editor}


def validators(client, content) -> dict[str, tuple[str | None, str | None]]:
    ids = {"release": content["release"].pk, "organization": content["organization"].pk}
    answers = {}
    for url in URLS:
        response = client.get(url.format(**ids))
        assert response.status_code == 200, url
        answers[url] = (response.get("ETag"), response.get("Last-Modified"))
    return answers


def test_drafts_locks_and_schedules_leave_the_validators_unchanged(client, content):
    release, organization, editor = content["release"], content["organization"], content["editor"]
    before = validators(client, content)

    release.title = "A title not yet published"
    release.save_revision(user=editor, log_action=True)
    log(instance=release, action="wagtail.lock", user=editor)  # as the admin's lock view
    organization.name = "A name not yet published"
    organization.save_revision(user=editor, log_action=True)
    release.go_live_at = timezone.now() + datetime.timedelta(days=1)
    release.save_revision(user=editor, log_action=True).publish(user=editor)  # scheduled

    assert validators(client, content) == before


@pytest.mark.parametrize("change", ["publish", "unpublish", "organization", "privacy"])
def test_public_changes_move_the_api_validators(client, content, change):
    release, organization = content["release"], content["organization"]
    before = validators(client, content)

    if change == "publish":
        release.title = "Corrected title"
        release.save_revision().publish()
    elif change == "unpublish":
        PressReleasePageFactory(parent=release.get_parent(), organization=organization).unpublish()
    elif change == "organization":
        organization.name = "Renamed"
        organization.save_revision().publish()
    else:
        PageViewRestriction.objects.create(
            page=PressReleasePageFactory(parent=release.get_parent()),
            restriction_type=PageViewRestriction.LOGIN,
        )

    after = validators(client, content)
    for url in URLS:
        if url.startswith("/api/"):
            assert after[url][0] != before[url][0], url
            assert after[url][1] != before[url][1], url
