"""The 404 page as a reader meets it: in the site's layout, usable and accessible at both widths."""

import pytest
from playwright.sync_api import expect

from tests.a11y import VIEWPORTS, screenshot, serious_violations


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("language", "heading", "search_button"),
    [("en", "Page not found", "Search"), ("az", "Səhifə tapılmadı", "Axtar")],
)
def test_404_page_offers_search_and_has_no_serious_accessibility_violations(
    browser_page, site_tree, language, heading, search_button, viewport
):
    browser_page.set_viewport_size(VIEWPORTS[viewport])

    response = browser_page.goto(f"/{language}/no-such-release/")

    assert response.status == 404
    expect(browser_page.get_by_role("heading", level=1)).to_have_text(heading)
    screenshot(browser_page, f"404-{language}-{viewport}")
    assert serious_violations(browser_page) == []

    browser_page.get_by_role("main").get_by_role("searchbox").fill("water")
    browser_page.get_by_role("main").get_by_role("button", name=search_button).click()
    expect(browser_page).to_have_url(f"/{language}/search/?q=water")
