"""The seed release, imported and published, reads like the archived azerweb page."""

import json
import re
from html import unescape
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from directory.models import Organization
from pressroom.models import PressReleasePage

SEED = settings.BASE_DIR.parent / "shared" / "seed" / "isar-2000.jsonl"


@pytest.fixture
def seed_record() -> dict:
    if not SEED.exists():
        pytest.skip("the shared seed folder is not beside the repository")
    return json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture
def seed_html(site_tree, seed_record, client) -> str:
    call_command("import_press_releases", str(SEED), "--publish", stdout=StringIO())
    page = PressReleasePage.objects.get(external_id=seed_record["external_id"])
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def visible_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_heading_and_date_read_as_on_the_archived_page(seed_html):
    text = visible_text(seed_html)

    assert "Press release - ISAR Organizes First Regional NGO Meeting (ISAR)" in text
    assert "Press release date: 30.11.2000" in text


def test_every_participant_and_funder_links_to_its_directory_profile(seed_html, seed_record):
    for ref in [*seed_record["participants"], *seed_record["funders"]]:
        organization = Organization.objects.get(name=ref["name"], locale__language_code="en")
        profile = organization.get_url()
        assert profile and profile.startswith("/en/directory/")
        assert f'href="{profile}"' in seed_html, ref["name"]
    text = visible_text(seed_html)
    for name in ("Oxfam", "OSCE", "IRC", "OSI", "The Eurasia Foundation", "USAID"):
        assert name in text


def test_city_body_and_contact_block_are_shown(seed_html, seed_record):
    text = visible_text(seed_html)

    assert "Mingachevir" in text
    assert "Information and Outreach Program" in text
    assert seed_record["contact"]["address"] in text
    for phone in seed_record["contact"]["phones"]:
        assert phone in text
    assert "(994-12) 95-25-57" in text and "(994-12) 95-30-37" in text
    assert "(994-12) 94-30-84" in text
    assert "The goal of the regional meeting was to facilitate" in text
