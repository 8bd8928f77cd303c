"""The search page and the home page's search box as a reader meets them, in Chromium.

On the database backend (the ``make run`` default), at a desktop width in English and a phone
width in Azerbaijani: autocomplete by keyboard alone from the home page, the first result in
the first screenful, the filters beside the results or behind a disclosure, "Show all" and
the chips; axe-core on results, on filters active and on no results. Screenshots go to
test-artifacts/ for a person to look at.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.search.corpus import corpus_create

# viewport: (language, what to type, the suggestion to choose)
JOURNEYS = {
    "desktop": ("en", "winter", "Winter aid for refugee children"),
    "phone": ("az", "Şəki", "Şəkidə qaçqınlara qış yardımı"),
}


def _in_first_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= page.viewport_size["height"]
    )


def _autocomplete_by_keyboard(page, language: str, typed: str, choice: str, release_url: str):
    """Type, arrow down to ``choice``, Enter: the reader lands on that release."""
    page.goto(f"/{language}/")
    box = page.get_by_role("combobox")
    row = box.bounding_box()
    box.focus()
    page.keyboard.type(typed, delay=30)
    listbox = page.get_by_role("listbox")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_be_visible()
    assert box.bounding_box() == row  # the list hangs under the input, never inside it
    assert listbox.bounding_box()["y"] >= row["y"] + row["height"] - 1
    titles = listbox.get_by_role("option").all_inner_texts()

    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value(typed)

    for _ in range(titles.index(choice) + 1):
        page.keyboard.press("ArrowDown")
    chosen = listbox.get_by_role("option", name=choice)
    expect(chosen).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", chosen.get_attribute("id"))
    screenshot(page, f"search-autocomplete-{language}-{page.viewport_size['width']}")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(release_url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(choice)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_reader_searches_filters_and_picks_a_suggestion(browser_page, site_tree, viewport):
    page = browser_page
    language, typed, choice = JOURNEYS[viewport]
    corpus = corpus_create(site_tree)
    page.set_viewport_size(VIEWPORTS[viewport])
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    release = next(r for r in corpus.releases.values() if r.title == choice)

    _autocomplete_by_keyboard(page, language, typed, choice, release.url)

    # Every release in both languages: the most facet values a search of the corpus shows.
    page.goto(f"/{language}/search/?lang=all")
    first_title = page.locator(".search-hit__title").first
    assert _in_first_viewport(page, first_title)
    toggle = page.locator(".search-filters__toggle")
    facets = page.locator(".search-facets")
    if viewport == "phone":
        expect(facets).to_be_hidden()
        toggle.click()
    else:
        expect(toggle).to_be_hidden()
    expect(facets).to_be_visible()
    screenshot(page, f"search-results-{language}-{viewport}")
    assert serious_violations(page) == []

    show_all = facets.locator(".search-facet__more > summary").first
    hidden_value = facets.locator(".search-facet__more .search-facet__value").first
    expect(hidden_value).to_be_hidden()
    show_all.click()
    expect(hidden_value).to_be_visible()

    facets.locator(".search-facet__value:not([aria-current])").first.click()
    chips = page.get_by_role("list", name=re.compile("Active filters|Aktiv filtrlər"))
    expect(chips.get_by_role("link")).to_have_count(1)
    expect(toggle).to_contain_text("1")
    assert _in_first_viewport(page, page.locator(".search-hit__title").first)
    screenshot(page, f"search-filtered-{language}-{viewport}")
    assert serious_violations(page) == []

    page.goto(f"/{language}/search/?q=zzzqqqxx")
    expect(page.locator(".search-empty")).to_be_visible()
    screenshot(page, f"search-no-results-{language}-{viewport}")
    assert serious_violations(page) == []
    assert blocked == []
