"""Rate limits on the whole API (our routers and Wagtail's): per client address when
anonymous, per token for partners, 429 problem with Retry-After and RateLimit fields.

Partners depend on these headers: docs/api.md "Authentication and rate limits".
"""

import pytest
from django.test import override_settings

from core.ratelimit import Rate

PAGES = "/api/v3/pages/"


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@override_settings(PRESSROOM_API_ANON_RATE="3/min")
def test_anonymous_client_gets_429_with_retry_after_past_its_limit(client, db):
    answers = [client.get(PAGES) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["RateLimit-Policy"] == '"anonymous";q=3;w=60'
    assert refused["RateLimit"] == f'"anonymous";r=0;t={refused["Retry-After"]}'
    assert refused["RateLimit-Remaining"] == "0"


@override_settings(PRESSROOM_API_ANON_RATE="5/min")
def test_every_api_response_carries_the_remaining_quota(client, db):
    first, second = client.get(PAGES), client.get("/api/v3/openapi.json")

    assert first["RateLimit-Limit"] == "5"
    assert first["RateLimit-Remaining"] == "4"
    assert second["RateLimit-Remaining"] == "3"
    assert second["RateLimit"].startswith('"anonymous";r=3;t=')


@override_settings(PRESSROOM_API_ANON_RATE="2/min")
def test_anonymous_limits_count_per_client_address(client, db):
    for _ in range(2):
        client.get(PAGES, REMOTE_ADDR="192.0.2.1")

    assert client.get(PAGES, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(PAGES, REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(PRESSROOM_API_ANON_RATE="1/min")
def test_forwarded_for_is_ignored_unless_a_proxy_count_is_configured(client, db):
    client.get(PAGES, HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert client.get(PAGES, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


@override_settings(PRESSROOM_API_ANON_RATE="1/min", PRESSROOM_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_client_is_the_address_it_appended(client, db):
    client.get(PAGES, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")

    # The spoofable left part differs; the proxy-appended address is the same client.
    assert client.get(PAGES, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1").status_code == 429
    assert client.get(PAGES, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.2").status_code == 200


@override_settings(PRESSROOM_API_ANON_RATE="1/min", PRESSROOM_API_TOKEN_RATE="3/min")
def test_a_partner_token_has_its_own_bucket_at_the_default_partner_rate(client, partner_token):
    client.get(PAGES)
    assert client.get(PAGES).status_code == 429  # this address, anonymously

    answers = [client.get(PAGES, **bearer(partner_token)) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert answers[0]["RateLimit-Policy"] == '"token";q=3;w=60'
    assert int(answers[-1]["Retry-After"]) >= 1


@override_settings(PRESSROOM_API_TOKEN_RATE="1/min")
def test_a_partners_own_limit_overrides_the_default(client, partner, partner_token):
    partner.rate_limit = 2
    partner.save()

    answers = [client.get(PAGES, **bearer(partner_token)) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[0]["RateLimit-Policy"] == '"token";q=2;w=60'


@override_settings(PRESSROOM_API_ANON_RATE="2/min")
def test_guessed_tokens_count_against_the_guessers_address(client, db):
    answers = [client.get(PAGES, **bearer(f"guess-{n}")) for n in range(3)]

    assert [answer.status_code for answer in answers] == [401, 401, 429]


@override_settings(PRESSROOM_API_ANON_RATE="1/min")
def test_pages_outside_the_api_are_not_limited(client, db):
    answers = [client.get("/healthz") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert "RateLimit" not in answers[0]


@pytest.mark.parametrize(
    ("text", "rate"),
    [("60/min", Rate(60, 60)), ("1000/hour", Rate(1000, 3600)), ("10/30s", Rate(10, 30))],
)
def test_rates_are_read_as_requests_per_period(text, rate):
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["", "60", "0/min", "ten/min", "60/fortnight"])
def test_malformed_rates_are_refused(text):
    with pytest.raises(ValueError):
        Rate.parse(text)
