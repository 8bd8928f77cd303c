"""Demo content: generated through the real import, reproducible, in both languages."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail import hooks
from wagtail.models import Revision

from demo.generator import demo_lines, demo_records
from home.models import HomePage
from pressroom.importing.service import press_releases_import
from pressroom.models import PressReleasePage


def load_demo(*args: str) -> str:
    stdout = StringIO()
    call_command("load_demo", *args, stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


def test_generated_records_are_reproducible():
    assert list(demo_records(count=50)) == list(demo_records(count=50))
    assert list(demo_records(count=50, seed=1)) != list(demo_records(count=50))


def test_generated_records_cover_both_languages_and_translations():
    records = list(demo_records(count=200))

    assert {record["locale"] for record in records} == {"en", "az"}
    translations = [record for record in records if "translation_of" in record]
    assert translations
    ids = {record["external_id"]: record for record in records}
    assert all(ids[t["translation_of"]]["locale"] == "en" for t in translations)
    assert all(record["organization"]["acronym"] for record in records)


def test_a_translation_carries_its_originals_contact_details():
    records = list(demo_records(count=200))
    originals = {record["external_id"]: record for record in records}
    translations = [record for record in records if "translation_of" in record]

    for translation in translations:
        original = originals[translation["translation_of"]]
        assert translation["contact"]["phones"] == original["contact"]["phones"]
        assert translation["contact"]["fax"] == original["contact"]["fax"]
        assert translation["contact"]["email"] == original["contact"]["email"]
        street = original["contact"]["address"].rsplit(", ", 1)[0]
        assert translation["contact"]["address"].startswith(f"{street}, ")
        assert translation["release_date"] == original["release_date"]


def test_no_generated_sentence_names_the_same_city_twice():
    for record in demo_records(count=200):
        first_sentence = record["summary"]
        city = record["city"]
        assert first_sentence.count(city) == 1, first_sentence


def test_every_generated_line_is_accepted_by_the_import(site_tree):
    summary = press_releases_import(lines=demo_lines(count=60), publish=True)

    assert (summary.created, summary.rejected) == (60, 0)


def test_load_demo_creates_the_seed_and_the_generated_releases_in_both_languages(db, client):
    """Other apps add theirs through the ``demo_content_load`` hook, after the releases."""

    def other_content() -> str:
        return f"other: {PressReleasePage.objects.live().count()} releases found"

    with hooks.register_temporarily("demo_content_load", other_content):
        output = load_demo("--releases", "20")

    assert "other: 21 releases found" in output

    assert PressReleasePage.objects.live().count() == 21
    assert PressReleasePage.objects.filter(external_id="azerweb-isar-2000-11-30").exists()
    languages = set(PressReleasePage.objects.values_list("locale__language_code", flat=True))
    assert languages == {"en", "az"}
    for home in HomePage.objects.all():
        assert home.featured_organizations.exists(), home.locale
    _a_couple_of_releases_and_their_translations_share_a_picture(client)


def _a_couple_of_releases_and_their_translations_share_a_picture(client) -> None:
    pictured = [
        release
        for release in PressReleasePage.objects.live()
        if any(block.block_type == "image" for block in release.body)
    ]
    assert {release.locale.language_code for release in pictured} == {"en", "az"}
    assert len({release.translation_key for release in pictured}) == 2
    english = next(release for release in pictured if release.locale.language_code == "en")
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    image_url = soup.select_one('meta[property="og:image"]')["content"]
    assert image_url.startswith("http://testserver/") and image_url.endswith(".png")
    assert soup.select_one("main img[alt]")["alt"].endswith(english.city)


def test_load_demo_again_changes_nothing(db):
    load_demo("--releases", "20")
    revisions = Revision.objects.count()

    output = load_demo("--releases", "20")

    assert "generated: 0 created, 0 updated, 20 unchanged, 0 rejected" in output
    assert Revision.objects.count() == revisions


def test_load_demo_if_empty_does_nothing_the_second_time(db):
    load_demo("--releases", "5", "--if-empty")
    revisions = Revision.objects.count()

    output = load_demo("--releases", "5", "--if-empty")

    assert "not loaded" in output
    assert Revision.objects.count() == revisions
    assert PressReleasePage.objects.count() == 6


def test_load_demo_refuses_a_negative_count(db):
    with pytest.raises(CommandError, match="0 or more"):
        load_demo("--releases", "-1")
