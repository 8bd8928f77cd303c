"""Conditional requests and query budget of the press-release endpoints: partners poll them,
so a 304 must be cheap and exact, and a list's cost must not grow with its page size."""

import pytest

from tests.factories import OrganizationFactory, PressReleasePageFactory

LIST = "/api/v3/press-releases/"


@pytest.fixture
def releases(site_tree):
    issuer, partner, funder = (OrganizationFactory(slug=s) for s in ("issuer", "partner", "funder"))
    return [
        PressReleasePageFactory(
            parent=site_tree["en"].releases,
            organization=issuer,
            participants=[partner],
            funders=[funder],
            topics=["elections", f"topic-{n}"],
        )
        for n in range(25)
    ]


def test_unchanged_list_answers_304_and_a_publish_changes_the_etag(client, releases):
    first = client.get(LIST)
    assert first["Cache-Control"] == "public, max-age=60"
    assert first["Last-Modified"]
    etag = first["ETag"]
    not_modified = client.get(LIST, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    since = client.get(LIST, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304

    releases[0].title = "Corrected title"
    releases[0].save_revision().publish()
    changed = client.get(LIST, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_unpublished_release_is_gone_even_for_a_client_holding_its_etag(client, releases):
    url = f"{LIST}{releases[0].pk}/"
    etag = client.get(url)["ETag"]
    releases[0].unpublish()
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 404


def test_etag_differs_between_queries(client, releases):
    assert client.get(f"{LIST}?limit=1")["ETag"] != client.get(f"{LIST}?limit=2")["ETag"]


def test_list_costs_at_most_eight_queries_whatever_the_page_size(
    client, releases, django_assert_max_num_queries
):
    client.get(LIST)  # Wagtail caches the site's root paths on first use
    # Two of them read the private sections (Wagtail's PageQuerySet.private_q), for the
    # releases and for their translations.
    for limit in (1, 20, 100):
        with django_assert_max_num_queries(8):
            response = client.get(f"{LIST}?limit={limit}")
        assert len(response.json()["items"]) == min(limit, 25)


def test_304_reads_no_release(client, releases, django_assert_max_num_queries):
    etag = client.get(LIST)["ETag"]
    with django_assert_max_num_queries(1):
        assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 304
