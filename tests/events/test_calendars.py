"""iCalendar feeds (RFC 5545), parsed with the ``icalendar`` package as calendar apps would:
stable UIDs, Baku's VTIMEZONE, times that round-trip, SEQUENCE growing with each change."""

import datetime

import icalendar
import pytest

from tests.events.conftest import EventPageFactory, baku
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def parsed(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def forum(events_index):
    return EventPageFactory(
        parent=events_index["en"],
        title="Regional NGO meeting",
        organization=OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar"),
        start=baku(2030, 5, 12, 10, 0),
        end=baku(2030, 5, 12, 17, 0),
        city="Mingəçevir",
        venue="Youth House",
        topics=["water"],
    )


def test_the_site_calendar_holds_events_in_baku_time_that_round_trip(client, forum):
    calendar = parsed(client.get("/en/feeds/events.ics"))

    [vevent] = calendar.walk("VEVENT")
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert start == forum.start and end == forum.end
    assert start.utcoffset() == datetime.timedelta(hours=4)
    assert vevent["dtstart"].params["TZID"] == "Asia/Baku"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Baku"]
    assert str(vevent["summary"]) == "Regional NGO meeting (ISAR)"
    assert str(vevent["location"]) == "Youth House, Mingəçevir"
    assert str(vevent["url"]).endswith(forum.url)


def test_an_update_keeps_the_uid_and_raises_the_sequence(client, forum):
    before = parsed(client.get(f"/en/feeds/events/{forum.pk}.ics")).walk("VEVENT")[0]

    forum.start = baku(2030, 5, 13, 11, 0)
    forum.end = baku(2030, 5, 13, 15, 0)
    forum.save_revision().publish()
    after = parsed(client.get("/en/feeds/events/organizations/isar.ics")).walk("VEVENT")[0]

    assert after["uid"] == before["uid"]
    assert after["sequence"] > before["sequence"]
    assert after.decoded("dtstart") == baku(2030, 5, 13, 11, 0)
    assert after.decoded("last-modified") >= before.decoded("last-modified")


def test_all_day_events_are_dates_with_an_exclusive_end(client, events_index):
    EventPageFactory(
        parent=events_index["en"],
        all_day=True,
        topics=["training"],
        start=baku(2030, 6, 1, 0, 0),
        end=baku(2030, 6, 2, 0, 0),
    )

    [vevent] = parsed(client.get("/en/feeds/events/topics/training.ics")).walk("VEVENT")

    assert vevent.decoded("dtstart") == datetime.date(2030, 6, 1)
    assert vevent.decoded("dtend") == datetime.date(2030, 6, 3)


def test_unknown_subjects_are_404(client, forum):
    assert client.get("/en/feeds/events/organizations/nobody.ics").status_code == 404
    assert client.get("/en/feeds/events/topics/nothing.ics").status_code == 404
    assert client.get(f"/az/feeds/events/{forum.pk}.ics").status_code == 404
