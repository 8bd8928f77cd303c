"""What staff see waiting for them: the dashboard panel and the menu count of applications."""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import ApplicationStatus, OrganizationApplication
from tests.factories import OrganizationFactory

QUEUE = "/admin/accounts/organizationapplication/"


@pytest.fixture
def waiting(isar, django_user_model) -> list[OrganizationApplication]:
    """Two applications waiting for review (a claim and a proposal) and one not yet verified."""
    applicants = [
        ("Leyla", "leyla@isar.example", {"organization": isar}, 3),
        (
            "Kamran",
            "kamran@greensteps.example",
            {"proposed_organization": {"name": "Green Steps"}},
            1,
        ),
    ]
    applications = [
        OrganizationApplication.objects.create(
            user=django_user_model.objects.create_user(email, email, is_active=False),
            first_name=name,
            last_name="Aliyev",
            email=email,
            phone="123456",
            language="en",
            status=ApplicationStatus.PENDING_REVIEW,
            verified_at=timezone.now() - timedelta(days=days),
            **organization,
        )
        for name, email, organization, days in applicants
    ]
    OrganizationApplication.objects.create(
        first_name="Unverified",
        last_name="Person",
        email="later@ngo.example",
        phone="123456",
        language="en",
        organization=OrganizationFactory(name="Quiet NGO"),
    )
    return applications


def staff(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sidebar_item(html: str, name: str) -> dict:
    """The admin menu item ``name`` from the sidebar's props (the menu is drawn by script)."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)

    def walk(node):
        if isinstance(node, dict):
            if node.get("name") == name and "url" in node:
                yield node
            nodes = node.values()
        else:
            nodes = node if isinstance(node, list) else []
        for child in nodes:
            yield from walk(child)

    return next(walk(json.loads(props[1])))


def test_the_dashboard_lists_the_applications_waiting_for_review_oldest_first(waiting, reviewer):
    html = staff(reviewer).get("/admin/").content.decode()

    panel = html[html.index('id="pending-organization-applications-section"') :]
    assert "2 organization applications waiting for review" in html
    assert panel.index("Institute for Social Action and Research") < panel.index("Green Steps")
    assert "Leyla Aliyev" in panel and "leyla@isar.example" in panel
    assert "3\xa0days" in panel
    for application in waiting:
        assert f'href="{QUEUE}edit/{application.pk}/"' in panel
    assert "Unverified" not in panel
    assert f'href="{QUEUE}?status=pending-review"' in panel


def test_the_menu_item_carries_the_number_waiting(waiting, reviewer):
    html = staff(reviewer).get("/admin/").content.decode()

    item = sidebar_item(html, "organization-applications")
    assert item["label"] == "Organization applications"
    assert item["attrs"]["data-pending-count"] == "2"
    assert item["attrs"]["aria-label"] == "Organization applications, 2 waiting for review"


def test_the_listing_and_its_menu_item_share_one_name(waiting, reviewer):
    html = staff(reviewer).get(QUEUE).content.decode()

    assert "Organization applications" in html
    assert "Organization requests" not in html


def test_staff_who_do_not_decide_applications_see_no_panel(waiting, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", "editor@pressroom.example")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))

    html = staff(editor).get("/admin/").content.decode()

    assert "pending-organization-applications" not in html
    assert "data-pending-count" not in html
