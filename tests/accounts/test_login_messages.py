"""What login tells an applicant not yet approved, and what it never tells anyone else."""

import pytest
from axes.models import AccessAttempt

from accounts.models import ApplicationStatus, OrganizationApplication
from accounts.services import application_reject, application_submit

from .conftest import PASSWORD

LOGIN = "/en/organizations/login/"
GENERIC = "Enter a correct email address and password."


@pytest.fixture
def application(isar, outbox) -> OrganizationApplication:
    return application_submit(
        first_name="Leyla",
        last_name="Mammadova",
        email="leyla@isar.example",
        phone="+994 12 495 25 57",
        password=PASSWORD,
        language="en",
        base_url="http://testserver",
        organization=isar,
    )


def login_errors(client, username: str, password: str) -> list[str]:
    response = client.post(LOGIN, {"username": username, "password": password})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    return list(response.context["form"].non_field_errors())


def set_status(application: OrganizationApplication, status: str) -> None:
    application.status = status
    application.save(update_fields=["status"])


def test_an_applicant_awaiting_review_is_told_so(client, application):
    set_status(application, ApplicationStatus.PENDING_REVIEW)

    errors = login_errors(client, "Leyla@isar.example", PASSWORD)

    assert errors == [
        "Your application is awaiting review by our staff. We will email you once it is decided."
    ]


def test_an_applicant_who_has_not_confirmed_the_address_is_asked_to(client, application):
    errors = login_errors(client, "leyla@isar.example", PASSWORD)

    assert "confirm your email address" in errors[0]


def test_a_rejected_applicant_is_told_why(client, application, reviewer):
    set_status(application, ApplicationStatus.PENDING_REVIEW)
    application_reject(application=application, reviewer=reviewer, reason="Not a press officer.")

    errors = login_errors(client, "leyla@isar.example", PASSWORD)

    assert errors == [
        "Your application was not accepted. Our staff gave this reason: Not a press officer."
    ]


def test_a_wrong_password_gets_the_same_message_whoever_the_address_belongs_to(
    client, application, django_user_model
):
    set_status(application, ApplicationStatus.PENDING_REVIEW)
    django_user_model.objects.create_user("officer@ngo.example", "officer@ngo.example", PASSWORD)

    answers = [
        login_errors(client, username, "wrong-guess-123")
        for username in ("leyla@isar.example", "officer@ngo.example", "nobody@ngo.example")
    ]

    assert answers == [[GENERIC]] * 3


def test_an_applicants_correct_password_still_counts_as_a_failed_login(client, application):
    login_errors(client, "leyla@isar.example", PASSWORD)

    assert AccessAttempt.objects.get(username="leyla@isar.example").failures_since_start == 1


def test_a_rejected_applicant_may_apply_again_with_the_same_address(
    client, application, reviewer, isar
):
    set_status(application, ApplicationStatus.PENDING_REVIEW)
    application_reject(application=application, reviewer=reviewer, reason="Wrong person.")

    again = application_submit(
        first_name="Leyla",
        last_name="Mammadova",
        email="LEYLA@isar.example",
        phone="+994 12 495 25 57",
        password=PASSWORD,
        language="en",
        base_url="http://testserver",
        organization=isar,
    )

    assert again is not None and again.user.username == "leyla@isar.example"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.user is None
