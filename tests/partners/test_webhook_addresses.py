"""Webhook URLs may only reach public http(s) addresses: checked when a webhook is saved
and again, after DNS resolution, when it is sent (server-side request forgery)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from partners.addresses import validate_origin, webhook_target_resolve
from partners.models import Webhook, WebhookDelivery
from partners.webhook_sender import webhook_delivery_attempt

REFUSED = [
    "http://127.0.0.1/hook",
    "http://localhost:8000/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://172.16.5.5/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/hook",
    "http://224.0.0.251/hook",
    "http://0.0.0.0/hook",
    "http://100.64.0.1/hook",
    "http://240.0.0.1/hook",
    # IPv6 transition addresses carrying an internal IPv4 address: 6to4, NAT64, Teredo.
    "http://[2002:7f00:1::]/hook",
    "http://[2002:a9fe:a9fe::1]/latest/meta-data/",
    "http://[2002:c0a8:000a::1]/hook",
    "http://[64:ff9b::7f00:1]/hook",
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
    "http://[2001:0:4136:e378:8000:63bf:80ff:fefe]/hook",
    "http://[::127.0.0.1]/hook",
]


@override_settings(PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("url", REFUSED)
def test_internal_addresses_are_refused(url):
    with pytest.raises(ValidationError) as refused:
        webhook_target_resolve(url)
    assert refused.value.code == "address"


@pytest.mark.parametrize(
    "url", ["ftp://93.184.215.14/hook", "file:///etc/passwd", "http://user:pw@93.184.215.14/"]
)
def test_only_plain_http_and_https_urls_are_accepted(url):
    with pytest.raises(ValidationError):
        webhook_target_resolve(url)


def test_a_public_address_is_accepted_with_its_path_and_host_header():
    target = webhook_target_resolve("https://93.184.215.14:8443/in?key=1")

    assert (target.address, target.port, target.path) == ("93.184.215.14", 8443, "/in?key=1")
    assert target.host_header == "93.184.215.14:8443"


def test_a_6to4_address_of_a_public_ipv4_address_is_accepted():
    """6to4 addresses are refused for the address they carry, not for being 6to4."""
    target = webhook_target_resolve("http://[2002:5db8:d70e::1]/hook")

    assert target.address == "2002:5db8:d70e::1"


def test_loopback_is_allowed_only_by_the_setting():
    with override_settings(PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK=True):
        assert webhook_target_resolve("http://127.0.0.1:9/hook").address == "127.0.0.1"
    with override_settings(PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK=False), pytest.raises(ValidationError):
        webhook_target_resolve("http://127.0.0.1:9/hook")


@override_settings(PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK=False)
def test_saving_a_webhook_to_an_internal_address_is_refused(partner):
    webhook = Webhook(partner=partner, url="http://169.254.169.254/latest/")

    with pytest.raises(ValidationError) as refused:
        webhook.full_clean()
    assert "url" in refused.value.message_dict


def test_sending_rechecks_the_address_and_does_not_retry_a_refusal(partner, receiver):
    """A URL that passed when saved but points inward now (DNS changed, settings changed)."""
    webhook = Webhook.objects.create(partner=partner, url=receiver.url)
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event="press_release.published", body="{}"
    )

    with override_settings(PRESSROOM_WEBHOOKS_ALLOW_LOOPBACK=False):
        webhook_delivery_attempt(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert receiver.requests == []
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "loopback" in delivery.error


@pytest.mark.parametrize("origin", ["https://news.example.org", "http://localhost:3000"])
def test_origins_are_scheme_host_and_port(origin):
    validate_origin(origin)


@pytest.mark.parametrize(
    "origin",
    [
        "https://news.example.org/",
        "https://news.example.org/path",
        "news.example.org",
        "ftp://news.example.org",
        "https://News.example.org",
        "https://news.example.org:99999",
    ],
)
def test_anything_else_is_not_an_origin(origin):
    with pytest.raises(ValidationError):
        validate_origin(origin)
