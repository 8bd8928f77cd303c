"""Webhook events of other content apps: how a new content type reaches partners' webhooks
without editing partners (``webhook_event_register``)."""

import json

import pytest
from django.core.exceptions import ValidationError

from partners import models
from partners.models import Webhook, WebhookDelivery, webhook_event_register
from partners.webhook_events import webhook_deliveries_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(models, "_REGISTERED_EVENTS", {})
    webhook_event_register("meeting.published", "Meeting published")


def test_a_registered_event_can_be_subscribed_to_and_is_delivered_under_its_key(
    registered, partner, site_tree, django_capture_on_commit_callbacks
):
    webhook = Webhook(partner=partner, url="https://partner.example/hook")
    webhook.events = ["meeting.published"]
    webhook.clean()
    webhook.save()
    assert "meeting.published" in models.all_events()
    assert ("meeting.published", "Meeting published") in models.event_choices()

    webhook_deliveries_create(
        event="meeting.published", release=site_tree["en"].home, key="meeting"
    )

    delivery = WebhookDelivery.objects.get()
    body = json.loads(delivery.body)
    assert body["event"] == "meeting.published"
    assert body["meeting"]["id"] == site_tree["en"].home.pk
    assert "release" not in body


def test_an_unregistered_event_is_refused(partner, registered):
    webhook = Webhook(partner=partner, url="https://partner.example/hook", events=["other.x"])
    with pytest.raises(ValidationError):
        webhook.clean()
    with pytest.raises(ValueError):
        webhook_event_register("press_release.published", "Again")
