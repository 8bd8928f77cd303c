"""Every channel besides the pages, search and the API: RSS/Atom/JSON Feed, the sitemap,
partners' webhooks (``event.published``) and organization profiles ("Upcoming events");
and an embargoed or draft event on none of them."""

import datetime
import json

import pytest
from django.utils import timezone

from partners.models import Webhook, WebhookDelivery
from tests.events.conftest import EventPageFactory
from tests.factories import OrganizationFactory
from tests.partners.conftest import partner  # noqa: F401 - a partner site

pytestmark = pytest.mark.django_db


@pytest.fixture
def isar(site_tree):
    return OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar")


@pytest.fixture
def subscribed(partner):  # noqa: F811
    """A webhook subscribed to every event, the events' included (the default)."""
    return Webhook.objects.create(partner=partner, url="https://partner.example/hook")


@pytest.fixture
def hidden(subscribed, events_index, isar):
    """A draft and an embargoed event: approved, but not to go live for a week."""
    index = events_index["en"]
    draft = EventPageFactory(parent=index, title="Draft plan", organization=isar, live=False)
    embargoed = EventPageFactory(
        parent=index, title="Embargoed plan", organization=isar, live=False
    )
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=7)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()
    assert not embargoed.live
    return [draft, embargoed]


def soon() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=5)


def test_publishing_sends_event_published_to_subscribed_webhooks(
    partner,  # noqa: F811
    events_index,
    isar,
    django_capture_on_commit_callbacks,
):
    Webhook.objects.create(
        partner=partner, url="https://partner.example/hook", events=["event.published"]
    )
    assert "event.published" in Webhook(partner=partner).events

    with django_capture_on_commit_callbacks():
        event = EventPageFactory(parent=events_index["en"], title="Forum", organization=isar)

    body = json.loads(WebhookDelivery.objects.get().body)
    assert body["event"] == "event.published"
    assert body["page"]["id"] == event.pk and body["page"]["lang"] == "en"


def test_feeds_carry_events_site_wide_per_organization_and_per_topic(client, events_index, isar):
    EventPageFactory(parent=events_index["en"], title="Forum", organization=isar, topics=["water"])

    rss = client.get("/en/feeds/events.rss")
    atom = client.get("/en/feeds/events/organizations/isar.atom")
    feed = client.get("/en/feeds/events/topics/water.json")

    assert b"<title>Forum (ISAR)</title>" in rss.content
    assert b"Forum (ISAR)" in atom.content
    assert [item["title"] for item in feed.json()["items"]] == ["Forum (ISAR)"]
    assert client.get("/en/feeds/events/topics/nothing.rss").status_code == 404


def test_the_sitemap_lists_live_events(client, events_index, isar):
    event = EventPageFactory(parent=events_index["en"], organization=isar)

    assert event.url.encode() in client.get("/sitemap.xml").content


def test_a_profile_lists_the_organizers_upcoming_events(client, events_index, isar):
    EventPageFactory(parent=events_index["en"], title="Forum", organization=isar, start=soon())

    response = client.get(isar.get_url())

    section = response.content.decode().split('class="organization-events"')[1]
    assert "Forum (ISAR)" in section and "/en/feeds/events/organizations/isar.ics" in section


def test_a_draft_or_embargoed_event_is_on_no_channel(client, hidden, events_index):
    titles = [event.title.encode() for event in hidden]
    responses = [
        client.get(events_index["en"].url),
        client.get("/en/search/", {"q": "plan"}),
        client.get("/api/v3/search/", {"q": "plan", "lang": "all"}),
        client.get("/api/v3/events/"),
        client.get("/api/v3/events/changes/"),
        client.get("/en/feeds/events.ics"),
        client.get("/en/feeds/events.rss"),
        client.get("/en/feeds/events.json"),
        client.get("/sitemap.xml"),
        client.get(hidden[0].organization.get_url()),
    ]

    for response in responses:
        assert response.status_code == 200
        assert not any(title in response.content for title in titles), response.request["PATH_INFO"]
    for event in hidden:
        assert client.get(f"/api/v3/events/{event.pk}/").status_code == 404
        assert client.get(f"/en/feeds/events/{event.pk}.ics").status_code == 404
    assert list(WebhookDelivery.objects.values_list("event", "body")) == []
