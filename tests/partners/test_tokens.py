"""Bearer tokens on the API: a partner's token reads as that partner, a bad one is a 401
problem (never a silent fall-back to anonymous), no token reads anonymously.

Partners depend on this contract: docs/api.md "Authentication and rate limits".
"""

import pytest
from django.test import RequestFactory
from ninja.errors import AuthenticationError
from wagtail.models import APIToken

from partners.auth import PUBLIC_READ_AUTH
from partners.services import partner_token_issue, partner_token_rotate, partner_tokens_revoke

PAGES = "/api/v3/pages/"
LIST = "/api/v3/press-releases/"
WHOAMI = "/api/v3/whoami/"


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def assert_unauthorized(response, detail_fragment: str):
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    problem = response.json()
    assert problem["status"] == 401
    assert problem["title"] == "Unauthorized"
    assert detail_fragment in problem["detail"]


def test_partner_token_authenticates_as_the_partners_service_user(client, partner, partner_token):
    response = client.get(WHOAMI, **bearer(partner_token))

    assert response.status_code == 200
    assert response.json()["user"]["username"] == partner.user.username
    assert response.json()["user"]["is_superuser"] is False


def test_partner_service_user_cannot_log_in_and_has_no_permissions(partner):
    assert not partner.user.has_usable_password()
    assert not partner.user.is_staff
    assert not partner.user.has_perm("wagtailadmin.access_admin")


def test_unknown_token_is_a_401_problem_not_an_anonymous_read(client, db):
    forged = APIToken.generate_token()  # well formed, never issued

    assert client.get(PAGES).status_code == 200
    assert_unauthorized(client.get(PAGES, **bearer(forged)), "invalid")


def test_malformed_token_is_a_401_problem(client, db):
    assert_unauthorized(client.get(PAGES, **bearer("not-a-token")), "invalid")
    assert_unauthorized(client.get(PAGES, HTTP_AUTHORIZATION="Bearer "), "invalid")


def test_revoked_token_is_a_401_problem(client, partner, partner_token):
    partner_tokens_revoke(partner=partner)

    assert_unauthorized(client.get(PAGES, **bearer(partner_token)), "invalid")


def test_inactive_partners_token_is_a_401_problem(client, partner, partner_token):
    partner.active = False
    partner.save()

    assert_unauthorized(client.get(PAGES, **bearer(partner_token)), "invalid")


def test_every_refused_token_gets_the_same_message(client, partner, partner_token):
    """Whether a token never existed, was revoked or belongs to an inactive partner must not
    show: a stolen token's holder learns nothing about it from the answer."""
    _other, revoked = partner_token_issue(partner=partner)
    partner_tokens_revoke(partner=partner)
    _new, inactive = partner_token_issue(partner=partner)
    partner.active = False
    partner.save()
    refused = [APIToken.generate_token(), "not-a-token", revoked, inactive]

    details = {
        client.get(path, **bearer(t)).json()["detail"] for t in refused for path in (PAGES, LIST)
    }

    assert len(details) == 1


def test_rotation_revokes_the_old_token_and_the_new_one_works(client, partner, partner_token):
    new_token, plaintext = partner_token_rotate(partner=partner)

    assert_unauthorized(client.get(WHOAMI, **bearer(partner_token)), "invalid")
    assert client.get(WHOAMI, **bearer(plaintext)).status_code == 200
    assert list(APIToken.objects.filter(user=partner.user, revoked_at__isnull=True)) == [new_token]


def test_token_use_is_recorded_for_the_admin(client, partner):
    token, plaintext = partner_token_issue(partner=partner)
    assert token.last_used_at is None

    client.get(PAGES, **bearer(plaintext))

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_non_bearer_authorization_reads_anonymously(client, db):
    response = client.get(PAGES, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")

    assert response.status_code == 200


def test_public_read_auth_sets_request_partner_for_a_token(partner, partner_token):
    request = RequestFactory().get("/api/v3/press-releases/", **bearer(partner_token))
    token_auth, _anonymous = PUBLIC_READ_AUTH

    token = token_auth(request)

    assert token.user == partner.user
    assert request.partner == partner
    assert request.user == partner.user


def test_public_read_auth_refuses_a_revoked_token_itself(partner, partner_token):
    """Even where the access middleware did not run first, a bad token is refused."""
    partner_tokens_revoke(partner=partner)
    request = RequestFactory().get("/api/v3/press-releases/", **bearer(partner_token))
    token_auth, _anonymous = PUBLIC_READ_AUTH

    with pytest.raises(AuthenticationError) as refused:
        token_auth(request)
    assert refused.value.status_code == 401


def test_public_read_auth_is_anonymous_without_a_token(db):
    request = RequestFactory().get("/api/v3/press-releases/")
    token_auth, anonymous = PUBLIC_READ_AUTH

    assert token_auth(request) is None
    assert anonymous(request)
    assert request.partner is None
    assert not request.user.is_authenticated


def test_our_press_release_endpoint_reads_as_the_partner_or_refuses(client, partner, partner_token):
    assert client.get("/api/v3/press-releases/", **bearer(partner_token)).status_code == 200
    partner_tokens_revoke(partner=partner)

    assert_unauthorized(client.get("/api/v3/press-releases/", **bearer(partner_token)), "revoked")
