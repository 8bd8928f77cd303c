"""CORS on the API: registered partner origins and the settings' list get CORS headers,
preflight included; other origins and other paths get none; credentials are never allowed.

Partners' browser code depends on this: docs/api.md "Authentication and rate limits".
"""

from django.test import override_settings

from partners.services import partner_site_create

PAGES = "/api/v3/pages/"
PARTNER_ORIGIN = "https://news.example.org"


def preflight(client, origin: str, path: str = PAGES):
    return client.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, if-none-match",
    )


def test_preflight_from_a_partner_origin_allows_get_with_a_token(client, partner):
    response = preflight(client, PARTNER_ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER_ORIGIN
    assert "authorization" in response["Access-Control-Allow-Headers"]
    assert "if-none-match" in response["Access-Control-Allow-Headers"]
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in response


def test_request_from_a_partner_origin_gets_cors_and_exposed_headers(client, partner):
    response = client.get(PAGES, HTTP_ORIGIN=PARTNER_ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER_ORIGIN
    exposed = response["Access-Control-Expose-Headers"]
    assert "ETag" in exposed and "RateLimit" in exposed and "Retry-After" in exposed
    assert "origin" in response["Vary"].lower()


def test_unregistered_origin_gets_no_cors_headers(client, partner):
    assert "Access-Control-Allow-Origin" not in preflight(client, "https://evil.example")
    assert "Access-Control-Allow-Origin" not in client.get(
        PAGES, HTTP_ORIGIN="https://evil.example"
    )


def test_inactive_partners_origin_gets_no_cors_headers(client, partner):
    partner.active = False
    partner.save()

    assert "Access-Control-Allow-Origin" not in preflight(client, PARTNER_ORIGIN)


def test_a_newly_registered_origin_is_allowed_at_once(client, partner):
    assert "Access-Control-Allow-Origin" not in preflight(client, "https://donor.example")

    partner_site_create(name="Donor", allowed_origins=["https://donor.example"])

    assert preflight(client, "https://donor.example")["Access-Control-Allow-Origin"]


@override_settings(PRESSROOM_API_CORS_ORIGINS=["https://portal.example"])
def test_origins_from_settings_are_allowed(client, db):
    response = preflight(client, "https://portal.example")

    assert response["Access-Control-Allow-Origin"] == "https://portal.example"


def test_partner_origins_get_no_cors_outside_the_api(client, partner):
    response = client.get("/healthz", HTTP_ORIGIN=PARTNER_ORIGIN)

    assert "Access-Control-Allow-Origin" not in response


@override_settings(PRESSROOM_API_ANON_RATE="1/min")
def test_a_429_is_readable_by_the_partners_browser_code(client, partner):
    client.get(PAGES, HTTP_ORIGIN=PARTNER_ORIGIN)
    response = client.get(PAGES, HTTP_ORIGIN=PARTNER_ORIGIN)

    assert response.status_code == 429
    assert response["Access-Control-Allow-Origin"] == PARTNER_ORIGIN
