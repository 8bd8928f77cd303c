"""Webhooks: press-release events POSTed, signed, from the webhooks worker to a real HTTP
receiver on loopback; retries with backoff; a dead partner never slows publishing.

Partners verify these signatures and rely on these bodies: docs/api.md "Webhooks".
"""

import datetime
import hashlib
import hmac
import json
import time

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from partners.models import Webhook, WebhookDelivery, WebhookEvent
from partners.webhook_sender import webhook_backoff, webhook_delivery_lease
from tests.factories import PressReleasePageFactory

FAST_RETRIES = {"PRESSROOM_WEBHOOKS_BACKOFF": 0, "PRESSROOM_WEBHOOKS_MAX_ATTEMPTS": 3}


@pytest.fixture
def webhook(partner, receiver):
    return Webhook.objects.create(partner=partner, url=receiver.url)


def publish_release(site_tree, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return PressReleasePageFactory(parent=site_tree["en"].releases, **fields)


def test_publishing_posts_a_signed_event_from_the_worker(
    site_tree, webhook, receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    release = publish_release(
        site_tree, django_capture_on_commit_callbacks, title="Flood relief", external_id="ext-1"
    )
    assert receiver.requests == []  # nothing is sent in the publishing request

    assert run_webhooks_worker() == 1

    [request] = receiver.requests
    headers, body = request["headers"], request["body"]
    assert request["path"] == "/hooks/pressroom"
    assert headers["Content-Type"] == "application/json"
    signed = headers["X-Pressroom-Timestamp"].encode() + b"." + body
    expected = hmac.new(webhook.secret.encode(), signed, hashlib.sha256).hexdigest()
    assert headers["X-Pressroom-Signature"] == f"sha256={expected}"
    assert abs(int(headers["X-Pressroom-Timestamp"]) - time.time()) < 60
    event = json.loads(body)
    assert event["event"] == "press_release.published"
    assert event["delivery_id"] == headers["X-Pressroom-Delivery"]
    assert event["release"] == {
        "id": release.pk,
        "external_id": "ext-1",
        "lang": "en",
        "title": "Flood relief",
        "url": release.get_full_url(),
    }
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.status_code == 200
    assert delivery.attempts == 1
    assert '"received": true' in delivery.response_excerpt


def test_update_unpublish_and_delete_each_send_their_event(
    site_tree, webhook, receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    release = publish_release(site_tree, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        release.title = "Corrected title"
        release.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        release.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        release.delete()

    run_webhooks_worker()

    events = [json.loads(request["body"])["event"] for request in receiver.requests]
    assert events == [
        "press_release.published",
        "press_release.updated",
        "press_release.unpublished",
        "press_release.published",
        "press_release.deleted",
    ]


def test_drafts_private_releases_and_unsubscribed_events_send_nothing(
    site_tree, partner, receiver, django_capture_on_commit_callbacks
):
    Webhook.objects.create(partner=partner, url=receiver.url, events=[WebhookEvent.DELETED])
    publish_release(site_tree, django_capture_on_commit_callbacks)  # not subscribed
    Webhook.objects.create(partner=partner, url=receiver.url)
    publish_release(site_tree, django_capture_on_commit_callbacks, live=False)  # draft
    PageViewRestriction.objects.create(
        page=site_tree["en"].releases, restriction_type=PageViewRestriction.LOGIN
    )
    publish_release(site_tree, django_capture_on_commit_callbacks)  # private

    assert not WebhookDelivery.objects.exists()


@override_settings(**FAST_RETRIES)
def test_a_failed_delivery_is_retried_until_the_partner_accepts_it(
    site_tree, webhook, receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    receiver.statuses = [500]
    publish_release(site_tree, django_capture_on_commit_callbacks)

    run_webhooks_worker()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.status_code, delivery.attempts) == ("pending", 500, 1)
    assert delivery.next_attempt_at is not None

    run_webhooks_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code, delivery.attempts) == ("delivered", 200, 2)
    first, second = receiver.requests
    assert first["body"] == second["body"]  # the same event, deduplicable by delivery_id


@override_settings(PRESSROOM_WEBHOOKS_BACKOFF=30, PRESSROOM_WEBHOOKS_BACKOFF_MAX=3600)
def test_retries_back_off_exponentially_with_jitter():
    for attempt, ceiling in [(1, 30), (2, 60), (3, 120), (8, 3600), (20, 3600)]:
        delays = [webhook_backoff(attempt) for _ in range(50)]
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert len(set(delays)) > 1


@override_settings(PRESSROOM_WEBHOOKS_BACKOFF=60)
def test_a_retry_waits_for_its_time(
    site_tree, webhook, receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    receiver.statuses = [503]
    publish_release(site_tree, django_capture_on_commit_callbacks)
    run_webhooks_worker()

    assert run_webhooks_worker() == 0  # not due yet
    delivery = WebhookDelivery.objects.get()
    assert delivery.next_attempt_at > timezone.now() + timezone.timedelta(seconds=29)


@override_settings(**FAST_RETRIES, PRESSROOM_WEBHOOKS_READ_TIMEOUT=0.3)
def test_a_partner_that_never_answers_does_not_slow_publishing(
    site_tree, partner, silent_receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    Webhook.objects.create(partner=partner, url=silent_receiver)

    started = time.monotonic()
    publish_release(site_tree, django_capture_on_commit_callbacks)
    publishing = time.monotonic() - started

    while run_webhooks_worker():
        pass
    delivery = WebhookDelivery.objects.get()
    assert publishing < 2.0
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 3
    assert "timed out" in delivery.error.lower()


@override_settings(**FAST_RETRIES)
def test_a_closed_port_fails_after_the_retry_limit(
    site_tree, partner, closed_port_url, run_webhooks_worker, django_capture_on_commit_callbacks
):
    Webhook.objects.create(partner=partner, url=closed_port_url)
    publish_release(site_tree, django_capture_on_commit_callbacks)

    while run_webhooks_worker():
        pass

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("failed", 3, None)
    assert "refused" in delivery.error.lower()


def test_a_delivery_cut_off_by_a_killed_worker_is_sent_again_with_the_same_id(
    site_tree, webhook, receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    """A worker SIGKILLed during the POST leaves its task "running" and records nothing:
    here, a worker that claimed the task and took the lease, and then was gone."""
    publish_release(site_tree, django_capture_on_commit_callbacks)
    [task] = DBTaskResult.objects.filter(backend_name="webhooks", status="READY")
    task.claim("a-worker-killed-mid-delivery")
    webhook_delivery_lease(WebhookDelivery.objects.get())

    assert run_webhooks_worker() == 0  # not before the attempt's time is up
    lease_over = timezone.now() - timezone.timedelta(seconds=1)
    WebhookDelivery.objects.update(next_attempt_at=lease_over)
    assert run_webhooks_worker(include_future=True) == 1

    [request] = receiver.requests
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert request["headers"]["X-Pressroom-Delivery"] == str(delivery.pk)
    assert json.loads(request["body"])["delivery_id"] == str(delivery.pk)


def test_a_finished_attempt_is_not_sent_again_when_its_lease_runs_out(
    site_tree, webhook, receiver, run_webhooks_worker, django_capture_on_commit_callbacks
):
    publish_release(site_tree, django_capture_on_commit_callbacks)
    assert run_webhooks_worker() == 1

    assert run_webhooks_worker(include_future=True) == 1  # the lease's task, finding it delivered

    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().attempts == 1


def test_an_embargoed_release_sends_nothing_until_it_goes_live(
    site_tree, webhook, django_capture_on_commit_callbacks
):
    """Wagtail signals a publish that only schedules the page: partners hear of it when the
    go-live publish makes it public, not before."""
    release = PressReleasePageFactory(parent=site_tree["en"].releases, live=False)
    release.go_live_at = timezone.now() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()

    release.refresh_from_db()
    assert not release.live
    assert not WebhookDelivery.objects.exists()
