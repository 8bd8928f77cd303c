"""The events index per language (upcoming, past, filters, pagination) and the event page,
as readers see them; times are Baku's whatever the server's zone."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.events.conftest import EventPageFactory, baku
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".event-item .release-item__title a")]


@pytest.fixture
def calendar(events_index):
    """Two upcoming events, one past, one draft, in English; one in Azerbaijani."""
    isar = OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar")
    other = OrganizationFactory(name="Ganja Agribusiness Association", slug="gaa")
    soon = timezone.now() + datetime.timedelta(days=3)
    index = events_index["en"]
    EventPageFactory(
        parent=index,
        title="Water forum",
        organization=isar,
        start=soon,
        end=None,
        city="Gəncə",
        topics=["water"],
    )
    EventPageFactory(
        parent=index,
        title="Budget training",
        organization=other,
        start=soon + datetime.timedelta(days=40),
        end=None,
    )
    EventPageFactory(
        parent=index,
        title="Old meeting",
        organization=isar,
        start=baku(2000, 11, 30, 10, 0),
        end=baku(2000, 11, 30, 18, 0),
    )
    EventPageFactory(parent=index, title="Secret plan", organization=isar, start=soon, live=False)
    EventPageFactory(parent=events_index["az"], title="Su forumu", organization=isar, start=soon)
    return events_index


def test_the_index_lists_upcoming_live_events_of_its_language_soonest_first(client, calendar):
    soup = soup_of(client.get(calendar["en"].url))

    assert titles(soup) == [
        "Water forum (ISAR)",
        "Budget training (Ganja Agribusiness Association)",
    ]
    azerbaijani = soup_of(client.get(calendar["az"].url))
    assert titles(azerbaijani) == ["Su forumu (ISAR)"]
    assert "Qarşıdakı tədbirlər" in azerbaijani.select_one(".event-views").get_text()
    assert "Bakı vaxtı" in azerbaijani.select_one(".event-item .meta").get_text()


def test_past_events_are_listed_under_past_newest_first(client, calendar):
    soup = soup_of(client.get(calendar["en"].url + "past/"))

    assert titles(soup) == ["Old meeting (ISAR)"]
    assert "30.11.2000 10:00" in soup.select_one(".event-item .meta").get_text()


def test_the_index_filters_by_organization_city_topic_and_month(client, calendar):
    url = calendar["en"].url
    month = (timezone.now() + datetime.timedelta(days=43)).astimezone(baku(2000, 1, 1).tzinfo)

    assert titles(soup_of(client.get(url, {"organization": "gaa"}))) == [
        "Budget training (Ganja Agribusiness Association)"
    ]
    assert titles(soup_of(client.get(url, {"city": "Ganja"}))) == ["Water forum (ISAR)"]
    assert titles(soup_of(client.get(url, {"topic": "water"}))) == ["Water forum (ISAR)"]
    assert "Budget training (Ganja Agribusiness Association)" in titles(
        soup_of(client.get(url, {"month": month.strftime("%Y-%m")}))
    )
    assert titles(soup_of(client.get(url, {"month": "2000-13"}))) == titles(
        soup_of(client.get(url))
    )


def test_the_index_pages_its_list(client, events_index, monkeypatch):
    index = events_index["en"]
    monkeypatch.setattr(type(index), "page_size", 2)
    soon = timezone.now() + datetime.timedelta(days=1)
    organization = OrganizationFactory()
    for day in range(3):
        EventPageFactory(
            parent=index,
            organization=organization,
            start=soon + datetime.timedelta(days=day),
            end=None,
        )

    second = soup_of(client.get(index.url, {"page": 2}))

    assert len(second.select(".event-item")) == 1
    assert second.select_one(".pagination [rel=prev]")


def test_the_event_page_shows_when_where_who_and_add_to_calendar(client, events_index):
    funder = OrganizationFactory(name="The Eurasia Foundation")
    event = EventPageFactory(
        parent=events_index["en"],
        title="Regional NGO meeting",
        organization=OrganizationFactory(name="ISAR", acronym="ISAR"),
        start=datetime.datetime(2030, 5, 12, 6, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 5, 12, 13, 0, tzinfo=datetime.UTC),
        city="Mingəçevir",
        venue="Youth House",
        registration_url="https://example.org/register",
        funders=[funder],
    )

    soup = soup_of(client.get(event.url))

    header = soup.select_one(".press-release__header").get_text(" ", strip=True)
    assert "12.05.2030 10:00\N{EN DASH}17:00" in header and "Baku time" in header
    assert "Youth House, Mingachevir" in header
    assert soup.select_one(".funders").get_text(" ", strip=True).endswith("The Eurasia Foundation")
    ics = soup.select_one(".add-to-calendar a")["href"]
    assert client.get(ics)["Content-Type"].startswith("text/calendar")
    assert "ISAR" in soup.select_one(".contact").get_text() or soup.select_one(".contact")


def test_an_all_day_event_shows_dates_only(client, events_index):
    event = EventPageFactory(
        parent=events_index["en"],
        start=baku(2030, 6, 1, 0, 0),
        end=baku(2030, 6, 2, 0, 0),
        all_day=True,
    )

    meta = soup_of(client.get(event.url)).select_one(".release-date").get_text(" ", strip=True)

    assert "01.06.2030\N{EN DASH}02.06.2030" in meta and "00:00" not in meta
