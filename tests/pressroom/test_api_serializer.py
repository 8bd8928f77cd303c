"""Contract of ``press_release_payloads``: the JSON partners mirror, shared by the list,
the detail and the changes feed (pressroom/api/changes.py)."""

import pytest
from django.test import RequestFactory

from pressroom.api.serializers import FIELDS, press_release_payloads
from pressroom.models import PressReleasePage
from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture
def api_request():
    return RequestFactory().get("/api/v3/press-releases/")


def test_payload_has_every_documented_field(site_tree, api_request):
    issuer = OrganizationFactory(name="Institute", acronym="ISAR", slug="isar")
    partner = OrganizationFactory(slug="partner")
    funder = OrganizationFactory(slug="funder")
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        organization=issuer,
        participants=[partner],
        funders=[funder],
        topics=["elections"],
        external_id="isar-1",
    )
    [payload] = press_release_payloads(
        PressReleasePage.objects.filter(pk=release.pk), request=api_request
    )
    assert list(payload) == list(FIELDS)
    assert payload["url"] == f"http://localhost/en/press-releases/{release.slug}/"
    assert payload["organization"] == {
        "id": issuer.pk,
        "slug": "isar",
        "name": "Institute",
        "acronym": "ISAR",
        "url": "http://localhost/en/directory/isar/",
    }
    assert [o["slug"] for o in payload["participants"]] == ["partner"]
    assert [o["slug"] for o in payload["funders"]] == ["funder"]
    assert payload["topics"] == [{"slug": "elections", "name": "elections"}]
    assert payload["lang"] == "en"
    assert payload["body"]["blocks"][0]["type"] == "paragraph"
    assert "The body of the press release." in payload["body"]["html"]
    assert payload["contact"]["name"] == "Institute"
