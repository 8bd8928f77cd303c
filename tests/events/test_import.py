"""Event lines in the JSON Lines import: upserted by external_id into the organizer's
newsroom, with the release lines' rules; partners' archives and coordinators' spreadsheets
exported to JSON Lines rely on this format (docs/import-format.md, "Event lines")."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from events.models import EventPage
from pressroom.importing.service import press_releases_import
from pressroom.models import PressReleasePage
from tests.events.conftest import baku, events_index_add
from tests.pressroom.test_import import lines_of, release


def event(**overrides) -> dict:
    data = {
        "type": "event",
        "external_id": "event-1",
        "locale": "en",
        "title": "Regional NGO meeting in Mingachevir",
        "organization": {"name": "Ganja Water Forum", "acronym": "GWF", "type": "local-ngo"},
        "co_organizers": [{"name": "Oxfam", "type": "international"}],
        "funders": [{"name": "The Eurasia Foundation", "acronym": "EF", "type": "donor"}],
        "start": "2030-05-12T10:00:00+04:00",
        "end": "2030-05-12T17:00",
        "city": "Mingachevir",
        "venue": "Youth House",
        "online_url": "https://meet.example.org/ngo",
        "registration_url": "https://example.org/register",
        "registration_deadline": "2030-05-05",
        "topics": ["water", "civil society"],
        "summary": "NGOs of the region meet.",
        "body_html": "<p>The <b>agenda</b>.</p><img src=x onerror=alert(1)>",
        "contact": {
            "name": "GWF office",
            "phones": ["(994-22) 5-55-55"],
            "mobile": "050 555 55 55",
        },
    }
    data.update(overrides)
    return data


def test_an_event_line_creates_a_draft_in_its_organizers_newsroom(site_tree):
    summary = press_releases_import(lines=lines_of(event()))

    assert (summary.created, summary.rejected) == (1, 0), summary.rejections
    page = EventPage.objects.get(external_id="event-1")
    assert not page.live and page.latest_revision is not None
    newsroom = page.get_parent().specific
    assert newsroom.organization == page.organization
    assert newsroom.get_parent().specific == site_tree["en"].releases
    assert page.slug == "regional-ngo-meeting-in-mingachevir"


def test_publish_makes_the_event_live_with_every_field(site_tree):
    press_releases_import(lines=lines_of(event()), publish=True)

    page = EventPage.objects.get(external_id="event-1")
    assert page.live and not page.has_unpublished_changes
    assert page.organization.acronym == "GWF"
    assert (page.start, page.end) == (baku(2030, 5, 12, 10), baku(2030, 5, 12, 17))
    assert page.start_date == datetime.date(2030, 5, 12)
    assert (page.city, page.venue, page.all_day) == ("Mingəçevir", "Youth House", False)
    assert page.online_url == "https://meet.example.org/ngo"
    assert page.registration_deadline == datetime.date(2030, 5, 5)
    assert [org.name for org in page.public_organizations("co_organizer")] == ["Oxfam"]
    assert [org.acronym for org in page.public_organizations("funder")] == ["EF"]
    assert sorted(page.topics.names()) == ["civil society", "water"]
    assert (page.contact_phones, page.contact_mobile) == (["(994-22) 5-55-55"], "050 555 55 55")
    assert page.body[0].value.source == "<p>The <b>agenda</b>.</p>", "sanitised as releases"


def test_times_with_an_offset_or_in_baku_time_are_the_same_moment(site_tree):
    lines = lines_of(
        event(start="2030-05-12T06:00:00Z", end=None),
        event(external_id="event-2", title="Second", start="2030-05-12T10:00", end=None),
    )

    press_releases_import(lines=lines)

    starts = set(EventPage.objects.values_list("start", flat=True))
    assert starts == {baku(2030, 5, 12, 10)}


def test_an_all_day_event_takes_dates_and_keeps_the_days_in_baku(site_tree):
    line = event(all_day=True, start="2030-05-12", end="2030-05-13T23:30:00+00:00")

    press_releases_import(lines=lines_of(line))

    page = EventPage.objects.get(external_id="event-1")
    assert page.all_day
    assert (page.start, page.end) == (baku(2030, 5, 12), baku(2030, 5, 14))


def test_a_second_run_changes_nothing_and_a_changed_line_makes_a_revision(site_tree):
    press_releases_import(lines=lines_of(event()), publish=True)
    revisions = Revision.objects.count()

    again = press_releases_import(lines=lines_of(event()), publish=True)

    assert (again.unchanged, again.updated) == (1, 0)
    assert Revision.objects.count() == revisions
    moved = event(start="2030-05-13T10:00", end=None, topics=["water"], co_organizers=[])
    changed = press_releases_import(lines=lines_of(moved), publish=True)
    assert changed.updated == 1
    page = EventPage.objects.get(external_id="event-1")
    assert (page.start, page.end) == (baku(2030, 5, 13, 10), None)
    assert page.start_date == datetime.date(2030, 5, 13)
    assert list(page.topics.names()) == ["water"]
    assert page.slug == "regional-ngo-meeting-in-mingachevir", "the URL stays stable"
    assert Revision.objects.count() == revisions + 1


def test_a_translation_shares_the_key_and_sits_in_the_azerbaijani_newsroom(site_tree):
    translation = event(
        external_id="event-1-az",
        locale="az",
        translation_of="event-1",
        title="Mingəçevirdə QHT-lərin regional görüşü",
        organization={"name": "Gəncə Su Forumu", "acronym": "GWF"},
        city="Mingəçevir",
    )

    summary = press_releases_import(lines=lines_of(event(), translation), publish=True)

    assert summary.created == 2
    english = EventPage.objects.get(external_id="event-1")
    azerbaijani = EventPage.objects.get(external_id="event-1-az")
    assert azerbaijani.translation_key == english.translation_key
    assert azerbaijani.locale.language_code == "az"
    assert azerbaijani.organization.locale.language_code == "az"
    assert azerbaijani.organization.translation_key == english.organization.translation_key
    assert azerbaijani.get_parent().get_parent().specific == site_tree["az"].releases
    assert azerbaijani.get_parent().translation_key == english.get_parent().translation_key


def test_an_imported_event_is_listed_by_the_events_index(site_tree, client):
    index = events_index_add(site_tree)["en"]

    press_releases_import(lines=lines_of(event()), publish=True)

    assert "Regional NGO meeting in Mingachevir" in client.get(index.url).content.decode()


def test_a_language_without_any_index_is_refused(db):
    summary = press_releases_import(lines=lines_of(event()))

    assert summary.rejections[0].reason.startswith(
        "locale: no press-release or events index in 'en'"
    )


BAD_EVENTS = {
    "missing start": (event(start=None), "start: missing or blank"),
    "impossible date": (event(start="2030-02-30T10:00"), "start: '2030-02-30T10:00' is not a real"),
    "not ISO 8601": (event(start="12.05.2030 10:00"), "start: '12.05.2030 10:00' is not an ISO"),
    "date without time": (event(start="2030-05-12"), "start: '2030-05-12' has no time; give"),
    "end before start": (event(end="2030-05-12T09:00"), "end: '2030-05-12T09:00' is before start"),
    "out of range": (event(start="0001-01-01T00:00", end=None), "start: '0001-01-01T00:00' is out"),
    "all_day not a boolean": (event(all_day="yes"), "all_day: expected true or false"),
    "unknown city": (event(city="Paris"), "city: 'Paris' is not one of the cities"),
    "bad link": (event(registration_url="javascript:alert(1)"), "registration_url: 'javascript"),
    "bad deadline": (event(registration_deadline="soon"), "registration_deadline: 'soon' is not"),
    "co-organizer without a name": (event(co_organizers=[{}]), "co_organizers[0].name: missing"),
    "script": (event(body_html="<script>x</script>"), "body_html: contains a <script> tag"),
    "unknown type": (event(type="meeting"), "type: unknown line type 'meeting'; expected one of"),
}


@pytest.mark.parametrize(("line", "reason"), BAD_EVENTS.values(), ids=BAD_EVENTS.keys())
def test_a_bad_event_line_is_rejected_with_its_reason_and_the_rest_imported(
    site_tree, tmp_path, line, reason
):
    path = tmp_path / "mixed.jsonl"
    good = [release(), event(external_id="good-event")]
    path.write_text("".join(lines_of(good[0], line, good[1])), encoding="utf-8")
    stderr = StringIO()

    with pytest.raises(CommandError, match="1 line"):
        call_command("import_press_releases", str(path), stdout=StringIO(), stderr=stderr)

    assert f"line 2: {reason}" in stderr.getvalue()
    assert list(EventPage.objects.values_list("external_id", flat=True)) == ["good-event"]
    assert PressReleasePage.objects.filter(external_id="test-1").exists()


def test_the_unknown_type_rejection_names_event_and_release(site_tree):
    summary = press_releases_import(lines=[json.dumps(event(type="meeting"))])

    assert summary.rejections[0].reason.endswith("expected one of event, release")


def test_an_event_and_a_release_cannot_share_a_translation(site_tree):
    lines = lines_of(release(), event(translation_of="test-1", locale="az"))

    summary = press_releases_import(lines=lines)

    assert summary.rejections[0].reason == (
        "translation_of: no event 'test-1' yet; "
        "the original must come on an earlier line or in an earlier import"
    )
