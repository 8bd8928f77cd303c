"""Security checks of the organization accounts that the other modules leave open: the session
cookie under production settings, sessions around login, logout and password reset as Django
documents them, and login and reset answers that reveal no accounts.

CSRF on every form is in test_csrf.py; the join form's answer for known addresses in
test_join.py; ``check --deploy`` with production settings in tests/cms/test_settings.py.
"""

import json
import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

from tests.cms.test_settings import GOOD_KEY, manage

from .conftest import PASSWORD, emailed_link

LOGIN = "/en/organizations/login/"
RESET = "/en/organizations/password-reset/"
DASHBOARD = "/en/organizations/dashboard/"
COOKIE_SETTINGS = (
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
)


@pytest.fixture(scope="module")
def production_cookie_settings() -> dict:
    """The cookie settings as production runs with them, read in a process that loads them."""
    names = ", ".join(f"'{name}'" for name in COOKIE_SETTINGS)
    result = manage(
        "shell",
        "-c",
        f"import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in [{names}]}}))",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def officer(site_tree, django_user_model):
    return django_user_model.objects.create_user(
        "leyla@isar.example", "leyla@isar.example", PASSWORD
    )


def without_tokens(response, *echoed: str) -> str:
    """The page with its per-response CSRF token, and what the visitor typed, blanked out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    for text in echoed:
        html = html.replace(text, "…")
    return html


def test_the_session_cookie_is_secure_httponly_and_same_site_in_production(
    client, officer, settings, production_cookie_settings
):
    for name, value in production_cookie_settings.items():
        setattr(settings, name, value)

    response = client.post(LOGIN, {"username": officer.username, "password": PASSWORD})

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert production_cookie_settings["SESSION_COOKIE_SECURE"] is True
    assert production_cookie_settings["CSRF_COOKIE_SECURE"] is True
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Lax")
    assert response.cookies["csrftoken"]["secure"] is True


def test_logging_in_gives_a_new_session_key(client, officer):
    """A session planted before login (session fixation) does not become the signed-in one."""
    planted = SessionStore()
    planted["seen"] = True
    planted.create()
    client.cookies["sessionid"] = planted.session_key

    client.post(LOGIN, {"username": officer.username, "password": PASSWORD})

    assert client.cookies["sessionid"].value != planted.session_key
    assert not SessionStore().exists(planted.session_key)
    assert client.get(DASHBOARD).status_code == 200


def test_logging_out_ends_the_session_on_the_server(client, officer):
    client.post(LOGIN, {"username": officer.username, "password": PASSWORD})
    old_key = client.cookies["sessionid"].value

    client.post("/en/organizations/logout/")

    replay = Client()
    replay.cookies["sessionid"] = old_key
    assert not SessionStore().exists(old_key)
    assert replay.get(DASHBOARD)["Location"].startswith(LOGIN)


def test_a_password_reset_signs_out_sessions_opened_with_the_old_password(client, officer, outbox):
    elsewhere = Client()
    elsewhere.post(LOGIN, {"username": officer.username, "password": PASSWORD})
    assert elsewhere.get(DASHBOARD).status_code == 200
    client.post(RESET, {"email": officer.email})
    form = client.get(emailed_link(outbox[0]), follow=True)
    set_url = form.redirect_chain[-1][0]

    client.post(
        set_url, {"new_password1": "Fresh-Phrase-2024-x", "new_password2": "Fresh-Phrase-2024-x"}
    )

    # The token leaves the address bar before the form shows, so no Referer carries it.
    assert set_url.endswith("/set-password/")
    assert elsewhere.get(DASHBOARD)["Location"].startswith(LOGIN)


def test_login_answers_alike_for_a_wrong_password_an_unknown_address_and_an_inactive_account(
    client, officer, django_user_model
):
    django_user_model.objects.create_user(
        "waiting@ngo.example", "waiting@ngo.example", PASSWORD, is_active=False
    )
    attempts = {
        "leyla@isar.example": "wrong-guess-1",
        "nobody@ngo.example": "wrong-guess-1",
        "waiting@ngo.example": PASSWORD,
    }

    answers = [
        client.post(LOGIN, {"username": username, "password": password})
        for username, password in attempts.items()
    ]

    assert {response.status_code for response in answers} == {200}
    pages = {
        without_tokens(response, username)
        for response, username in zip(answers, attempts, strict=True)
    }
    assert len(pages) == 1


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client, officer, outbox):
    known = client.post(RESET, {"email": officer.email}, follow=True)
    unknown = client.post(RESET, {"email": "nobody@ngo.example"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert without_tokens(known) == without_tokens(unknown)
    assert len(outbox) == 1
