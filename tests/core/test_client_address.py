"""Who the client is, for the login lockout, the join limit and the rate limits alike.

Deployers depend on the proxy setting behaving as docs/deploy.md ("Behind a proxy") says.
"""

import pytest
from django.test import RequestFactory, override_settings

from core.client_address import client_address

PROXY = "10.0.0.2"


def request_from(forwarded_for: str | None = None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)


@pytest.mark.parametrize("count", [None, 0])
def test_without_a_proxy_count_the_peer_is_the_client_whatever_the_header_says(count):
    with override_settings(PRESSROOM_PROXY_COUNT=count):
        assert client_address(request_from("203.0.113.9")) == PROXY


@override_settings(PRESSROOM_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_address_it_appended():
    assert client_address(request_from("203.0.113.9")) == "203.0.113.9"
    # What the client wrote itself stands to the left and is ignored.
    assert client_address(request_from("1.2.3.4, 203.0.113.9")) == "203.0.113.9"


@override_settings(PRESSROOM_PROXY_COUNT=2)
def test_behind_two_proxies_the_client_is_second_from_the_right():
    assert client_address(request_from("1.2.3.4, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"
    assert client_address(request_from("2001:db8::1 , 10.0.0.1")) == "2001:db8::1"


@pytest.mark.parametrize("forwarded_for", [None, "", "203.0.113.9", "not-an-address, 10.0.0.1"])
@override_settings(PRESSROOM_PROXY_COUNT=2)
def test_a_short_or_garbled_header_falls_back_to_the_peer(forwarded_for):
    assert client_address(request_from(forwarded_for)) == PROXY
