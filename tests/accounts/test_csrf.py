"""Every public form refuses a POST without the CSRF token (Django's middleware, not ours)."""

import pytest
from django.test import Client

FORMS = [
    "/en/organizations/join/",
    "/en/organizations/login/",
    "/en/organizations/logout/",
    "/en/organizations/password-reset/",
    "/en/organizations/verify/any-token/",
    "/en/organizations/password-reset/MQ/set-password/",
    "/admin/login/",
]


@pytest.mark.parametrize("path", FORMS)
def test_a_post_without_the_token_is_forbidden(db, path):
    response = Client(enforce_csrf_checks=True).post(path, {"username": "a", "email": "a@b.c"})

    assert response.status_code == 403


def test_the_join_form_carries_a_token_and_accepts_it(site_tree):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/organizations/join/")
    token = page.context["csrf_token"]

    response = client.post("/en/organizations/join/", {"csrfmiddlewaretoken": str(token)})

    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert response.status_code == 200  # the form's own errors, past the CSRF check
