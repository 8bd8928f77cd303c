"""An organization with an archive gets its officer, who then writes in both languages.

An applicant claims ISAR, whose ten releases are already filed in its newsroom, through
the public join form; confirms the address from the emailed link; staff approve from the
admin dashboard's panel; the officer signs in and the dashboard lists all ten. The officer
then writes a release with the dashboard's "New press release" button and its Azerbaijani
translation through the dashboard's "Add Azerbaijani translation" link and wagtail-localize's
editor, submitting each to Communications review (the translation from that editor's
"Submit to Communications review" form, newsrooms/translation_review.py); staff approve both
from the admin dashboard's "Awaiting your review" panel, and each appears on ISAR's newsroom
page in its language.
(Editing an archived release is test_dashboard_browser.py's journey.) Screens go to
test-artifacts/browser/<test>/.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from accounts.models import ApplicationStatus, OrganizationApplication
from pressroom.filing import releases_file_all
from pressroom.models import PressReleasePage
from tests.factories import OrganizationFactory, PressReleasePageFactory

from .conftest import PASSWORD, join_data
from .test_browser_journeys import (
    Screens,
    admin_messages,
    admin_sign_in,
    emailed_path,
    organization_sign_in,
)
from .test_browser_journeys import staff as staff  # a fixture

pytestmark = pytest.mark.browser

APPLICANT = join_data(email="leyla@isar.example")
ARCHIVE_SIZE = 10
TITLE_EN = "Women's cooperatives open in Shaki"
TITLE_AZ = "Şəkidə qadın kooperativləri açılır"
SUMMARY_EN = "Forty women run the first three cooperatives."
SUMMARY_AZ = "İlk üç kooperativi qırx qadın idarə edir."


@pytest.fixture
def screens(browser_page, request):
    return Screens(browser_page, request.node.name)


@pytest.fixture
def isar(site_tree):
    """ISAR with its archive filed in its newsroom, as the importer and migration leave it."""
    organization = OrganizationFactory(
        name="Institute for Social Action and Research", acronym="ISAR", slug="isar"
    )
    for number in range(ARCHIVE_SIZE):
        PressReleasePageFactory(
            parent=site_tree["en"].releases,
            organization=organization,
            title=f"ISAR release {number}",
            slug=f"isar-release-{number}",
        )
    releases_file_all()
    return organization


def claim_and_confirm(page: Page, screens: Screens, isar) -> None:
    page.goto("/en/organizations/join/")
    for name in ("first_name", "last_name", "email", "phone", "password1", "password2"):
        page.locator(f"#id_{name}").fill(APPLICANT[name])
    page.get_by_label("is already in the directory").check()
    page.get_by_label("Organization in the directory").select_option(str(isar.pk))
    screens.shoot("join-claims-isar")
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    page.goto(emailed_path(APPLICANT["email"]))
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_text("Waiting for review")).to_be_visible()


def approve_from_dashboard_panel(page: Page, screens: Screens, staff) -> None:
    admin_sign_in(page, staff.username, PASSWORD)
    heading = page.get_by_role("heading", name="1 organization application waiting for review")
    panel = page.locator("section").filter(has=heading)
    expect(panel).to_contain_text("Institute for Social Action and Research")
    screens.shoot("staff-dashboard-panel")
    panel.get_by_role("link", name="Review the application of Leyla Mammadova").click()
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Approved: the applicant can now log in.")).to_be_visible()


def write_and_submit(page: Page, screens: Screens) -> None:
    page.get_by_role("link", name="New press release").click()
    page.locator("#id_title").fill(TITLE_EN)
    page.locator("#id_release_date").fill("2026-05-04")
    page.locator("#id_release_date").press("Escape")
    page.locator("#id_city").fill("Shaki")
    page.locator("#id_summary").fill(SUMMARY_EN)
    screens.shoot("new-release-editor")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Communications review")).click()
    expect(admin_messages(page)).to_contain_text("created and submitted for moderation")


def translate(page: Page, screens: Screens) -> None:
    page.goto("/en/organizations/dashboard/")
    row = page.locator(".dashboard-releases tbody tr").filter(has_text=TITLE_EN)
    expect(row).to_contain_text("In review")
    row.get_by_role("link", name=re.compile("^Add Azerbaijani translation")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Translate page")
    expect(page.get_by_label("Azerbaijani")).to_be_checked()
    screens.shoot("submit-translation")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("submitted for translation into Azerbaijani")).to_be_visible()
    for source, translation in ((TITLE_EN, TITLE_AZ), (SUMMARY_EN, SUMMARY_AZ)):
        segment = page.locator("li").filter(has_text=source).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name="Save").click()
        expect(segment).to_contain_text(translation)
        expect(segment).not_to_contain_text("Saving")
    actions = page.get_by_role("navigation", name="Actions")
    expect(actions.get_by_text(re.compile("Publish"))).to_have_count(0)
    submit = page.get_by_role("button", name="Submit to Communications review")
    submit.scroll_into_view_if_needed()
    screens.shoot("translation-editor")
    submit.click()
    expect(admin_messages(page)).to_contain_text(
        f"'{TITLE_AZ}' in Azerbaijani was submitted to Communications review."
    )
    expect(page.get_by_text("This translation is in Communications review")).to_be_visible()
    screens.shoot("translation-submitted")
    page.goto("/en/organizations/dashboard/")
    row = page.locator(".dashboard-releases tbody tr").filter(has_text=TITLE_EN)
    expect(row.get_by_role("cell").filter(has_text="In review")).to_have_count(2)


def staff_approve_both(page: Page, screens: Screens, staff, isar) -> None:
    english = PressReleasePage.objects.get(title=TITLE_EN, locale__language_code="en")
    assert english.organization_id == isar.pk
    assert english.get_parent().specific.organization_id == isar.pk
    admin_sign_in(page, staff.username, PASSWORD)
    heading = page.get_by_role("heading", name="Awaiting your review")
    panel = page.locator("section").filter(has=heading)
    for title in (TITLE_EN, TITLE_AZ):
        expect(panel).to_contain_text(title)
    screens.shoot("staff-awaiting-review")
    for title in (TITLE_EN, TITLE_AZ):
        row = panel.locator("tr").filter(has_text=title)
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        expect(row).to_have_count(0)
    english.refresh_from_db()
    azerbaijani = english.get_translation(Locale.objects.get(language_code="az"))
    assert english.live and azerbaijani.live
    assert azerbaijani.title == TITLE_AZ and azerbaijani.summary == SUMMARY_AZ


def test_an_applicant_claims_an_archive_and_publishes_in_both_languages(
    browser_page, screens, staff, isar
):
    page = browser_page
    claim_and_confirm(page, screens, isar)
    approve_from_dashboard_panel(page, screens, staff)
    application = OrganizationApplication.objects.get(email=APPLICANT["email"])
    assert application.status == ApplicationStatus.APPROVED

    page.context.clear_cookies()
    organization_sign_in(page, APPLICANT["email"], PASSWORD)
    expect(page).to_have_url(re.compile(r"/en/organizations/dashboard/$"))
    rows = page.locator(".dashboard-releases tbody tr")
    expect(rows).to_have_count(ARCHIVE_SIZE)
    for number in range(ARCHIVE_SIZE):
        expect(rows.filter(has_text=f"ISAR release {number}")).to_have_count(1)
    screens.shoot("officer-dashboard-lists-archive")

    write_and_submit(page, screens)
    translate(page, screens)
    staff_approve_both(page, screens, staff, isar)

    page.context.clear_cookies()
    for language, title, other in (("en", TITLE_EN, TITLE_AZ), ("az", TITLE_AZ, TITLE_EN)):
        page.goto(f"/{language}/press-releases/isar/")
        # No Azerbaijani name in the directory: the newsroom keeps the organization's name.
        expect(page.get_by_role("heading", level=1)).to_have_text(isar.name)
        expect(page.locator("select[name=organization]")).to_have_count(0)
        expect(page.get_by_role("link", name=title)).to_be_visible()
        expect(page.get_by_text(other)).to_have_count(0)
        screens.shoot(f"newsroom-{language}")
