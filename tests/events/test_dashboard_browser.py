"""An officer's "Your events" on the organization dashboard, in a real browser at desktop
and phone widths: both events with their review states, a table that fits the phone, an
edit link that opens the event in the editor, and nothing serious for axe."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale

from pressroom.filing import newsroom_index_find
from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.accounts.conftest import PASSWORD
from tests.accounts.test_dashboard import officer_create, submitted
from tests.accounts.test_dashboard_browser import officer_sign_in
from tests.events.conftest import EventPageFactory
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(site_tree):
    """ISAR's officer, with an upcoming published event and one awaiting review."""
    isar = OrganizationFactory(name="ISAR", slug="isar")
    officer = officer_create(isar)
    officer.set_password(PASSWORD)
    officer.save()
    newsroom = newsroom_index_find(organization=isar, locale=Locale.get_default())
    soon = timezone.now() + datetime.timedelta(days=10)
    for title, live in [("Regional NGO meeting", True), ("Budget training", False)]:
        event = EventPageFactory(
            parent=newsroom, organization=isar, title=title, start=soon, end=None, live=live
        )
    submitted(event, officer)
    return officer


def test_an_officer_sees_their_events_and_opens_one_to_edit(browser_page, officer):
    page = browser_page
    officer_sign_in(page)
    section = page.locator("section.dashboard-events")
    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        page.goto("/en/organizations/dashboard/")
        expect(section.get_by_role("heading", name="Your events")).to_be_visible()
        rows = section.locator("tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.filter(has_text="Regional NGO meeting")).to_contain_text("Live")
        expect(rows.filter(has_text="Budget training")).to_contain_text("In review")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        screenshot(page, f"dashboard-events-{width}")
        assert serious_violations(page) == []

    meeting = rows.filter(has_text="Regional NGO meeting")
    meeting.get_by_role("link", name=re.compile(r"^Edit Regional NGO meeting \(English\)")).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#id_title")).to_have_value("Regional NGO meeting")
    assert "do not have permission" not in page.content()
