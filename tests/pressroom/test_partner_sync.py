"""End to end: a partner mirrors our releases over real HTTP with examples/partner_sync.py.

Partners who keep a copy of our releases depend on this: after any mix of publishing,
editing, unpublishing, deleting and making releases private, one more sync leaves their
mirror exactly equal to what the API shows, and nothing that was never public reaches it.
"""

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page, PageViewRestriction

from examples.partner_sync import mirror_items
from tests.factories import PressReleasePageFactory

CLIENT = Path(settings.BASE_DIR) / "examples" / "partner_sync.py"


@pytest.fixture
def partner_sync(live_server, transactional_db, django_db_serialized_rollback, tmp_path):
    """Runs the example client as a partner would, against the live server; returns its line.

    The live server answers from another thread, hence committed data (``transactional_db``)
    and the serialized rollback that restores Wagtail's initial pages after the flush.
    """
    mirror = tmp_path / "mirror.sqlite3"

    def run() -> str:
        completed = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            [
                *(sys.executable, str(CLIENT)),
                *("--api", f"{live_server.url}/api/v3/", "--db", str(mirror), "--page-size", "3"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return completed.stdout

    run.mirror = mirror
    return run


def api_view(live_server) -> dict[int, dict]:
    """Every release the list endpoint shows an anonymous reader, fetched over HTTP."""
    with urllib.request.urlopen(  # noqa: S310 (the live test server)
        f"{live_server.url}/api/v3/press-releases/?limit=100", timeout=30
    ) as response:
        listing = json.load(response)
    assert listing["count"] == len(listing["items"])
    return {item["id"]: item for item in listing["items"]}


def test_the_mirror_equals_the_api_after_publishing_editing_unpublishing_and_deleting(
    partner_sync, site_tree, live_server
):
    index = site_tree["en"].releases
    edited, unpublished, deleted, made_private, kept, pending = (
        PressReleasePageFactory(parent=index, external_id=f"sync-{n}") for n in range(6)
    )
    draft = PressReleasePageFactory(parent=index, live=False, external_id="never-public")
    live_title = pending.title
    pending.title = "A draft edit the public must not see"
    pending.save_revision()

    first = partner_sync()

    assert "6 stored, 0 removed" in first
    assert mirror_items(partner_sync.mirror) == api_view(live_server)

    edited.title = "Edited and republished"
    edited.save_revision().publish()
    unpublished.unpublish()
    Page.objects.get(pk=deleted.pk).delete()
    PageViewRestriction.objects.create(
        page=made_private, restriction_type=PageViewRestriction.LOGIN
    )
    added = PressReleasePageFactory(parent=site_tree["az"].releases, external_id="sync-az")
    draft.title = "Still a draft"
    draft.save_revision()

    second = partner_sync()

    mirror = mirror_items(partner_sync.mirror)
    assert mirror == api_view(live_server)
    assert set(mirror) == {edited.pk, kept.pk, pending.pk, added.pk}
    assert mirror[edited.pk]["title"] == "Edited and republished"
    assert mirror[pending.pk]["title"] == live_title
    assert "2 stored, 3 removed" in second
    assert b"never-public" not in partner_sync.mirror.read_bytes()

    assert "0 stored, 0 removed in 1 requests" in partner_sync()
