"""A journalist's alert, in a real browser and through a real SMTP server.

On /az/ a reader searches ``"water user associations" -Baku``, subscribes from the results,
receives the confirmation, confirms; staff publish a matching and a non-matching release in the admin;
exactly one message arrives, in Azerbaijani; its one-click unsubscribe works, and after it
nothing more comes. The subscribe, confirm and manage pages pass axe-core in both languages
at a desktop's and a phone's width. Screens go to test-artifacts/.
"""

import re

import pytest
from django.db import connections
from playwright.sync_api import expect

from tests.a11y import VIEWPORTS, screenshot, serious_violations
from tests.accounts.test_browser_journeys import admin_messages, admin_sign_in
from tests.factories import OrganizationFactory, PressReleasePageFactory

pytestmark = pytest.mark.browser

SEARCH = '"water user associations" -Baku'
PASSWORD = "correct horse battery staple"


def _checked(page, name: str) -> None:
    """axe at both widths, and a screenshot of each to look at."""
    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        assert serious_violations(page) == [], f"{name} at {width}"
        screenshot(page, f"alerts_{name}_{width}")


def staff_publish(page, release) -> None:
    """Publishes a draft from its edit page in the admin, as staff do."""
    page.goto(f"/admin/pages/{release.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(admin_messages(page)).to_contain_text("published")


def _link(message, pattern: str) -> str:
    text = message.get_body(("plain",)).get_content()
    return re.search(pattern, text).group(0)


def test_a_reader_subscribes_to_a_search_on_az_and_gets_one_message_in_azerbaijani(
    browser_page, live_server, site_tree, smtp, settings, run_alerts_worker, django_user_model
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    smtp.start()
    page = browser_page
    page.goto("/az/search/?q=" + SEARCH)
    page.locator("a[href*='/az/alerts/subscribe/']").click()
    expect(page.locator("h1")).to_be_visible()
    _checked(page, "subscribe_az")
    page.locator("input[name=email]").fill("jurnalist@example.org")
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    assert "jurnalist@example.org" in page.content()

    run_alerts_worker()
    [confirmation] = smtp.messages
    confirm_url = _link(confirmation, r"http\S+/az/alerts/confirm/\S+/")
    page.goto(confirm_url)
    _checked(page, "confirm_az")
    page.locator("main form button[type=submit]").click()
    manage_link = page.locator("a[href*='/alerts/manage/']")
    expect(manage_link).to_be_visible()
    _checked(page, "confirmed_az")
    manage_path = manage_link.get_attribute("href")

    issuer = OrganizationFactory(name="Su QHT", city="Gəncə")
    releases = site_tree["az"].releases
    drafts = [
        PressReleasePageFactory(parent=releases, organization=issuer, live=False, **fields)
        for fields in (
            {"title": "Water user associations of Ganja report", "summary": "Gəncədə."},
            {"title": "Water user associations of Baku report", "summary": "Bakıda."},
        )
    ]
    django_user_model.objects.create_superuser("editor", "editor@pressroom.test", PASSWORD)
    admin_sign_in(page, "editor", PASSWORD)
    for draft in drafts:
        staff_publish(page, draft)
    run_alerts_worker()
    assert len(smtp.messages) == 2
    alert = smtp.messages[1]
    assert alert["Subject"] == "Water user associations of Ganja report"
    text = alert.get_body(("plain",)).get_content()
    assert "Bu bildirişdən imtina edin:" in text and "/az/" in text

    page.goto(manage_path)
    _checked(page, "manage_az")
    page.goto(manage_path.replace("/az/", "/en/"))
    _checked(page, "manage_en")
    page.goto(confirm_url.replace("/az/", "/en/"))
    _checked(page, "confirmed_en")
    page.goto("/en/alerts/subscribe/?kind=search&q=water")
    _checked(page, "subscribe_en")

    unsubscribe = re.search(r"<([^>]+)>", alert["List-Unsubscribe"]).group(1)
    answer = page.request.post(
        unsubscribe,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 200

    PressReleasePageFactory(
        parent=releases, organization=issuer, title="Water user associations of Shaki report"
    )
    run_alerts_worker()
    assert len(smtp.messages) == 2
    # The database work above ran in Playwright's context, on a connection of its own.
    connections.close_all()
