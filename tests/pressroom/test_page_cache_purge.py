"""Readers see each change to a release or an organization at once, although pages are
cached: every page that shows it is purged when the change commits (core/page_cache,
pressroom/page_cache.py, directory/page_cache.py)."""

import pytest
from wagtail.models import Locale

from core.page_cache.middleware import HIT_HEADER
from pressroom.filing import newsroom_index_ensure, release_file
from tests.factories import OrganizationFactory, PressReleasePageFactory

pytestmark = pytest.mark.usefixtures("page_cache")

LISTS = [
    "/en/",
    "/en/press-releases/",
    "/en/press-releases/isar/",
    "/en/press-releases/?page=1",
    "/en/feeds/releases.rss",
    "/en/feeds/organizations/isar.atom",
    "/en/feeds/topics/water.json",
    "/en/directory/isar/",
]


@pytest.fixture
def isar(db):
    return OrganizationFactory(name="ISAR Azerbaijan", slug="isar")


@pytest.fixture
def newsroom(site_tree, isar):
    return newsroom_index_ensure(organization=isar, locale=Locale.get_default())


@pytest.fixture
def release(newsroom, isar):
    return PressReleasePageFactory(
        parent=newsroom,
        title="Wells dug in Lankaran",
        slug="wells",
        organization=isar,
        topics=["water"],
    )


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Runs a change as the admin does: in a transaction whose commit triggers the purge."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def warm(client, urls):
    """Reads each page twice: the second read comes from the cache, as readers' would."""
    for url in urls:
        client.get(url)
        assert client.get(url).get(HIT_HEADER) == "hit", url


def text(client, url) -> str:
    response = client.get(url, follow=True)
    return response.content.decode() if response.status_code == 200 else ""


def test_a_published_release_shows_at_once_on_every_page_that_lists_it(
    client, release, newsroom, isar, publish
):
    warm(client, LISTS)

    publish(
        lambda: PressReleasePageFactory(
            parent=newsroom, title="Clinic opened in Sheki", organization=isar, topics=["water"]
        )
    )

    for url in LISTS:
        assert "Clinic opened in Sheki" in text(client, url), url


def test_an_edited_release_shows_its_new_title_on_its_page_and_lists(client, release, publish):
    warm(client, [release.url, *LISTS])
    release.title = "Wells dug in Lenkoran"

    publish(lambda: release.save_revision().publish())

    for url in [release.url, *LISTS]:
        assert "Wells dug in Lenkoran" in text(client, url), url


def test_an_unpublished_release_leaves_its_page_and_lists_at_once(client, release, publish):
    url = release.url
    warm(client, [url, *LISTS])

    publish(release.unpublish)

    assert client.get(url).status_code == 404
    for page in LISTS:
        assert "Wells dug in Lankaran" not in text(client, page), page


def test_a_deleted_release_leaves_its_page_and_lists_at_once(client, release, publish):
    url = release.url
    warm(client, [url, *LISTS])

    publish(release.delete)

    assert client.get(url).status_code == 404
    for page in LISTS:
        assert "Wells dug in Lankaran" not in text(client, page), page


def test_a_moved_release_is_at_its_new_address_and_in_its_newsroom_at_once(
    client, site_tree, isar, publish
):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases, title="Schools rebuilt", slug="schools", organization=isar
    )
    old_url = release.url
    newsroom = newsroom_index_ensure(organization=isar, locale=Locale.get_default())
    warm(client, [old_url, newsroom.url])

    publish(lambda: release_file(release))

    release.refresh_from_db()
    assert release.url != old_url
    assert client.get(old_url).status_code == 301
    assert "Schools rebuilt" in text(client, release.url)
    assert "Schools rebuilt" in text(client, newsroom.url)


def test_a_renamed_organization_shows_its_new_name_at_once(client, release, isar, publish):
    pages = [
        release.url,
        "/en/directory/",
        "/en/directory/isar/",
        "/en/feeds/organizations/isar.rss",
    ]
    warm(client, pages)
    isar.name = "ISAR Caucasus"

    publish(lambda: isar.save_revision().publish())

    for url in pages:
        assert "ISAR Caucasus" in text(client, url), url


def test_an_unpublished_organization_leaves_the_directory_at_once(client, isar, site_tree, publish):
    warm(client, ["/en/directory/", "/en/directory/isar/"])

    publish(isar.unpublish)

    assert client.get("/en/directory/isar/").status_code == 404
    assert "ISAR Azerbaijan" not in text(client, "/en/directory/")


def test_a_deleted_organization_leaves_the_directory_at_once(client, site_tree, publish):
    OrganizationFactory(name="Short-lived Union", slug="short-lived")
    warm(client, ["/en/directory/", "/en/directory/short-lived/"])

    publish(lambda: OrganizationFactory._meta.model.objects.get(slug="short-lived").delete())

    assert client.get("/en/directory/short-lived/").status_code == 404
    assert "Short-lived Union" not in text(client, "/en/directory/")


def test_a_release_given_a_new_slug_is_redirected_from_its_old_address_at_once(
    client, release, publish
):
    old_url = release.url
    warm(client, [old_url, *LISTS])
    release.slug = "wells-in-lankaran"

    publish(lambda: release.save_revision().publish())

    release.refresh_from_db()
    assert client.get(old_url).status_code == 301
    assert "Wells dug in Lankaran" in text(client, release.url)
    assert release.url in text(client, "/en/press-releases/isar/")


def test_a_newsroom_given_a_new_slug_has_its_releases_old_addresses_purged(
    client, release, newsroom, publish
):
    old_url = release.url
    warm(client, [old_url, newsroom.url])
    newsroom.slug = "isar-azerbaijan"

    publish(lambda: newsroom.save_revision().publish())

    release.refresh_from_db()
    assert release.url.startswith("/en/press-releases/isar-azerbaijan/")
    assert client.get(old_url).status_code == 301
    assert "Wells dug in Lankaran" in text(client, release.url)
