"""Who sees what of the subscribers: counts for staff allowed to view subscriptions,
addresses only with the address permission, an organization's own count on its
officers' dashboard, and no address anywhere in the API."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from alerts.models import Subscription
from tests.accounts.test_dashboard import officer_create
from tests.factories import OrganizationFactory

from .conftest import subscribe

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/alerts/"


def _staff(*codenames):
    name = "staff-" + "-".join(codenames)
    user = get_user_model().objects.create_user(name, f"{name}@pressroom.test", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="alerts", codename__in=codenames),
    )
    return user


@pytest.fixture
def followed(site_tree):
    isar = OrganizationFactory(name="ISAR", slug="isar")
    for address in ("one@example.org", "two@example.org"):
        subscribe(address, "organization=isar", kind=Subscription.Kind.ORGANIZATION)
    subscribe("one@example.org", "q=water")
    return isar


def test_staff_see_counts_per_alert_but_addresses_only_with_the_permission(client, followed):
    client.force_login(_staff("view_subscription"))
    html = client.get(REPORT).text
    assert "Press releases of ISAR" in html and "Search: water" in html
    assert "one@example.org" not in html

    client.force_login(_staff("view_subscription", "view_subscriber_address"))
    html = client.get(REPORT).text
    assert "one@example.org, two@example.org" in html


def test_the_report_is_refused_without_the_permission(client, followed):
    client.force_login(_staff())
    assert client.get(REPORT).status_code in (302, 403)


def test_officers_see_how_many_addresses_follow_their_organization(client, followed):
    client.force_login(officer_create(followed))
    html = client.get("/en/organizations/dashboard/").text
    assert "2 addresses follow your press releases by email." in html
    assert "one@example.org" not in html


def test_the_api_never_shows_an_address(client, followed):
    for path in ("/api/v3/search/?q=water", "/api/v3/organizations/", "/api/v3/press-releases/"):
        assert "example.org" not in client.get(path).text
