"""The subscribe, confirm and manage pages: double opt-in, no enumeration, rate limits,
links that change nothing when merely fetched, and an address that can be erased."""

import pytest
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from alerts.models import Delivery, Subscriber, Subscription
from alerts.tokens import CONFIRM, MANAGE, token_make
from directory.selectors import organization_url
from tests.factories import OrganizationFactory

from .conftest import subscribe

pytestmark = pytest.mark.django_db


def _url(name: str, *args, language="en") -> str:
    with translation.override(language):
        return reverse(f"alerts:{name}", args=args)


def _subscribe(client, email="reader@example.org", query="q=water", **extra):
    return client.post(
        _url("subscribe"),
        {"email": email, "frequency": "immediate", "kind": "search", "query": query, **extra},
    )


def test_the_subscribe_page_shows_what_the_search_link_offers(client, site_tree):
    OrganizationFactory(slug="water-ngo", name="Water NGO")
    response = client.get(_url("subscribe") + "?kind=organization&organization=water-ngo&page=3")
    assert response.status_code == 200
    assert "Press releases of Water NGO" in response.text
    assert 'value="organization=water-ngo"' in response.text


def test_the_answer_is_the_same_whether_or_not_the_address_subscribes(
    client, site_tree, django_capture_on_commit_callbacks
):
    subscribe("known@example.org", "q=water")
    with django_capture_on_commit_callbacks(execute=True):
        known = _subscribe(client, "known@example.org")
        unknown = _subscribe(client, "new@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.text.replace("known@", "X@") == unknown.text.replace("new@", "X@")
    assert Subscriber.objects.count() == 2
    assert not Subscription.objects.get(subscriber__email="new@example.org").confirmed


def test_subscribing_is_limited_per_address(client, site_tree, settings):
    settings.ALERTS = {**settings.ALERTS, "ADDRESS_RATE": "2/hour"}
    assert _subscribe(client, query="q=a").status_code == 200
    assert _subscribe(client, query="q=b").status_code == 200
    limited = _subscribe(client, query="q=c")
    assert limited.status_code == 429
    assert _subscribe(client, "other@example.org", query="q=c").status_code == 200


def test_a_search_the_page_would_refuse_cannot_be_subscribed(client, site_tree):
    response = _subscribe(client, query="date_from=yesterday")
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.text
    assert not Subscription.objects.exists()


def test_fetching_the_confirmation_link_changes_nothing_posting_it_confirms(client, site_tree):
    _subscribe(client)
    subscription = Subscription.objects.get()
    url = _url("confirm", token_make(action=CONFIRM, pk=subscription.pk))
    assert client.get(url).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.confirmed
    assert client.post(url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed


def test_a_forged_confirmation_link_confirms_nothing(client, site_tree):
    _subscribe(client)
    subscription = Subscription.objects.get()
    token = token_make(action=MANAGE, pk=subscription.pk)  # another action's signature
    assert client.post(_url("confirm", token)).status_code == 404
    subscription.refresh_from_db()
    assert not subscription.confirmed


def test_the_manage_page_changes_frequency_unsubscribes_and_erases_the_address(client, site_tree):
    first = subscribe("reader@example.org", "q=water")
    second = subscribe("reader@example.org", "q=land")
    url = _url("manage", token_make(action=MANAGE, pk=first.subscriber_id))
    page = client.get(url)
    assert "Search: water" in page.text and "Search: land" in page.text

    client.post(url, {"action": "frequency", "subscription": first.pk, "frequency": "daily"})
    first.refresh_from_db()
    assert first.frequency == Subscription.Frequency.DAILY
    client.post(url, {"action": "cancel", "subscription": second.pk})
    assert list(Subscription.objects.all()) == [first]

    response = client.post(url, {"action": "erase"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()
    assert client.get(url).status_code == 404


def test_results_a_profile_a_newsroom_and_a_topic_list_offer_their_alert(client, site_tree):
    isar = OrganizationFactory(slug="isar", name="ISAR")
    Tag.objects.create(name="Water", slug="water")
    releases = site_tree["en"].releases.url
    offers = {
        "/en/search/?q=water+-Baku&sort=newest": "kind=search&amp;q=water+-Baku&amp;sort=newest",
        organization_url(isar): "kind=organization&amp;organization=isar",
        f"{releases}?topic=water": "kind=topic&amp;topic=water",
        f"{releases}?organization=isar": "kind=organization&amp;organization=isar",
    }
    for page, link in offers.items():
        html = client.get(page).text
        assert f'href="/en/alerts/subscribe/?{link}"' in html, page
    form = client.get(
        f"/en/alerts/subscribe/?{offers[organization_url(isar)]}".replace("&amp;", "&")
    )
    assert "Press releases of ISAR" in form.text
    assert "Email me" not in client.get(releases).text
