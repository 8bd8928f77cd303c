"""A release page as a reader meets it in Chromium, at a desktop and a phone width."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.factories import OrganizationFactory, PressReleasePageFactory


@pytest.fixture
def releases(site_tree):
    isar = OrganizationFactory(name="ISAR", acronym="ISAR", slug="isar")
    older = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        organization=isar,
        title="Training for NGO accountants",
        release_date=datetime.date(2000, 10, 2),
    )
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases,
        organization=isar,
        slug="regional-meeting",
        title="ISAR Organizes First Regional NGO Meeting",
        topics=["civil society"],
        contact_phones=["(+994 12) 497-34-60"],
        contact_address="24 J. Jabbarly, Apt. 2\nBaku, Azerbaijan",
    )
    return release, older


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_release_page_leads_on_to_more_releases_and_feeds(browser_page, releases, viewport):
    release, older = releases
    browser_page.set_viewport_size(VIEWPORTS[viewport])
    browser_page.goto(release.url)

    expect(browser_page.get_by_role("heading", level=1)).to_contain_text("First Regional")
    expect(browser_page.get_by_role("link", name="(+994 12) 497-34-60")).to_have_attribute(
        "href", "tel:+994124973460"
    )
    expect(browser_page.get_by_role("link", name="RSS").first).to_be_visible()
    screenshot(browser_page, f"release-en-{viewport}")
    assert serious_violations(browser_page) == []

    browser_page.get_by_role("region", name="More from ISAR").get_by_role(
        "link", name="Training for NGO accountants (ISAR)"
    ).click()
    expect(browser_page).to_have_url(older.url)


def test_language_switch_on_an_untranslated_release_leads_to_the_azerbaijani_list(
    browser_page, releases
):
    release, _older = releases
    browser_page.set_viewport_size(VIEWPORTS["phone"])
    browser_page.goto(release.url)

    notice = browser_page.locator(".notice[lang=az]")
    expect(notice).to_contain_text("Bu səhifə yalnız ingilis dilində mövcuddur.")
    browser_page.get_by_role("link", name="Azərbaycanca").click()

    expect(browser_page).to_have_url("/az/press-releases/")
