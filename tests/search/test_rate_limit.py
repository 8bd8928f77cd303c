"""The site's own search JSON and autocomplete share the API's anonymous rate limit, so they
are no way around it: same client address, same bucket, same 429 with Retry-After.

Scripts reading /<lang>/search/json/ depend on the 429 problem and its Retry-After, as API
clients do (docs/api.md, "Authentication and rate limits").
"""

import pytest
from django.core.cache import cache
from django.test import override_settings

JSON_ROUTES = ["/en/search/json/?q=water", "/en/search/autocomplete/?q=wat"]


@pytest.fixture(autouse=True)
def _fresh_counts():
    """Counts live in the cache, which outlives a test's database rollback."""
    cache.clear()
    yield
    cache.clear()


# Hour-long windows: a fixed window rolling over between two requests would reset the count.
@pytest.mark.parametrize("url", JSON_ROUTES)
@override_settings(PRESSROOM_API_ANON_RATE="3/hour")
def test_past_the_anonymous_rate_the_answer_is_a_429_problem_with_retry_after(
    client, site_tree, url
):
    answers = [client.get(url) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert answers[0]["RateLimit-Policy"] == '"anonymous";q=3;w=3600'


@override_settings(PRESSROOM_API_ANON_RATE="3/hour")
def test_the_json_twins_and_the_api_draw_on_one_allowance(client, site_tree):
    client.get("/api/v3/pages/")
    client.get(JSON_ROUTES[0])
    client.get(JSON_ROUTES[1])

    assert client.get("/api/v3/pages/").status_code == 429
    assert client.get(JSON_ROUTES[0]).status_code == 429


@override_settings(PRESSROOM_API_ANON_RATE="1/hour", PRESSROOM_PROXY_COUNT=1)
def test_behind_the_proxy_each_client_has_its_own_allowance(client, site_tree):
    client.get(JSON_ROUTES[0], HTTP_X_FORWARDED_FOR="203.0.113.1")

    assert client.get(JSON_ROUTES[0], HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 429
    assert client.get(JSON_ROUTES[0], HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 200


@override_settings(PRESSROOM_API_ANON_RATE="1/hour")
def test_without_a_proxy_count_a_forged_forwarded_for_gets_no_new_allowance(client, site_tree):
    client.get(JSON_ROUTES[0], HTTP_X_FORWARDED_FOR="203.0.113.1")

    assert client.get(JSON_ROUTES[0], HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429
