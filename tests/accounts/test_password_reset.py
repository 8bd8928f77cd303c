"""Forgot password: Django's reset flow, one answer for every address, single-use links."""

import pytest

from .conftest import PASSWORD, emailed_link

RESET = "/en/organizations/password-reset/"
NEW_PASSWORD = "Another-Strong-Phrase-77"


@pytest.fixture
def officer(db, django_user_model):
    return django_user_model.objects.create_user(
        "leyla@isar.example", "leyla@isar.example", PASSWORD
    )


def test_known_and_unknown_addresses_get_the_same_answer(client, officer, site_tree, outbox):
    known = client.post(RESET, {"email": "leyla@isar.example"})
    unknown = client.post(RESET, {"email": "nobody@ngo.example"})

    assert known["Location"] == unknown["Location"] == "/en/organizations/password-reset/sent/"
    assert [message.to for message in outbox] == [["leyla@isar.example"]]


def test_the_emailed_link_sets_a_new_password_once(client, officer, site_tree, outbox):
    client.post(RESET, {"email": "leyla@isar.example"})
    link = emailed_link(outbox[0])
    assert link.startswith("/en/organizations/password-reset/")

    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "123", "new_password2": "123"})
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    reused = client.get(link, follow=True)

    assert form_page.context["validlink"]
    assert weak.status_code == 200 and weak.context["form"].errors
    assert done["Location"] == "/en/organizations/password-reset/complete/"
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)
    assert not reused.context["validlink"]
    assert "already used or has expired" in reused.content.decode()


def test_an_expired_link_is_refused(client, officer, site_tree, outbox, settings):
    client.post(RESET, {"email": "leyla@isar.example"})
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is now older than the timeout

    response = client.get(emailed_link(outbox[0]), follow=True)

    assert not response.context["validlink"]


def test_the_azerbaijani_reset_email_links_to_the_azerbaijani_pages(
    client, officer, site_tree, outbox
):
    client.post("/az/organizations/password-reset/", {"email": "leyla@isar.example"})

    assert emailed_link(outbox[0]).startswith("/az/organizations/password-reset/")
