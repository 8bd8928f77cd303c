"""Passwords of private pages and collections: a client gets a few tries, then waits.

Readers who were given a page's password depend on the first right answer opening it.
"""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

SECRET = "right-password"


@pytest.fixture(autouse=True)
def _fresh_counts():
    """Counts live in the cache, which outlives a test's database rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_page(site_tree):
    page = site_tree["en"].releases
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return url, page.url


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=SECRET
    )
    return f"/documents/authenticate_with_password/{restriction.pk}/", "/documents/"


def attempt(form_url: str, return_url: str, password: str, address: str = "192.0.2.1"):
    return Client(REMOTE_ADDR=address).post(
        form_url, {"password": password, "return_url": return_url}
    )


@pytest.mark.parametrize("protected", ["private_page", "private_collection"])
@override_settings(PRESSROOM_PASSWORD_ATTEMPT_RATE="3/15min")
def test_guessing_stops_with_429_and_retry_after_even_for_the_right_password(
    protected, request, db
):
    form_url, return_url = request.getfixturevalue(protected)

    guesses = [attempt(form_url, return_url, f"guess-{n}").status_code for n in range(3)]
    refused = attempt(form_url, return_url, SECRET)

    assert guesses == [200, 200, 200]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 900
    assert "Too many passwords have been tried" in refused.content.decode()


@override_settings(PRESSROOM_PASSWORD_ATTEMPT_RATE="3/15min")
def test_another_client_still_opens_the_page_with_the_right_password(private_page):
    form_url, return_url = private_page
    for n in range(4):
        attempt(form_url, return_url, f"guess-{n}")

    answer = attempt(form_url, return_url, SECRET, address="198.51.100.7")

    assert (answer.status_code, answer["Location"]) == (302, return_url)


@override_settings(PRESSROOM_PASSWORD_ATTEMPT_RATE="3/15min", PRESSROOM_PROXY_COUNT=1)
def test_behind_the_proxy_clients_are_counted_apart(private_page):
    form_url, return_url = private_page
    for n in range(4):
        Client(HTTP_X_FORWARDED_FOR="203.0.113.1").post(
            form_url, {"password": f"guess-{n}", "return_url": return_url}
        )

    answer = Client(HTTP_X_FORWARDED_FOR="203.0.113.2").post(
        form_url, {"password": SECRET, "return_url": return_url}
    )

    assert answer.status_code == 302


def test_the_default_allows_ten_attempts(private_page):
    form_url, return_url = private_page

    answers = [attempt(form_url, return_url, f"guess-{n}").status_code for n in range(11)]

    assert answers == [200] * 10 + [429]
