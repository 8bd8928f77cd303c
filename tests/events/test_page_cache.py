"""Readers see a new or changed event at once, although pages are cached: events register
which pages show them with the page cache (events/page_cache.py)."""

import pytest

from tests.events.conftest import EventPageFactory
from tests.factories import OrganizationFactory
from tests.pressroom.test_page_cache_purge import text, warm

pytestmark = pytest.mark.usefixtures("page_cache")

LISTS = [
    "/en/events/",
    "/en/feeds/events.rss",
    "/en/feeds/events.ics",
    "/en/feeds/events/organizations/isar.atom",
    "/en/directory/isar/",
]


@pytest.fixture
def isar(db):
    return OrganizationFactory(name="ISAR Azerbaijan", slug="isar")


def test_a_published_event_shows_at_once_on_every_page_that_lists_it(
    client, events_index, isar, django_capture_on_commit_callbacks
):
    warm(client, LISTS)

    with django_capture_on_commit_callbacks(execute=True):
        EventPageFactory(
            parent=events_index["en"], title="Water forum", organization=isar, topics=["water"]
        )

    for url in LISTS:
        assert "Water forum" in text(client, url), url


def test_an_edited_event_shows_its_new_title_on_its_page_and_lists(
    client, events_index, isar, django_capture_on_commit_callbacks
):
    event = EventPageFactory(
        parent=events_index["en"], title="Water forum", organization=isar, topics=["water"]
    )
    warm(client, [event.url, *LISTS])
    event.title = "Water and health forum"

    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    for url in [event.url, *LISTS]:
        assert "Water and health forum" in text(client, url), url
