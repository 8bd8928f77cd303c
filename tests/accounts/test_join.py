"""Signing up: claim a directory entry or propose one, with no account enumeration."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from wagtail.models import Locale

from accounts.models import ApplicationStatus, OrganizationApplication
from directory.models import Organization
from tests.factories import OrganizationFactory

from .conftest import join_data, proposal_data

JOIN = "/en/organizations/join/"


def organization_choices(response) -> list[str]:
    return [label for _, label in response.context["form"].fields["organization"].choices]


def test_join_page_offers_the_unclaimed_entries_of_its_language(client, isar):
    OrganizationFactory(name="Ünvan", locale=Locale.objects.get(language_code="az"))

    response = client.get(JOIN)

    assert response.status_code == 200
    assert str(isar) in organization_choices(response)
    assert "Ünvan" not in organization_choices(response)


def test_claiming_an_entry_creates_an_inactive_user_and_emails_a_link(
    client, isar, outbox, committed
):
    with committed():
        response = client.post(JOIN, join_data(organization=isar.pk))

    assert response.status_code == 302
    assert response["Location"] == "/en/organizations/join/sent/"
    user = get_user_model().objects.get(email="leyla@isar.example")
    assert not user.is_active
    assert user.username == "leyla@isar.example"
    application = OrganizationApplication.objects.get(user=user)
    assert application.status == ApplicationStatus.PENDING_VERIFICATION
    assert (application.organization, application.language) == (isar, "en")
    assert [message.to for message in outbox] == [["leyla@isar.example"]]
    assert "/en/organizations/verify/" in outbox[0].body


def test_a_proposed_organization_waits_outside_the_directory(client, site_tree):
    response = client.post(JOIN, proposal_data())

    assert response.status_code == 302
    application = OrganizationApplication.objects.get()
    assert application.organization is None
    assert application.proposed_organization["name"] == "Green Steps Youth Union"
    assert application.proposed_organization["city"] == "Ganja"
    assert not Organization.objects.filter(name="Green Steps Youth Union").exists()


def test_a_proposal_needs_a_name_and_a_city(client, site_tree):
    response = client.post(JOIN, proposal_data(new_name="", new_city=""))

    assert response.status_code == 200
    assert {"new_name", "new_city"} <= set(response.context["form"].errors)
    assert not OrganizationApplication.objects.exists()


def test_proposing_a_name_already_in_the_directory_points_to_the_entry(client, isar):
    response = client.post(JOIN, proposal_data(new_name=isar.name.upper()))

    assert "choose it above" in str(response.context["form"].errors["new_name"])


def test_a_claimed_organization_gets_a_clear_message(client, isar, django_user_model):
    OrganizationApplication.objects.create(
        user=django_user_model.objects.create_user("first@isar.example"),
        first_name="First",
        last_name="Officer",
        email="first@isar.example",
        phone="123456",
        language="en",
        organization=isar,
        status=ApplicationStatus.APPROVED,
    )

    page = client.get(JOIN)
    response = client.post(JOIN, join_data(organization=isar.pk))

    assert str(isar) not in organization_choices(page)
    assert response.status_code == 200
    assert "already has an approved account" in response.content.decode()
    assert not django_user_model.objects.filter(email="leyla@isar.example").exists()


def test_weak_passwords_are_refused_by_django_validators(client, isar):
    response = client.post(
        JOIN, join_data(organization=isar.pk, password1="leyla123", password2="leyla123")
    )

    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not OrganizationApplication.objects.exists()


def test_a_known_address_gets_the_same_answer_and_its_owner_an_email(
    client, isar, django_user_model, outbox, committed
):
    django_user_model.objects.create_user("owner", "Leyla@ISAR.example", "x")
    other = OrganizationFactory()

    with committed():
        known = client.post(JOIN, join_data(organization=isar.pk))
        unknown = client.post(JOIN, join_data(organization=other.pk, email="new@isar.example"))

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.content == unknown.content
    assert django_user_model.objects.filter(email__iexact="leyla@isar.example").count() == 1
    assert not OrganizationApplication.objects.filter(email__iexact="leyla@isar.example").exists()
    to_owner = next(message for message in outbox if message.to == ["leyla@isar.example"])
    assert "already has an account" in to_owner.body
    assert "/en/organizations/password-reset/" in to_owner.body


class CountingHasher(MD5PasswordHasher):
    """Counts the passwords it hashes: the work that made known addresses answer faster."""

    encoded = 0

    def encode(self, password: str, salt: str) -> str:
        type(self).encoded += 1
        return super().encode(password, salt)


def test_a_known_address_costs_the_same_password_hashing_as_a_new_one(
    client, isar, django_user_model, settings
):
    django_user_model.objects.create_user("owner", "Leyla@ISAR.example", "x")
    settings.PASSWORD_HASHERS = ["tests.accounts.test_join.CountingHasher"]
    other = OrganizationFactory()
    hashed = {}

    for email, organization in (("leyla@isar.example", isar), ("new@isar.example", other)):
        CountingHasher.encoded = 0
        answer = client.post(JOIN, join_data(organization=organization.pk, email=email))
        assert answer["Location"] == "/en/organizations/join/sent/"
        hashed[email] = CountingHasher.encoded

    assert hashed == {"leyla@isar.example": 1, "new@isar.example": 1}


def test_registering_again_before_verifying_resends_the_link(client, isar, outbox, committed):
    with committed():
        client.post(JOIN, join_data(organization=isar.pk))
        client.post(JOIN, join_data(organization=isar.pk))

    assert OrganizationApplication.objects.count() == 1
    assert len(outbox) == 2
    assert all("/en/organizations/verify/" in message.body for message in outbox)


def test_bursts_from_one_address_are_limited_with_a_clear_message(client, site_tree, settings):
    settings.ACCOUNTS = {**settings.ACCOUNTS, "JOIN_LIMIT": 3}
    # Invalid submissions count too: a burst is refused before any form work.
    burst = [client.post(JOIN, join_data(email=f"p{n}@x.example")) for n in range(4)]
    elsewhere = client.post(JOIN, join_data(), REMOTE_ADDR="192.0.2.9")

    assert [response.status_code for response in burst] == [200, 200, 200, 429]
    assert "Too many applications" in burst[-1].content.decode()
    assert elsewhere.status_code == 200


def test_behind_the_proxy_the_join_limit_counts_each_client_apart(client, site_tree, settings):
    settings.PRESSROOM_PROXY_COUNT = 1
    settings.ACCOUNTS = {**settings.ACCOUNTS, "JOIN_LIMIT": 2}
    first = [
        client.post(JOIN, join_data(email=f"p{n}@x.example"), HTTP_X_FORWARDED_FOR="203.0.113.1")
        for n in range(3)
    ]
    second = client.post(JOIN, join_data(), HTTP_X_FORWARDED_FOR="203.0.113.2")

    assert [response.status_code for response in first] == [200, 200, 429]
    assert second.status_code == 200


def test_without_a_proxy_count_a_forged_forwarded_for_escapes_no_join_limit(
    client, site_tree, settings
):
    settings.ACCOUNTS = {**settings.ACCOUNTS, "JOIN_LIMIT": 2}
    burst = [
        client.post(JOIN, join_data(email=f"p{n}@x.example"), HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        for n in range(3)
    ]

    assert [response.status_code for response in burst] == [200, 200, 429]


def test_the_azerbaijani_form_applies_in_azerbaijani(client, site_tree, outbox, committed):
    organization = OrganizationFactory(locale=Locale.objects.get(language_code="az"))

    page = client.get("/az/organizations/join/")
    with committed():
        response = client.post("/az/organizations/join/", join_data(organization=organization.pk))

    assert "Müraciəti göndər" in page.content.decode()
    assert "e-poçt ünvanınızı təsdiqləyin" in outbox[0].subject
    assert response["Location"] == "/az/organizations/join/sent/"
    assert OrganizationApplication.objects.get().language == "az"
    assert "/az/organizations/verify/" in outbox[0].body


@pytest.mark.parametrize("language", ["en", "az"])
def test_signed_in_people_go_to_their_dashboard(client, site_tree, django_user_model, language):
    client.force_login(django_user_model.objects.create_user("someone"))

    response = client.get(f"/{language}/organizations/join/")

    assert response["Location"] == f"/{language}/organizations/dashboard/"
