"""The emailed link: signed, expiring, confirmed by a click, used once."""

import time

from django.core import signing

from accounts.models import ApplicationStatus, OrganizationApplication
from accounts.tokens import VERIFICATION_SALT

from .conftest import emailed_link, join_data


def applied(client, isar, outbox, committed) -> str:
    with committed():
        client.post("/en/organizations/join/", join_data(organization=isar.pk))
    return emailed_link(outbox[-1])


def test_opening_the_link_asks_to_confirm_and_changes_nothing(client, isar, outbox, committed):
    link = applied(client, isar, outbox, committed)

    response = client.get(link)

    assert response.status_code == 200
    assert "Confirm my address" in response.content.decode()
    assert OrganizationApplication.objects.get().status == ApplicationStatus.PENDING_VERIFICATION


def test_confirming_queues_the_application_and_tells_reviewers(
    client, isar, reviewer, outbox, committed
):
    link = applied(client, isar, outbox, committed)

    with committed():
        response = client.post(link)

    application = OrganizationApplication.objects.get()
    assert response.status_code == 200
    assert application.status == ApplicationStatus.PENDING_REVIEW
    assert application.verified_at is not None
    assert not application.user.is_active
    to_reviewer = outbox[-1]
    assert to_reviewer.to == [reviewer.email]
    assert f"/admin/accounts/organizationapplication/edit/{application.pk}/" in to_reviewer.body
    assert to_reviewer.subject.startswith("New organization account application")
    assert "will review your application" in response.content.decode()


def test_a_second_use_of_the_link_changes_nothing(client, isar, outbox, committed):
    link = applied(client, isar, outbox, committed)
    client.post(link)
    verified_at = OrganizationApplication.objects.get().verified_at

    again = client.post(link)

    assert again.status_code == 200
    assert (
        "already confirmed" in again.content.decode()
        or "Waiting for review" in again.content.decode()
    )
    assert OrganizationApplication.objects.get().verified_at == verified_at


def test_an_altered_link_is_refused(client, isar, outbox, committed):
    link = applied(client, isar, outbox, committed)
    altered = link.replace("/verify/", "/verify/x")

    response = client.post(altered)

    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert OrganizationApplication.objects.get().status == ApplicationStatus.PENDING_VERIFICATION


class SignedFourDaysAgo(signing.TimestampSigner):
    """A link as it was signed four days ago: one day past VERIFICATION_MAX_AGE."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 4 * 24 * 3600)


def test_an_expired_link_is_refused(client, isar, outbox, committed):
    applied(client, isar, outbox, committed)
    application = OrganizationApplication.objects.get()
    token = SignedFourDaysAgo(salt=VERIFICATION_SALT).sign_object(
        {"id": application.pk, "email": application.email}
    )

    response = client.post(f"/en/organizations/verify/{token}/")

    assert response.status_code == 400
    assert "expired" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_VERIFICATION
