"""axe-core on every public page a reader meets, in both languages and at both widths.

Zero serious or critical violations: home, the release list with filters, a release, search
(results, filters active, no results), the directory searched and a profile; the release
and the lists show a picture. One Chromium
page walks the whole matrix, resizing between widths, to keep the run short. The forms
(join, login, password reset, with and without errors) and the 404 page are checked at every
width and in both languages by tests/accounts/test_browser_forms.py and
tests/core/test_error_pages_browser.py.
"""

from wagtail_factories import ImageFactory

from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.search.corpus import corpus_create

RELEASE = {"en": "water_ganja", "az": "water_az"}


def _pages(corpus, language: str) -> dict[str, str]:
    release = corpus.releases[RELEASE[language]]
    organization = corpus.organizations["water", language]
    return {
        "home": f"/{language}/",
        "releases-filtered": f"{release.get_parent().url}?organization={organization.slug}&year=2022",
        "release": release.url,
        "search": f"/{language}/search/?q=water+OR+su&lang=all",
        "search-filtered": f"/{language}/search/?q=water+OR+su&lang=all&city=Gəncə&topic=water",
        "search-empty": f"/{language}/search/?q=zzzqqqxx&topic=water",
        "directory": f"/{language}/directory/?q=water",
        "profile": organization.get_url(),
    }


def test_public_pages_have_no_serious_accessibility_violations(browser_page, site_tree):
    page = browser_page
    corpus = corpus_create(site_tree)
    for language, key in RELEASE.items():
        release = corpus.releases[key]
        picture = {"image": ImageFactory(), "caption": "", "alt_text": f"Water, {language}"}
        release.body.insert(0, ("image", picture))
        release.save_revision().publish()
    problems = []
    for viewport_name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for language in ("en", "az"):
            for name, url in _pages(corpus, language).items():
                response = page.goto(url)
                assert response.status == 200, url
                screenshot(page, f"a11y-{name}-{language}-{viewport_name}")
                problems += [f"{url} {viewport_name}: {v}" for v in serious_violations(page)]

    assert problems == []
