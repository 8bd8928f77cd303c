"""Alerts go out through a real SMTP server: once per subscription and release, after an
outage too, never before an embargo lifts, and never after a one-click unsubscribe."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from alerts.models import Delivery, Subscription
from tests.factories import OrganizationFactory, PressReleasePageFactory

from .conftest import subscribe

PHRASE = '"water user associations" -Baku'


@pytest.fixture
def publish(site_tree, django_capture_on_commit_callbacks):
    """Publishes a release as an editor does; its on-commit work (queueing) runs."""

    def run(**fields):
        fields.setdefault("parent", site_tree[fields.pop("language", "en")].releases)
        with django_capture_on_commit_callbacks(execute=True):
            return PressReleasePageFactory(**fields)

    return run


def test_after_an_smtp_outage_each_subscriber_gets_each_release_exactly_once(
    smtp, publish, run_alerts_worker
):
    organization = OrganizationFactory(slug="water-ngo")
    for address in ("a@example.org", "b@example.org"):
        subscribe(address, "organization=water-ngo", kind=Subscription.Kind.ORGANIZATION)
    for n in range(20):
        publish(organization=organization, title=f"Irrigation report {n}")

    run_alerts_worker()
    assert smtp.messages == []
    assert Delivery.objects.filter(status=Delivery.Status.PENDING, attempts=1).count() == 40

    smtp.start()
    run_alerts_worker(include_future=True)
    run_alerts_worker(include_future=True)

    sent = sorted((str(m["To"]), str(m["Subject"])) for m in smtp.messages)
    expected = sorted(
        (address, f"Irrigation report {n}")
        for address in ("a@example.org", "b@example.org")
        for n in range(20)
    )
    assert sent == expected
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_a_message_has_both_parts_the_release_and_one_click_unsubscribe(
    smtp, publish, run_alerts_worker
):
    smtp.start()
    Tag.objects.create(name="water", slug="water")
    subscription = subscribe(
        "reader@example.org", "topic=water", kind=Subscription.Kind.TOPIC, language="az"
    )
    publish(
        language="az",
        title="Su istifadəçiləri",
        summary="Qısa xülasə.",
        topics=["water"],
        organization=OrganizationFactory(name="Su QHT"),
    )
    run_alerts_worker()

    [message] = smtp.messages
    assert message["Subject"] == "Su istifadəçiləri"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Su istifadəçiləri" in part and "Su QHT" in part and "Qısa xülasə." in part
        assert "/az/" in part and "/az/alerts/manage/" in part
    assert "Bu bildirişdən imtina edin: http" in text and "/az/alerts/unsubscribe/" in text

    link = message["List-Unsubscribe"].strip("<>").split("testserver", 1)[1]
    response = Client(enforce_csrf_checks=True).post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()

    publish(language="az", title="Yenə su", topics=["water"])
    run_alerts_worker()
    assert len(smtp.messages) == 1


def test_a_refused_message_is_retried_and_sent_once(smtp, publish, run_alerts_worker):
    smtp.start()
    smtp.inbox.refusals = 1
    subscribe("reader@example.org", "q=irrigation")
    publish(title="Irrigation plan")
    run_alerts_worker()
    assert smtp.messages == []
    assert Delivery.objects.get().error.startswith("SMTPDataError")
    run_alerts_worker(include_future=True)
    assert [m["Subject"] for m in smtp.messages] == ["Irrigation plan"]


def test_an_embargoed_release_is_sent_only_when_publish_scheduled_publishes_it(
    smtp, site_tree, publish, run_alerts_worker, django_capture_on_commit_callbacks
):
    smtp.start()
    subscribe("reader@example.org", "q=embargo")
    release = publish(title="Embargo lifted", live=False)
    release.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    run_alerts_worker()
    assert smtp.messages == []

    # The embargo's hour passes: the scheduled revision is due.
    revision = release.revisions.get(approved_go_live_at__isnull=False)
    lifted = timezone.now() - datetime.timedelta(seconds=1)
    revision.content["go_live_at"] = lifted.isoformat()
    revision.approved_go_live_at = lifted
    revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    run_alerts_worker()
    assert [m["Subject"] for m in smtp.messages] == ["Embargo lifted"]


def test_republishing_or_editing_a_release_sends_nothing_more(
    smtp, publish, run_alerts_worker, django_capture_on_commit_callbacks
):
    smtp.start()
    subscribe("reader@example.org", "q=irrigation")
    release = publish(title="Irrigation plan")
    run_alerts_worker()
    release.summary = "Corrected summary."
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    run_alerts_worker()
    assert len(smtp.messages) == 1


def test_a_phrase_search_with_an_exclusion_matches_as_the_search_page_does(
    smtp, publish, run_alerts_worker
):
    smtp.start()
    subscribe("reader@example.org", f"q={PHRASE}")
    publish(title="Water user associations meet in Ganja", summary="Farmers in Ganja.")
    publish(title="Water user associations meet in Baku", summary="Farmers in Baku.")
    publish(title="Water for associations of users", summary="Not the phrase.")
    run_alerts_worker()
    assert [m["Subject"] for m in smtp.messages] == ["Water user associations meet in Ganja"]


def test_a_phrase_search_with_an_exclusion_matches_on_elasticsearch_too(
    elasticsearch_backend, smtp, publish, run_alerts_worker
):
    smtp.start()
    subscribe("reader@example.org", f"q={PHRASE}")
    publish(title="Water user associations meet in Ganja", summary="Farmers in Ganja.")
    publish(title="Water user associations meet in Baku", summary="Farmers in Baku.")
    run_alerts_worker()  # before the engine's refresh, the match waits and retries
    elasticsearch_backend.refresh_indexes()
    run_alerts_worker(include_future=True)
    assert [m["Subject"] for m in smtp.messages] == ["Water user associations meet in Ganja"]


def test_daily_subscriptions_get_the_days_releases_in_one_digest(smtp, publish, run_alerts_worker):
    smtp.start()
    subscribe("reader@example.org", "q=irrigation", frequency=Subscription.Frequency.DAILY)
    publish(title="Irrigation one")
    publish(title="Irrigation two")
    run_alerts_worker()
    assert smtp.messages == []
    call_command("alerts_digest", stdout=io.StringIO())
    run_alerts_worker()
    [digest] = smtp.messages
    body = digest.get_body(("plain",)).get_content()
    assert "Irrigation one" in body and "Irrigation two" in body
