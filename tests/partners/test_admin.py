"""Staff manage partners in the admin: create a partner, issue, rotate and revoke its
tokens (plaintext shown once), see webhook secrets and deliveries; others may not."""

import re

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import APIToken

from partners.models import PartnerSite, Webhook, WebhookDelivery

BASE = "/admin/partners/partnersite/"


@pytest.fixture
def staff_client(client, django_user_model):
    """Staff with the admin and partner-site permissions only."""
    user = django_user_model.objects.create_user("relations", "rel@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="partners"),
    )
    client.force_login(user)
    return client


def issued_plaintext(response) -> str:
    match = re.search(r'<code id="new-token">([^<]+)</code>', response.content.decode())
    assert match, "the new token is shown"
    return match.group(1)


def test_staff_create_a_partner_and_issue_its_first_token(staff_client):
    response = staff_client.post(
        f"{BASE}create/",
        {
            "name": "Donor portal",
            "contact_name": "Aysel",
            "contact_email": "web@donor.example",
            "allowed_origins": "https://donor.example\nhttps://www.donor.example",
            "rate_limit": "120",
            "active": "on",
            "notes": "",
        },
    )
    partner = PartnerSite.objects.get(name="Donor portal")
    assert response.status_code == 302
    assert partner.allowed_origins == ["https://donor.example", "https://www.donor.example"]

    issued = staff_client.post(f"{BASE}tokens/{partner.pk}/", {"action": "issue"})

    plaintext = issued_plaintext(issued)
    assert "no-store" in issued["Cache-Control"]
    assert (
        staff_client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {plaintext}").json()[
            "user"
        ]["username"]
        == partner.user.username
    )
    listing = staff_client.get(f"{BASE}tokens/{partner.pk}/").content.decode()
    assert plaintext not in listing  # shown once, never again
    assert plaintext[:12] in listing  # its prefix identifies it


def test_an_origin_with_a_path_is_refused(staff_client):
    response = staff_client.post(
        f"{BASE}create/",
        {"name": "Bad", "allowed_origins": "https://donor.example/feed", "active": "on"},
    )

    assert response.status_code == 200
    assert not PartnerSite.objects.exists()
    assert "not an origin" in response.content.decode()


def test_staff_rotate_and_revoke_tokens(staff_client, partner, partner_token):
    rotated = issued_plaintext(
        staff_client.post(f"{BASE}tokens/{partner.pk}/", {"action": "rotate"})
    )
    new_token = APIToken.objects.get(user=partner.user, revoked_at__isnull=True)

    staff_client.post(f"{BASE}tokens/{partner.pk}/", {"action": "revoke", "token": new_token.pk})

    assert rotated != partner_token
    assert not APIToken.objects.filter(user=partner.user, revoked_at__isnull=True).exists()


def test_the_partner_list_shows_when_a_token_was_last_used(
    staff_client, client, partner, partner_token
):
    staff_client.get("/api/v3/pages/", HTTP_AUTHORIZATION=f"Bearer {partner_token}")

    listing = staff_client.get(BASE).content.decode()

    assert "Token last used" in listing
    assert "never" not in listing.split("Caucasus News", 1)[1].split("</tr>", 1)[0]


def test_webhook_secret_is_shown_on_demand_and_can_be_replaced(staff_client, partner):
    webhook = Webhook.objects.create(partner=partner, url="http://127.0.0.1:9/hook")
    url = f"/admin/partners/webhook/secret/{webhook.pk}/"

    assert webhook.secret in staff_client.get(url).content.decode()
    staff_client.post(url)

    old = webhook.secret
    webhook.refresh_from_db()
    assert webhook.secret != old


def test_deliveries_are_listed_read_only(staff_client, partner):
    webhook = Webhook.objects.create(partner=partner, url="http://127.0.0.1:9/hook")
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event="press_release.published", body="{}", status_code=502, attempts=2
    )

    listing = staff_client.get("/admin/partners/webhookdelivery/")
    inspect = staff_client.get(f"/admin/partners/webhookdelivery/inspect/{delivery.pk}/")

    assert listing.status_code == 200 and "502" in listing.content.decode()
    assert inspect.status_code == 200
    edit = staff_client.get(f"/admin/partners/webhookdelivery/edit/{delivery.pk}/")
    assert edit.status_code == 302 and edit["Location"] == "/admin/"  # Wagtail's refusal


def test_admin_users_without_partner_permissions_cannot_see_tokens(
    client, django_user_model, partner
):
    user = django_user_model.objects.create_user("editor", "ed@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get(f"{BASE}tokens/{partner.pk}/").status_code in {302, 403}
    assert client.post(f"{BASE}tokens/{partner.pk}/", {"action": "issue"}).status_code in {302, 403}
    assert not APIToken.objects.filter(user=partner.user).exists()
