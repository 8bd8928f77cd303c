"""The public site in a real browser (Debian's Chromium through Playwright)."""

import re

from playwright.sync_api import expect


def test_header_advanced_search_link_opens_the_search_page(browser_page, site_tree):
    browser_page.goto("/en/")
    expect(browser_page).to_have_title(re.compile("Pressroom"))

    browser_page.get_by_role("banner").get_by_role("link", name="Advanced search").click()

    expect(browser_page).to_have_url(re.compile(r"/en/search/$"))
    expect(browser_page.locator("input[name=q]")).to_be_visible()
