"""``/api/v3/events/``: what partner sites showing NGO events rely on (docs/events.md, "API"):
the item's fields, the release API's filters and paging, ETag/304, the changes feed with
tombstones, and nothing that is not public."""

import datetime

import pytest
from django.utils import timezone

from tests.events.conftest import EventPageFactory, baku
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(events_index):
    isar = OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar")
    funder = OrganizationFactory(name="The Eurasia Foundation", slug="eurasia")
    index = events_index["en"]
    forum = EventPageFactory(
        parent=index,
        title="Water forum",
        organization=isar,
        funders=[funder],
        start=baku(2030, 5, 12, 10, 0),
        end=baku(2030, 5, 12, 17, 0),
        city="Gəncə",
        topics=["water"],
        external_id="isar-forum-2030",
    )
    old = EventPageFactory(
        parent=index,
        title="Old meeting",
        organization=isar,
        start=baku(2000, 11, 30, 10, 0),
        end=baku(2000, 11, 30, 12, 0),
    )
    draft = EventPageFactory(parent=index, title="Draft", organization=isar, live=False)
    return {"forum": forum, "old": old, "draft": draft}


def test_the_list_gives_live_events_by_start_with_their_fields_in_baku_time(client, events):
    response = client.get("/api/v3/events/")

    body = response.json()
    assert body["count"] == 2
    assert [item["title"] for item in body["items"]] == ["Old meeting", "Water forum"]
    forum = body["items"][1]
    assert forum["start"] == "2030-05-12T10:00:00+04:00"
    assert forum["end"] == "2030-05-12T17:00:00+04:00"
    assert forum["time_zone"] == "Asia/Baku"
    assert forum["organization"]["slug"] == "isar"
    assert [f["slug"] for f in forum["funders"]] == ["eurasia"]
    assert forum["topics"] == [{"slug": "water", "name": "water"}]
    assert forum["ics_url"].endswith(f"/en/feeds/events/{events['forum'].pk}.ics")
    assert response["ETag"]


def test_the_list_filters_and_pages_like_the_release_api(client, events):
    def titles(**params):
        return [item["title"] for item in client.get("/api/v3/events/", params).json()["items"]]

    assert titles(city="Ganja") == ["Water forum"]
    assert titles(topic="water", organization="isar") == ["Water forum"]
    assert titles(date_from="2030-05-12", date_to="2030-05-12") == ["Water forum"]
    assert titles(upcoming="true") == ["Water forum"]
    assert titles(upcoming="false") == ["Old meeting"]
    assert titles(limit=1, offset=1, ordering="-start") == ["Old meeting"]
    assert titles(fields="id,title", external_id="isar-forum-2030") == ["Water forum"]
    assert client.get("/api/v3/events/", {"organization": "nobody"}).status_code == 422
    assert client.get("/api/v3/events/", {"fields": "nope"}).status_code == 422
    assert client.get("/api/v3/events/", {"limit": 1000}).status_code == 400


def test_detail_answers_304_to_its_etag_and_404_for_drafts(client, events):
    url = f"/api/v3/events/{events['forum'].pk}/"
    first = client.get(url)

    assert first.json()["external_id"] == "isar-forum-2030"
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(f"/api/v3/events/{events['draft'].pk}/").status_code == 404


def test_changes_give_upserts_then_a_tombstone_for_an_unpublished_event(client, events):
    first = client.get("/api/v3/events/changes/").json()
    assert {(c["action"], c["id"]) for c in first["items"]} == {
        ("upsert", events["forum"].pk),
        ("upsert", events["old"].pk),
    }

    events["old"].unpublish()
    later = client.get("/api/v3/events/changes/", {"since": first["next_since"]}).json()

    assert [(c["action"], c["id"]) for c in later["items"]] == [("delete", events["old"].pk)]
    assert client.get("/api/v3/events/changes/", {"since": "nope"}).status_code == 422
    assert timezone.now() - datetime.datetime.fromisoformat(later["items"][0]["changed_at"]) < (
        datetime.timedelta(minutes=1)
    )
