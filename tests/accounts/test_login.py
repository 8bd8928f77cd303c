"""Login, logout and the lockout after ten wrong passwords, on our login and Wagtail's."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client, override_settings

from .conftest import PASSWORD

LOGIN = "/en/organizations/login/"


@pytest.fixture
def officer(db, django_user_model):
    return django_user_model.objects.create_user(
        "leyla@isar.example", "leyla@isar.example", PASSWORD, first_name="Leyla"
    )


def fail(client, url: str, username: str, times: int) -> list[int]:
    return [
        client.post(url, {"username": username, "password": "wrong-guess"}).status_code
        for _ in range(times)
    ]


def test_logging_in_with_the_address_in_any_case_opens_the_dashboard(client, officer, site_tree):
    response = client.post(LOGIN, {"username": "LEYLA@isar.example", "password": PASSWORD})

    assert response["Location"] == "/en/organizations/dashboard/"
    assert client.get("/en/organizations/dashboard/").status_code == 200


def test_an_unknown_address_and_an_inactive_account_get_the_wrong_password_answer(
    client, officer, django_user_model, site_tree
):
    django_user_model.objects.create_user(
        "waiting@ngo.example", "waiting@ngo.example", PASSWORD, is_active=False
    )

    wrong = client.post(LOGIN, {"username": "leyla@isar.example", "password": "nope-nope"})
    unknown = client.post(LOGIN, {"username": "nobody@ngo.example", "password": "nope-nope"})
    inactive = client.post(LOGIN, {"username": "waiting@ngo.example", "password": PASSWORD})

    messages = [
        response.context["form"].non_field_errors() for response in (wrong, unknown, inactive)
    ]
    assert messages[0] == messages[1] == messages[2]
    assert all(response.status_code == 200 for response in (wrong, unknown, inactive))


def test_logout_is_a_post_and_ends_the_session(client, officer, site_tree):
    client.force_login(officer)

    assert client.get("/en/organizations/logout/").status_code == 405
    response = client.post("/en/organizations/logout/")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one(
    client, officer, site_tree
):
    answers = fail(client, LOGIN, "leyla@isar.example", 10)
    locked = client.post(LOGIN, {"username": "leyla@isar.example", "password": PASSWORD})

    assert answers == [200] * 9 + [429]
    assert locked.status_code == 429
    assert "Account locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_from_another_address_and_in_another_case(client, officer, site_tree):
    fail(client, LOGIN, "leyla@isar.example", 10)

    elsewhere = Client(REMOTE_ADDR="198.51.100.7").post(
        LOGIN, {"username": "Leyla@ISAR.example", "password": PASSWORD}
    )

    assert elsewhere.status_code == 429


def test_ten_failures_from_one_address_lock_that_address_for_every_account(
    client, officer, site_tree
):
    for n in range(10):
        fail(client, LOGIN, f"guess{n}@ngo.example", 1)

    response = client.post(LOGIN, {"username": "leyla@isar.example", "password": PASSWORD})

    assert response.status_code == 429


def test_the_wagtail_admin_login_counts_and_locks_too(client, officer, site_tree):
    answers = fail(client, "/admin/login/", "leyla@isar.example", 10)
    public = client.post(LOGIN, {"username": "leyla@isar.example", "password": PASSWORD})

    assert answers[-1] == 429
    assert public.status_code == 429


def test_communications_staff_unlock_in_the_admin_and_the_person_can_log_in_again(
    client, officer, site_tree, django_user_model
):
    from axes.models import AccessAttempt

    fail(client, LOGIN, "leyla@isar.example", 10)
    attempt = AccessAttempt.objects.get(username="leyla@isar.example")
    from django.contrib.auth.models import Group

    from newsrooms.services import COMMUNICATIONS_GROUP

    member = django_user_model.objects.create_user("aysel", "aysel@x.example", PASSWORD)
    member.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
    staff = Client()
    staff.force_login(member)

    listing = staff.get("/admin/axes/accessattempt/")
    unlocked = staff.post(f"/admin/axes/accessattempt/delete/{attempt.pk}/")
    login = client.post(LOGIN, {"username": "leyla@isar.example", "password": PASSWORD})

    assert listing.status_code == 200 and "leyla@isar.example" in listing.content.decode()
    assert unlocked.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert login["Location"] == "/en/organizations/dashboard/"


def test_organization_users_cannot_unlock(client, officer, site_tree):
    from django.contrib.auth.models import Permission

    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(officer)

    assert client.get("/admin/axes/accessattempt/")["Location"] == "/admin/"


def guess_then_log_in_as_oneself(url: str, victim: str, own: tuple[str, str], rounds: int):
    """The bypass of a lockout that a success clears for the whole address: nine wrong
    guesses on the victim, one good login to the guesser's own account, again and again,
    all from one address (a fresh session each time, as a script would)."""
    for _ in range(rounds):
        fail(Client(), url, victim, 9)
        Client().post(url, {"username": own[0], "password": own[1]})


def test_a_good_login_to_another_account_does_not_clear_the_guesses_on_one(
    officer, site_tree, django_user_model
):
    django_user_model.objects.create_user("guesser@ngo.example", "guesser@ngo.example", PASSWORD)

    guess_then_log_in_as_oneself(LOGIN, "leyla@isar.example", ("guesser@ngo.example", PASSWORD), 3)
    victim = Client(REMOTE_ADDR="198.51.100.7").post(
        LOGIN, {"username": "leyla@isar.example", "password": PASSWORD}
    )

    assert victim.status_code == 429


def test_a_good_admin_login_to_another_account_does_not_clear_the_guesses_on_admin(
    site_tree, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@pressroom.example", PASSWORD)
    guesser = django_user_model.objects.create_user("guesser", "guesser@ngo.example", PASSWORD)
    guesser.user_permissions.add(Permission.objects.get(codename="access_admin"))

    guess_then_log_in_as_oneself("/admin/login/", "admin", ("guesser", PASSWORD), 2)
    admin = Client(REMOTE_ADDR="198.51.100.7")
    answer = admin.post("/admin/login/", {"username": "admin", "password": PASSWORD})

    assert answer.status_code == 429
    assert "_auth_user_id" not in admin.session


@override_settings(PRESSROOM_PROXY_COUNT=1)
def test_behind_the_proxy_a_locked_client_does_not_lock_out_the_next_one(officer, site_tree):
    for n in range(10):
        fail(Client(HTTP_X_FORWARDED_FOR="203.0.113.1"), LOGIN, f"guess{n}@ngo.example", 1)

    # The same proxy (REMOTE_ADDR), another client behind it.
    other = Client(HTTP_X_FORWARDED_FOR="203.0.113.2").post(
        LOGIN, {"username": "leyla@isar.example", "password": PASSWORD}
    )
    guesser = Client(HTTP_X_FORWARDED_FOR="203.0.113.1").post(
        LOGIN, {"username": "leyla@isar.example", "password": PASSWORD}
    )

    assert other["Location"] == "/en/organizations/dashboard/"
    assert guesser.status_code == 429


def test_without_a_proxy_count_a_forged_forwarded_for_escapes_no_lockout(officer, site_tree):
    for n in range(10):
        fail(Client(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"), LOGIN, f"guess{n}@ngo.example", 1)

    forged = Client(HTTP_X_FORWARDED_FOR="203.0.113.99").post(
        LOGIN, {"username": "leyla@isar.example", "password": PASSWORD}
    )

    assert forged.status_code == 429
