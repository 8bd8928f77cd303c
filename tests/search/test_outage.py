"""An outage: 50 releases published, edited and unpublished while Elasticsearch
is unreachable; after recovery every published one is findable and no unpublished one is.

The engine "goes down" by pointing the backend at a loopback port where nothing listens (the
shared node keeps running for everyone else) and "comes back" by pointing at it again.
"""

import io
import time
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command

from search.models import IndexChange
from tests.factories import OrganizationFactory, PressReleasePageFactory

# The switchable engine over conftest.py's elasticsearch_backend.
from tests.search.test_outbox import engine as engine


def token(kind: str, n: int) -> str:
    """A word no other release contains, so a search for it finds exactly one release."""
    return f"zq{kind}" + "".join(chr(ord("a") + int(digit)) for digit in f"{n:02d}")


def word_of(title: str) -> str:
    return title.split()[-1]


@dataclass
class Outage:
    published: list = field(default_factory=list)  # new during the outage
    edited: list = field(default_factory=list)  # retitled during the outage
    unpublished: list = field(default_factory=list)
    old_titles: dict = field(default_factory=dict)
    seconds_per_change: list = field(default_factory=list)

    @property
    def everything(self) -> list:
        return self.published + self.edited + self.unpublished


def outage_live_through(engine, parent) -> Outage:
    """Publishes 30 releases with the engine up, then with it down publishes 20 new ones,
    retitles 15 and unpublishes 15, timing each change."""
    organization = OrganizationFactory(name="Outage Watch")
    outage = Outage()
    outage.edited = [
        PressReleasePageFactory(
            parent=parent, organization=organization, title=f"Before {token('old', n)}"
        )
        for n in range(15)
    ]
    outage.unpublished = [
        PressReleasePageFactory(
            parent=parent, organization=organization, title=f"Withdrawn {token('gone', n)}"
        )
        for n in range(15)
    ]
    outage.old_titles = {release.pk: release.title for release in outage.edited}

    engine.down()
    for n in range(20):
        started = time.perf_counter()
        outage.published.append(
            PressReleasePageFactory(
                parent=parent, organization=organization, title=f"Outage news {token('new', n)}"
            )
        )
        outage.seconds_per_change.append(time.perf_counter() - started)
    for n, release in enumerate(outage.edited):
        started = time.perf_counter()
        release.title = f"Corrected {token('edit', n)}"
        release.save_revision().publish()
        outage.seconds_per_change.append(time.perf_counter() - started)
    for release in outage.unpublished:
        started = time.perf_counter()
        release.unpublish()
        outage.seconds_per_change.append(time.perf_counter() - started)
    return outage


def assert_index_matches_the_database(engine, outage: Outage) -> None:
    for release in outage.published + outage.edited:
        assert engine.live_titles_matching(word_of(release.title)) == {release.title}
    for release in outage.edited:
        assert engine.live_titles_matching(word_of(outage.old_titles[release.pk])) == set()
    for release in outage.unpublished:
        release.refresh_from_db()
        assert not release.live
        assert engine.live_titles_matching(word_of(release.title)) == set()


@pytest.fixture
def releases_index(site_tree):
    return site_tree["en"].releases


def test_changes_made_during_an_outage_all_succeed_and_wait_in_the_outbox(engine, releases_index):
    outage = outage_live_through(engine, releases_index)

    assert len(outage.everything) == 50
    pending = set(IndexChange.objects.values_list("object_id", flat=True))
    assert {str(release.pk) for release in outage.everything} <= pending
    assert all(change.last_error for change in IndexChange.objects.filter(attempts__gt=0))
    # A refused connection fails at once; nothing waits on a client timeout (2 s here).
    assert max(outage.seconds_per_change) < 2
    # Until the outbox is applied the index is stale: new releases missing, withdrawn live.
    engine.up()
    assert engine.live_titles_matching(word_of(outage.published[0].title)) == set()
    withdrawn = outage.unpublished[0].title
    assert engine.live_titles_matching(word_of(withdrawn)) == {withdrawn}


def test_after_an_outage_search_sync_makes_the_index_equal_the_database(engine, releases_index):
    outage = outage_live_through(engine, releases_index)
    engine.up()
    out = io.StringIO()

    call_command("search_sync", stdout=out)

    assert not IndexChange.objects.exists()
    assert "0 still pending" in out.getvalue()
    assert_index_matches_the_database(engine, outage)


def test_after_an_outage_the_next_successful_index_update_replays_the_whole_backlog(
    engine, releases_index
):
    outage = outage_live_through(engine, releases_index)
    engine.up()

    PressReleasePageFactory(parent=releases_index, title="First release after the outage")

    assert not IndexChange.objects.exists()
    assert_index_matches_the_database(engine, outage)
