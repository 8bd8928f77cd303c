"""The Content-Security-Policy in a real browser (Debian's Chromium): what it enforces must not
break the public site's scripts, Wagtail's admin or the API docs.

Chromium reports every refused script, style, image or connection on the console.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ARTIFACTS_DIR
from tests.factories import PressReleasePageFactory


@pytest.fixture
def console_errors(browser_page) -> list[str]:
    """What the page reports from now on: the policy's refusals and uncaught script errors
    (a script that the policy broke half-way throws)."""
    errors = []

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            errors.append(message.text)

    browser_page.on("console", on_console)
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_home_and_search_autocomplete_work_under_the_policy(
    browser_page: Page, console_errors, site_tree
):
    release = PressReleasePageFactory(
        parent=site_tree["en"].releases, title="Mingachevir youth forum"
    )
    page = browser_page
    page.goto("/en/")
    expect(page.get_by_role("banner")).to_be_visible()

    page.goto("/en/search/")
    page.get_by_label("Search press releases and organizations").press_sequentially("Mingach")
    page.get_by_role("option", name=release.title).click()

    expect(page).to_have_url(re.compile(re.escape(release.url) + "$"))
    assert console_errors == [], "\n".join(console_errors)


def test_admin_dashboard_and_page_editor_load_under_the_admin_policy(
    browser_page: Page, console_errors, site_tree, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-good-pw-1")
    release = PressReleasePageFactory(parent=site_tree["en"].releases)
    page = browser_page
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-good-pw-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pressroom")

    page.goto(f"/admin/pages/{release.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(release.title)
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / "csp-admin-page-editor.png"))

    assert console_errors == [], "\n".join(console_errors)


def test_api_docs_load_only_from_our_origin(browser_page: Page, console_errors, live_server):
    page = browser_page
    origins = set()
    page.on("request", lambda request: origins.add(urlsplit(request.url)._replace(path="")))
    page.goto("/api/v3/docs/")

    operation = page.locator(".opblock-summary-path", has_text="/api/v3/press-releases/").first
    expect(operation).to_be_visible()
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / "csp-api-docs.png"))

    assert {f"{origin.scheme}://{origin.netloc}" for origin in origins} == {live_server.url}
    assert console_errors == [], "\n".join(console_errors)
