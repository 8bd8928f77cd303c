"""The search page in a real browser (Debian's Chromium) on the real Elasticsearch node.

The live server runs in a thread of the test process, so the settings that
``elasticsearch_backend`` overrides (behind ``corpus``) are the ones it searches with.
"""

import re

from playwright.sync_api import expect


def _count(page) -> int:
    return int(re.search(r"\d+", page.locator(".search-count").inner_text()).group())


def _pick_suggestion(page, title: str) -> None:
    """Arrow keys down to the suggestion called ``title``, then Enter, as a keyboard user."""
    options = page.get_by_role("listbox").get_by_role("option")
    target = options.filter(has_text=title)
    expect(target).to_have_count(1)
    position = options.all_inner_texts().index(title)
    search_box = page.get_by_role("combobox")
    for _ in range(position + 1):
        search_box.press("ArrowDown")
    expect(target).to_have_attribute("aria-selected", "true")
    search_box.press("Enter")


def test_autocomplete_suggestion_leads_to_the_organization_page(browser_page, corpus):
    page = browser_page
    page.goto("/en/search/")
    organization = corpus.organizations[("water", "en")]

    page.get_by_label("Search press releases and organizations").press_sequentially("Clean Wa")
    _pick_suggestion(page, "Clean Water Alliance")

    expect(page).to_have_url(re.compile(re.escape(organization.get_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Clean Water Alliance")


def test_clicking_a_suggestion_opens_the_release(browser_page, corpus):
    page = browser_page
    page.goto("/en/search/")
    release = corpus.releases["youth_forum"]

    page.get_by_label("Search press releases and organizations").press_sequentially("mingach")
    page.get_by_role("option", name=release.title).click()

    expect(page).to_have_url(re.compile(re.escape(release.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(release.title)


def test_facet_narrows_the_results_and_can_be_removed(browser_page, corpus):
    page = browser_page
    page.goto("/en/search/?q=water+OR+refugees")
    expect(page.locator(".search-count")).to_be_visible()
    everything = _count(page)
    cities = page.get_by_role("navigation", name="Refine results").locator(
        "section", has=page.get_by_role("heading", name="City or region")
    )
    # The city's English name on /en/; its value, the Azerbaijani name, in the URL.
    ganja = cities.get_by_role("listitem").filter(has_text="Ganja")
    expected = int(re.search(r"\((\d+)\)", ganja.inner_text()).group(1))
    assert 0 < expected < everything

    ganja.get_by_role("link", name="Ganja").click()

    expect(page).to_have_url(re.compile(r"[?&]city=G%C9%99nc%C9%99"))
    expect(page.locator(".search-count")).to_have_text(re.compile(rf"^{expected} results?$"))
    expect(page.locator(".search-hit")).to_have_count(expected)
    chip = page.get_by_role("list", name="Active filters").get_by_role(
        "link", name="Remove filter Ganja"
    )
    expect(chip).to_be_visible()
    expect(cities.locator("a[aria-current=true]")).to_contain_text("Ganja")

    chip.click()

    expect(page).not_to_have_url(re.compile(r"city="))
    expect(page.locator(".search-count")).to_have_text(re.compile(rf"^{everything} results$"))
    expect(page.get_by_role("list", name="Active filters")).to_have_count(0)
