"""A reader at desktop and phone widths: "Events" in the site header (which still fits a
phone in Azerbaijani), the events index, a filter, an event, and its "Add to calendar" link,
which answers an iCalendar document; axe finds nothing serious."""

import datetime

import pytest
from django.utils import timezone

from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.conftest import ARTIFACTS_DIR
from tests.events.conftest import EventPageFactory, events_index_add
from tests.factories import OrganizationFactory


@pytest.mark.browser
def test_a_reader_filters_events_opens_one_and_adds_it_to_the_calendar(browser_page, site_tree):
    indexes = events_index_add(site_tree)
    index = indexes["en"]
    isar = OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar")
    soon = timezone.now().replace(hour=6, minute=0) + datetime.timedelta(days=4)
    EventPageFactory(
        parent=index,
        title="Regional NGO meeting",
        organization=isar,
        city="Mingəçevir",
        venue="Youth House",
        start=soon,
        end=soon + datetime.timedelta(hours=6),
        topics=["water"],
        registration_url="https://example.org/register",
        funders=[OrganizationFactory(name="The Eurasia Foundation")],
    )
    EventPageFactory(parent=index, title="Budget training", start=soon, end=None)
    page = browser_page

    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        page.goto("/az/")
        header = page.locator("header.site-header")
        assert header.get_by_role("link", name="Tədbirlər").get_attribute("href") == (
            indexes["az"].url
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        header.screenshot(path=str(ARTIFACTS_DIR / f"header-az-{width}.png"))
        assert serious_violations(page) == []
        page.goto("/en/")
        page.locator("header.site-header").get_by_role("link", name="Events").click()
        assert page.url.endswith(index.url)
        page.get_by_label("Topic").select_option("water")
        page.get_by_role("button", name="Filter").click()
        assert page.locator(".event-item").count() == 1
        screenshot(page, f"events-index-{width}")
        assert serious_violations(page) == []
        page.get_by_role("link", name="Regional NGO meeting (ISAR)").click()
        assert "Baku time" in page.locator(".release-date").inner_text()
        screenshot(page, f"event-{width}")
        assert serious_violations(page) == []

        calendar = page.request.get(
            page.get_by_role("link", name="Add to calendar").get_attribute("href")
        )
        assert calendar.headers["content-type"] == "text/calendar; charset=utf-8"
        assert "BEGIN:VEVENT" in calendar.text()
