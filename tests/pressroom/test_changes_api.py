"""The changes feed partners mirror releases with: ``/api/v3/press-releases/changes/``.

Partner sites depend on this contract (docs/api.md, "Sync recipe"; examples/partner_sync.py):
oldest change first, each release once in its current state, tombstones for anything no
longer public, and never a trace of a draft or a private release.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from pressroom.models import ReleaseChange
from tests.factories import OrganizationFactory, PressReleasePageFactory

URL = "/api/v3/press-releases/changes/"


@pytest.fixture
def releases_index(site_tree):
    return site_tree["en"].releases


def feed(client, **params) -> dict:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def actions(page: dict) -> list[tuple[str, int]]:
    return [(item["action"], item["id"]) for item in page["items"]]


def test_a_published_release_is_an_upsert_carrying_the_detail_item(client, releases_index):
    release = PressReleasePageFactory(parent=releases_index, external_id="isar-1")

    page = feed(client)

    assert actions(page) == [("upsert", release.pk)]
    item = page["items"][0]["item"]
    assert item["id"] == release.pk
    assert item["external_id"] == "isar-1"
    assert item["title"] == release.title
    assert item["url"] == f"http://localhost/en/press-releases/{release.slug}/"
    assert page["has_more"] is False


def test_drafts_are_never_logged_nor_leaked(client, releases_index):
    draft = PressReleasePageFactory(parent=releases_index, live=False, external_id="draft-1")
    draft.save_revision()
    draft.delete()

    assert feed(client)["items"] == []
    assert not ReleaseChange.objects.exists()


def test_a_draft_of_a_live_release_does_not_change_what_the_feed_serves(client, releases_index):
    release = PressReleasePageFactory(parent=releases_index, title="Live title")
    cursor = feed(client)["next_since"]
    release.title = "Draft title"
    release.save_revision()

    assert feed(client, since=cursor)["items"] == []
    assert feed(client)["items"][0]["item"]["title"] == "Live title"


def test_unpublishing_and_deleting_turn_releases_into_tombstones(client, releases_index):
    unpublished = PressReleasePageFactory(parent=releases_index, external_id="gone-1")
    deleted = PressReleasePageFactory(parent=releases_index, external_id="gone-2")
    cursor = feed(client)["next_since"]

    unpublished.unpublish()
    Page.objects.get(pk=deleted.pk).delete()

    items = feed(client, since=cursor)["items"]
    assert [(i["action"], i["id"], i["external_id"]) for i in items] == [
        ("delete", unpublished.pk, "gone-1"),
        ("delete", deleted.pk, "gone-2"),
    ]
    assert "item" not in items[0]


def test_deleting_an_index_logs_every_release_below_it(client, releases_index):
    release = PressReleasePageFactory(parent=releases_index)
    cursor = feed(client)["next_since"]

    Page.objects.get(pk=releases_index.pk).delete()

    assert actions(feed(client, since=cursor)) == [("delete", release.pk)]


def test_a_view_restriction_on_an_ancestor_hides_releases_until_it_is_lifted(
    client, releases_index
):
    release = PressReleasePageFactory(parent=releases_index)
    cursor = feed(client)["next_since"]

    restriction = PageViewRestriction.objects.create(
        page=releases_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private = feed(client, since=cursor)
    assert actions(private) == [("delete", release.pk)]

    restriction.delete()
    assert actions(feed(client, since=private["next_since"])) == [("upsert", release.pk)]


def test_a_release_published_inside_a_private_section_leaves_no_trace(client, releases_index):
    PageViewRestriction.objects.create(
        page=releases_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    release = PressReleasePageFactory(parent=releases_index)
    release.unpublish()

    assert feed(client)["items"] == []


def test_an_embargoed_release_appears_when_publish_scheduled_makes_it_live(client, releases_index):
    release = PressReleasePageFactory(parent=releases_index, live=False)
    release.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    release.save_revision().publish()

    assert feed(client)["items"] == []

    # Time passes: the embargo is over when publish_scheduled next runs.
    revision = release.latest_revision
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")

    assert actions(feed(client)) == [("upsert", release.pk)]


def test_each_release_appears_once_in_its_latest_state_oldest_first(client, releases_index):
    first = PressReleasePageFactory(parent=releases_index)
    second = PressReleasePageFactory(parent=releases_index)
    first.title = "Edited"
    first.save_revision().publish()

    page = feed(client)

    assert actions(page) == [("upsert", second.pk), ("upsert", first.pk)]
    assert page["items"][1]["item"]["title"] == "Edited"


def test_the_cursor_pages_through_the_feed_without_gaps_or_repeats(client, releases_index):
    releases = [PressReleasePageFactory(parent=releases_index) for _ in range(5)]
    seen, since = [], None
    while True:
        page = feed(client, limit=2, **({"since": since} if since else {}))
        seen += [item["id"] for item in page["items"]]
        since = page["next_since"]
        if not page["has_more"]:
            break

    assert seen == [release.pk for release in releases]
    assert feed(client, since=since) == {"items": [], "next_since": since, "has_more": False}


def test_a_datetime_since_starts_at_changes_made_from_then_on(client, releases_index):
    PressReleasePageFactory(parent=releases_index)
    ReleaseChange.objects.update(changed_at=timezone.now() - datetime.timedelta(days=2))
    recent = PressReleasePageFactory(parent=releases_index)
    yesterday = (timezone.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

    assert actions(feed(client, since=yesterday)) == [("upsert", recent.pk)]


def test_publishing_a_translation_logs_the_release_whose_translations_name_it(
    client, site_tree, releases_index
):
    release = PressReleasePageFactory(parent=releases_index)
    cursor = feed(client)["next_since"]

    translation = release.copy_for_translation(site_tree["az"].home.locale, copy_parents=True)
    translation.save_revision().publish()

    page = feed(client, since=cursor)
    assert actions(page) == [("upsert", translation.pk), ("upsert", release.pk)]
    assert page["items"][1]["item"]["translations"][0]["id"] == translation.pk


def test_publishing_an_organization_logs_the_releases_that_name_it(client, releases_index):
    organization = OrganizationFactory()
    issued = PressReleasePageFactory(parent=releases_index, organization=organization)
    joined = PressReleasePageFactory(parent=releases_index, participants=[organization])
    PressReleasePageFactory(parent=releases_index)
    cursor = feed(client)["next_since"]

    organization.name = "Renamed"
    organization.save_revision().publish()

    page = feed(client, since=cursor)
    assert sorted(i["id"] for i in page["items"]) == sorted([issued.pk, joined.pk])
    assert page["items"][0]["item"]["organization"]["name"] in {"Renamed", joined.organization.name}


def test_renaming_the_index_logs_the_new_urls_of_its_releases(
    client, releases_index, django_capture_on_commit_callbacks
):
    release = PressReleasePageFactory(parent=releases_index)
    cursor = feed(client)["next_since"]

    # Wagtail announces a new slug once the publishing transaction has committed.
    with django_capture_on_commit_callbacks(execute=True):
        releases_index.slug = "news"
        releases_index.save_revision().publish()

    page = feed(client, since=cursor)
    assert actions(page) == [("upsert", release.pk)]
    assert "/en/news/" in page["items"][0]["item"]["url"]


@pytest.mark.parametrize(
    "since",
    [
        "yesterday",
        "2024-13-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00",
        "c.1",
        "c.x.2",
        "c.9999999999999999999.1",
    ],
)
def test_a_malformed_since_is_a_problem_naming_the_parameter(client, db, since):
    response = client.get(URL, {"since": since})

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "since"]


def test_a_limit_over_the_maximum_is_a_problem_naming_the_parameter(client, db):
    response = client.get(URL, {"limit": 101})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "limit"]


def test_the_feed_costs_the_same_queries_for_one_release_as_for_many(client, releases_index):
    organization = OrganizationFactory()
    for _ in range(6):
        PressReleasePageFactory(
            parent=releases_index, participants=[organization], funders=[organization]
        )

    feed(client, limit=1)  # warms Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as one:
        feed(client, limit=1)
    with CaptureQueriesContext(connection) as six:
        feed(client, limit=6)

    assert len(six) == len(one)
