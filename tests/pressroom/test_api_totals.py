"""The list's total is cached under the content version: repeated lists skip the count, and
every change that moves a release in or out of the list shows in the very next total."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import OrganizationFactory, PressReleasePageFactory

LIST = "/api/v3/press-releases/"


@pytest.fixture
def issuer(db):
    return OrganizationFactory(slug="issuer")


@pytest.fixture
def releases(site_tree, issuer):
    return [
        PressReleasePageFactory(parent=site_tree["en"].releases, organization=issuer)
        for _ in range(3)
    ]


def count(client, query: str = "") -> int:
    response = client.get(f"{LIST}{query}")
    assert response.status_code == 200
    return response.json()["count"]


def test_a_repeated_list_reads_its_total_from_the_cache(client, releases):
    with CaptureQueriesContext(connection) as first:
        assert count(client) == 3
    with CaptureQueriesContext(connection) as second:
        assert count(client) == 3
    counting = [q["sql"] for q in second.captured_queries if "COUNT(" in q["sql"].upper()]
    assert any("COUNT(" in q["sql"].upper() for q in first.captured_queries)
    assert counting == []
    assert len(second) <= len(first)


def test_equivalent_filters_share_one_total(client, releases):
    assert count(client, "?organization=issuer&limit=1") == 3
    with CaptureQueriesContext(connection) as repeated:
        assert count(client, "?organization=issuer&organization=issuer&ordering=title") == 3
    assert not any("COUNT(" in q["sql"].upper() for q in repeated.captured_queries)


def test_publish_and_unpublish_change_the_total_at_once(client, site_tree, releases, issuer):
    assert count(client) == 3
    assert count(client, "?organization=issuer") == 3

    PressReleasePageFactory(parent=site_tree["en"].releases, organization=issuer)
    assert count(client) == 4
    assert count(client, "?organization=issuer") == 4

    releases[0].unpublish()
    assert count(client) == 3
    releases[1].delete()
    assert count(client, "?organization=issuer") == 2


def test_a_privacy_change_changes_the_total_at_once(client, site_tree, releases):
    assert count(client) == 3
    restriction = PageViewRestriction.objects.create(
        page=releases[0], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert count(client) == 2
    restriction.delete()
    assert count(client) == 3


def test_a_total_past_the_last_page_is_still_exact(client, releases):
    assert client.get(f"{LIST}?offset=10").json() == {"count": 3, "items": []}
    assert client.get(f"{LIST}?offset=10").json() == {"count": 3, "items": []}
