"""The page cache serves anonymous readers the same response only when it is the same for
all of them: never across languages, query strings or Vary values, never with a session, a
CSRF form, a message, a cookie or a private page."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from core.page_cache.middleware import HIT_HEADER, PageCacheMiddleware

pytestmark = pytest.mark.usefixtures("page_cache")


def cached(response) -> bool:
    return response.get(HIT_HEADER) == "hit"


def test_an_anonymous_readers_second_request_is_served_from_the_cache(client, site_tree):
    first = client.get("/en/press-releases/")
    second = client.get("/en/press-releases/")

    assert first[HIT_HEADER] == "miss"
    assert cached(second)
    assert second.content == first.content


def test_languages_and_query_strings_never_share_an_entry(client, site_tree):
    english = client.get("/en/").content
    azerbaijani = client.get("/az/")
    page_two = client.get("/en/press-releases/?page=2")
    reordered = client.get("/en/press-releases/?page=2&topic=water")

    assert not cached(azerbaijani) and azerbaijani.content != english
    assert not cached(page_two)
    assert not cached(reordered)
    assert cached(client.get("/en/press-releases/?page=2"))


def test_a_signed_in_reader_never_reads_nor_fills_the_cache(client, site_tree, django_user_model):
    client.get("/en/")
    client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))

    signed_in = client.get("/en/")
    client.logout()
    client.cookies.clear()

    assert HIT_HEADER not in signed_in
    assert cached(client.get("/en/"))


def test_a_page_with_a_csrf_form_is_never_stored(client, site_tree):
    client.get(reverse("accounts:login"))
    again = client.get(reverse("accounts:login"))

    assert not cached(again)
    assert "csrftoken" in again.cookies


def test_admin_api_and_search_are_never_cached(client, site_tree):
    for url in ("/en/search/?q=water", "/api/v3/releases/", "/healthz"):
        client.get(url)
        assert not cached(client.get(url)), url


def test_a_page_made_private_is_forgotten_and_never_stored_again(
    client, site_tree, django_capture_on_commit_callbacks
):
    client.get("/en/press-releases/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=site_tree["en"].releases, restriction_type="password", password="secret"
        )

    first = client.get("/en/press-releases/")
    second = client.get("/en/press-releases/")

    assert not cached(first) and not cached(second)
    assert b"password" in second.content.lower()


def view_with(**headers):
    def view(request):
        response = HttpResponse(f"{request.headers.get('Accept-Encoding', '')}")
        for name, value in headers.items():
            response[name] = value
        return response

    return PageCacheMiddleware(view)


@pytest.mark.django_db
def test_vary_is_respected_and_vary_cookie_is_never_stored():
    factory = RequestFactory()
    by_encoding = view_with(Vary="Accept-Encoding")
    by_cookie = view_with(Vary="Cookie")
    no_store = view_with(**{"Cache-Control": "private"})

    by_encoding(factory.get("/en/x/", HTTP_ACCEPT_ENCODING="gzip"))
    other = by_encoding(factory.get("/en/x/", HTTP_ACCEPT_ENCODING="br"))
    same = by_encoding(factory.get("/en/x/", HTTP_ACCEPT_ENCODING="br"))
    by_cookie(factory.get("/en/y/"))
    no_store(factory.get("/en/z/"))

    assert other.content == b"br" and not cached(other)
    assert cached(same)
    assert not cached(by_cookie(factory.get("/en/y/")))
    assert not cached(no_store(factory.get("/en/z/")))
