"""A reader's whole walk through the site in Chromium, once on Elasticsearch and once on the
database backend: the home page's search box with autocomplete, by keyboard alone; a facet;
a result; the language switch to its translation; "More from" the organization; a
subscribe link; and the feed behind it, which must parse.

Four walks, not eight: each backend walks once in each language and once at each width
(Elasticsearch: English on a desktop, Azerbaijani on a phone; the database: the other way
round), so both languages and both widths meet both backends. Screenshots of every step go
to test-artifacts/ for a person to look at.
"""

import datetime
import re

import feedparser
import pytest
from playwright.sync_api import expect

from tests.a11y import VIEWPORTS, screenshot
from tests.factories import OrganizationFactory, PressReleasePageFactory

OTHER = {"en": "az", "az": "en"}
FORUM = {"en": "Ganja Water Forum", "az": "Gəncə Su Forumu"}
SWITCH = {"en": "English", "az": "Azərbaycanca"}
# language: (what the reader types, the city facet's label, the release's title)
WORDS = {
    "en": ("water", "Ganja", "Clean water reaches Ganja villages"),
    "az": ("su", "Gəncə", "Təmiz su Gəncə kəndlərinə çatdı"),
}
OLDER = {"en": "Water users meet in Ganja", "az": "Gəncədə su istifadəçiləri görüşdü"}
ELSEWHERE = {"en": "Water filters for Sheki schools", "az": "Şəki məktəblərinə su filtrləri"}


@pytest.fixture(params=["elasticsearch", "database"])
def backend(request, settings):
    if request.param == "elasticsearch":
        return request.getfixturevalue("elasticsearch_backend")
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return None


def _translating(original) -> dict:
    """The factory's arguments that make the object a translation of ``original``, if any."""
    return {"translation_key": original.translation_key} if original is not None else {}


@pytest.fixture
def releases(site_tree, backend) -> dict:
    """The Ganja Water Forum's two releases in both languages, translations of each other,
    and another organization's release elsewhere, so the city facet narrows something."""
    forum, created = None, {}
    for language in ("en", "az"):
        parent = site_tree[language].releases
        forum = OrganizationFactory(
            name=FORUM[language],
            acronym="GWF",
            slug="gwf",
            city="Gəncə",
            locale=parent.locale,
            **_translating(forum),
        )
        created[language, "older"] = PressReleasePageFactory(
            parent=parent,
            organization=forum,
            title=OLDER[language],
            city="Gəncə",
            topics=["water"],
            release_date=datetime.date(2023, 3, 1),
            **_translating(created.get(("en", "older"))),
        )
        created[language, "release"] = PressReleasePageFactory(
            parent=parent,
            organization=forum,
            title=WORDS[language][2],
            city="Gəncə",
            topics=["water"],
            release_date=datetime.date(2024, 5, 10),
            **_translating(created.get(("en", "release"))),
        )
        PressReleasePageFactory(
            parent=parent, title=ELSEWHERE[language], city="Şəki", topics=["water"]
        )
    if backend is not None:
        backend.refresh_indexes()
    return created


@pytest.mark.parametrize(
    ("backend", "language", "viewport"),
    [
        ("elasticsearch", "en", "desktop"),
        ("elasticsearch", "az", "phone"),
        ("database", "az", "desktop"),
        ("database", "en", "phone"),
    ],
    indirect=["backend"],
)
def test_a_reader_walks_from_the_home_page_to_a_feed(browser_page, releases, language, viewport):
    page, other = browser_page, OTHER[language]
    typed, city, title = WORDS[language]
    name = f"journey-{language}-{viewport}"
    page.set_viewport_size(VIEWPORTS[viewport])

    # Home: the suggestions open under the box; Enter with none chosen searches the words.
    page.goto(f"/{language}/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type(typed, delay=30)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    screenshot(page, f"{name}-1-autocomplete")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q={typed}$"))
    expect(page.locator(".search-hit")).to_have_count(4)  # the forum, three releases
    screenshot(page, f"{name}-2-results")

    # A facet: the city leaves the forum and its two releases.
    if viewport == "phone":
        page.locator(".search-filters__toggle").click()
    page.locator('.search-facets .search-facet__value[href*="city="]', has_text=city).click()
    expect(page.locator(".search-hit")).to_have_count(3)
    chips = page.get_by_role("list", name=re.compile("Active filters|Aktiv filtrlər"))
    expect(chips.get_by_role("link")).to_have_count(1)
    expect(chips.get_by_role("link")).to_contain_text(city)
    screenshot(page, f"{name}-3-facet")

    # A result, then the same release in the other language.
    page.locator(".search-hit__title").get_by_role("link", name=title).click()
    expect(page).to_have_url(releases[language, "release"].url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    page.get_by_role("navigation", name=re.compile("Language|Dil")).get_by_role(
        "link", name=SWITCH[other]
    ).click()
    expect(page).to_have_url(releases[other, "release"].url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(WORDS[other][2])
    screenshot(page, f"{name}-4-translation")

    # "More from" the forum leads to its older release, which offers the forum's feed.
    more = page.locator(".more-from")
    expect(more.get_by_role("heading", level=2)).to_contain_text("GWF")
    more.get_by_role("link", name=re.compile(re.escape(OLDER[other]))).click()
    expect(page).to_have_url(releases[other, "older"].url)
    screenshot(page, f"{name}-5-more-from")
    subscribe = page.locator(".subscribe").get_by_role("listitem").filter(has_text=FORUM[other])
    feed_url = subscribe.get_by_role("link", name="RSS").get_attribute("href")

    feed = feedparser.parse(page.request.get(feed_url).body())
    assert not feed.bozo, feed.bozo_exception
    assert {entry.title for entry in feed.entries} == {
        f"{OLDER[other]} (GWF)",
        f"{WORDS[other][2]} (GWF)",
    }
