"""The staff queue in the Wagtail admin: approve or reject, and what each does."""

import pytest

from accounts.models import ApplicationStatus, OrganizationApplication
from directory.models import Organization

from .conftest import PASSWORD, emailed_link, join_data, proposal_data

QUEUE = "/admin/accounts/organizationapplication/"


def review_url(application) -> str:
    return f"{QUEUE}edit/{application.pk}/"


@pytest.fixture
def apply_and_verify(client, outbox, committed):
    def apply(data: dict, language: str = "en") -> OrganizationApplication:
        with committed():
            client.post(f"/{language}/organizations/join/", data)
        with committed():
            client.post(emailed_link(outbox[-1]))
        return OrganizationApplication.objects.get(email=data["email"])

    return apply


@pytest.fixture
def staff_client(client, reviewer):
    """A second client, so the applicant's own session stays anonymous."""
    from django.test import Client

    staff = Client()
    staff.force_login(reviewer)
    return staff


def test_the_queue_lists_pending_applications_for_reviewers(apply_and_verify, isar, staff_client):
    application = apply_and_verify(join_data(organization=isar.pk))

    response = staff_client.get(QUEUE)

    assert response.status_code == 200
    assert application.email in response.content.decode()
    assert review_url(application) in response.content.decode()


def test_approval_activates_the_user_and_opens_the_newsroom(
    apply_and_verify, isar, staff_client, reviewer, client, outbox, committed
):
    application = apply_and_verify(join_data(organization=isar.pk))

    with committed():
        response = staff_client.post(review_url(application), {"decision": "approve"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == reviewer
    user = application.user
    assert user.is_active
    assert user.groups.filter(name__startswith="Newsroom").exists()
    assert user.has_perm("wagtailadmin.access_admin")
    assert outbox[-1].to == ["leyla@isar.example"]
    assert "approved" in outbox[-1].subject
    assert "Your application is approved" in outbox[-1].body
    login = client.post(
        "/en/organizations/login/", {"username": "Leyla@isar.example", "password": PASSWORD}
    )
    assert login["Location"] == "/en/organizations/dashboard/"
    assert isar.name in client.get("/en/organizations/dashboard/").content.decode()


def test_approving_a_proposal_publishes_a_new_directory_entry(
    apply_and_verify, site_tree, staff_client
):
    application = apply_and_verify(proposal_data())

    staff_client.post(review_url(application), {"decision": "approve"})

    organization = Organization.objects.get(name="Green Steps Youth Union")
    assert organization.live
    assert organization.slug == "gsyu"
    assert organization.phones == ["+994 22 256 00 00"]
    application.refresh_from_db()
    assert application.organization == organization


def test_rejection_needs_a_reason_which_the_applicant_receives_in_their_language(
    apply_and_verify, site_tree, staff_client, outbox, committed
):
    from wagtail.models import Locale

    from tests.factories import OrganizationFactory

    organization = OrganizationFactory(locale=Locale.objects.get(language_code="az"))
    application = apply_and_verify(join_data(organization=organization.pk), language="az")

    without_reason = staff_client.post(review_url(application), {"decision": "reject"})
    with committed():
        staff_client.post(
            review_url(application), {"decision": "reject", "reason": "Not a press officer."}
        )

    assert without_reason.status_code == 200
    assert "reason" in without_reason.context["form"].errors
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.rejection_reason == "Not a press officer."
    assert not application.user.is_active
    assert "Not a press officer." in outbox[-1].body
    assert "/az/organizations/join/" in outbox[-1].body


def test_a_decided_application_cannot_be_reviewed_again(apply_and_verify, isar, staff_client):
    application = apply_and_verify(join_data(organization=isar.pk))
    staff_client.post(review_url(application), {"decision": "approve"})

    again = staff_client.get(review_url(application))

    assert again.status_code == 302
    assert again["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied


def test_people_without_the_review_permission_see_no_queue(
    apply_and_verify, isar, client, django_user_model
):
    from django.contrib.auth.models import Permission

    application = apply_and_verify(join_data(organization=isar.pk))
    editor = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(QUEUE)["Location"] == "/admin/"
    assert client.post(review_url(application), {"decision": "approve"})["Location"] == "/admin/"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_REVIEW
