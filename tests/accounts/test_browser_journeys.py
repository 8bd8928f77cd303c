"""The organization journeys in a real browser (Debian's Chromium via Playwright).

A newcomer registers, verifies, is approved, writes a release with an image and submits it;
staff approve it with an embargo, which holds until ``publish_scheduled`` runs past it; a
forgotten password is reset; ten wrong passwords lock the account. Emails sent by the live
server's thread land in this process's locmem outbox. Key screens are saved under
test-artifacts/browser/<test>/ for people to look at.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from accounts.models import ApplicationStatus, OrganizationApplication
from newsrooms.models import Newsroom
from newsrooms.services import COMMUNICATIONS_GROUP, newsrooms_setup
from pressroom.models import PressReleasePage
from tests.conftest import ARTIFACTS_DIR

from .conftest import PASSWORD, proposal_data

NEWCOMER = proposal_data(email="leyla@greensteps.example")
RELEASE_TITLE = "Youth clean the Kura riverbank"
EMBARGO = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
NEW_PASSWORD = "Another-Strong-Phrase-77"


class Screens:
    """Numbered screenshots of one test's key steps."""

    def __init__(self, page: Page, test_name: str):
        self.page = page
        self.folder = ARTIFACTS_DIR / "browser" / test_name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def shoot(self, step: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def screens(browser_page, request):
    return Screens(browser_page, request.node.name)


@pytest.fixture
def staff(site_tree, django_user_model):
    """Communications staff, with the group and rights the newsrooms app sets up."""
    newsrooms_setup()
    user = django_user_model.objects.create_user(
        "comms", "comms@pressroom.example", PASSWORD, first_name="Aynur"
    )
    user.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
    return user


@pytest.fixture
def officer(site_tree, django_user_model):
    return django_user_model.objects.create_user(
        "leyla@isar.example", "leyla@isar.example", PASSWORD, first_name="Leyla"
    )


@pytest.fixture
def png(tmp_path) -> Path:
    path = tmp_path / "riverbank.png"
    Image.new("RGB", (320, 200), (40, 120, 90)).save(path)
    return path


def emailed_path(to: str) -> str:
    """The site link in the latest email to ``to``, as a path for the browser's base URL."""
    message = [message for message in mail.outbox if to in message.to][-1]
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def admin_messages(page: Page) -> Locator:
    """Wagtail's message area: jQuery UI adds a second, empty live region once a widget
    (the date picker) initialises, so ``get_by_role("status")`` alone can match two."""
    return page.locator("div.messages[role=status]")


def admin_sign_in(page: Page, username: str, password: str) -> None:
    """Signs in to the Wagtail admin as ``username``, first dropping whoever was signed in."""
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Email|Username")).fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def organization_sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/en/organizations/login/")
    page.get_by_label("Email").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def register(page: Page, screens: Screens) -> None:
    page.goto("/en/organizations/join/")
    for name in ("first_name", "last_name", "email", "phone", "password1", "password2"):
        page.locator(f"#id_{name}").fill(NEWCOMER[name])
    page.get_by_label("is not in the directory yet").check()
    for name in ("new_name", "new_acronym", "new_city", "new_phone", "new_email", "new_website"):
        page.locator(f"#id_{name}").fill(NEWCOMER[name])
    page.locator("#id_new_organization_type").select_option(NEWCOMER["new_organization_type"])
    screens.shoot("join-form")
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    page.goto(emailed_path(NEWCOMER["email"]))
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your address is confirmed"
    )
    expect(page.get_by_text("Waiting for review")).to_be_visible()
    screens.shoot("waiting-for-approval")


def approve_application(page: Page, screens: Screens, staff) -> None:
    admin_sign_in(page, staff.username, PASSWORD)
    page.goto("/admin/accounts/organizationapplication/")
    page.get_by_role("link", name="Review", exact=True).click()
    expect(page.get_by_text(NEWCOMER["new_name"], exact=True)).to_be_visible()
    page.get_by_label("Approve").check()
    screens.shoot("staff-reviews-application")
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Approved: the applicant can now log in.")).to_be_visible()


def write_and_submit_release(page: Page, screens: Screens, png: Path, newsroom: Newsroom) -> None:
    page.context.clear_cookies()
    organization_sign_in(page, NEWCOMER["email"], PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(NEWCOMER["new_name"])
    screens.shoot("dashboard")
    page.get_by_role("link", name="New press release").click()
    expect(page).to_have_url(
        re.compile(f"/admin/pages/add/pressroom/pressreleasepage/{newsroom.page_id}/$")
    )
    page.locator("#id_title").fill(RELEASE_TITLE)
    page.locator("#id_release_date").fill("2026-05-04")
    page.locator("#id_city").fill("Ganja")
    page.locator("#id_summary").fill("Two hundred volunteers cleared the riverbank.")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Image").click()
    page.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("input[type=file]").set_input_files(png)
    chooser.get_by_label("Title").fill("Volunteers at the riverbank")
    chooser.get_by_role("button", name="Upload").click()
    expect(
        page.locator("[data-chooser-title]").filter(has_text="Volunteers at the riverbank")
    ).to_be_visible()
    screens.shoot("release-with-image")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Communications review")).click()
    expect(admin_messages(page)).to_contain_text("created and submitted for moderation")
    screens.shoot("release-submitted")


def approve_with_embargo(page: Page, screens: Screens, staff, release: PressReleasePage) -> None:
    admin_sign_in(page, staff.username, PASSWORD)
    page.goto(f"/admin/pages/{release.pk}/edit/")
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    schedule = page.get_by_role("dialog", name="Set publishing schedule")
    go_live = schedule.locator("input[name=go_live_at]")
    go_live.fill(timezone.localtime(EMBARGO).strftime("%Y-%m-%d %H:%M"))
    # By keyboard, as the date picker stays open over the dialog's button.
    schedule.get_by_role("button", name="Save schedule").press("Enter")
    expect(admin_messages(page)).to_contain_text("has been updated")
    expect(page.get_by_text("Go-live:")).to_be_visible()
    screens.shoot("staff-sets-embargo")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Exploring")
    screens.shoot("staff-approved")


def public_appearances(page: Page, release: PressReleasePage) -> dict[str, bool]:
    """Where an anonymous reader finds the release: its page, the list, search, the feed."""
    page.context.clear_cookies()
    return {
        "page": page.goto(release.url).status == 200,
        "release list": RELEASE_TITLE in page.request.get("/en/press-releases/").text(),
        "search": f'href="{release.url}"' in page.request.get("/en/search/?q=riverbank").text(),
        "feed": RELEASE_TITLE in page.request.get("/en/feeds/releases.rss").text(),
    }


def test_a_newcomer_publishes_a_release_that_waits_for_its_embargo(
    browser_page, screens, staff, png, monkeypatch
):
    page = browser_page
    register(page, screens)
    approve_application(page, screens, staff)
    application = OrganizationApplication.objects.get(email=NEWCOMER["email"])
    assert application.status == ApplicationStatus.APPROVED
    newsroom = Newsroom.objects.get(organization=application.organization)

    write_and_submit_release(page, screens, png, newsroom)
    release = PressReleasePage.objects.get(title=RELEASE_TITLE)
    assert release.get_parent().pk == newsroom.page_id
    assert release.workflow_in_progress and not release.live
    assert any(staff.email in message.to for message in mail.outbox)

    approve_with_embargo(page, screens, staff, release)
    release.refresh_from_db()
    assert not release.live
    assert release.get_latest_revision().approved_go_live_at == EMBARGO
    hidden = public_appearances(page, release)
    screens.shoot("embargoed-release-404")
    assert not any(hidden.values()), hidden

    call_command("publish_scheduled")
    assert not PressReleasePage.objects.get(pk=release.pk).live
    with monkeypatch.context() as clock:
        clock.setattr(timezone, "now", lambda: EMBARGO + datetime.timedelta(minutes=1))
        call_command("publish_scheduled")

    shown = public_appearances(page, release)
    assert all(shown.values()), shown
    expect(page.get_by_role("heading", level=1)).to_contain_text(RELEASE_TITLE)
    expect(page.locator("main img")).to_be_visible()
    screens.shoot("release-live-after-embargo")


def test_forgot_password_sets_a_new_one_through_a_single_use_link(browser_page, screens, officer):
    page = browser_page
    page.goto("/en/organizations/login/")
    page.get_by_role("main").get_by_role("link", name="Forgot password").click()
    page.get_by_label("Email").fill(officer.email)
    page.get_by_role("button", name="Send me the link").click()
    expect(page).to_have_url(re.compile(r"/en/organizations/password-reset/sent/$"))
    screens.shoot("reset-requested")

    link = emailed_path(officer.email)
    page.goto(link)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    screens.shoot("choose-new-password")
    page.get_by_role("button", name="Change my password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Password changed")

    page.get_by_role("main").get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill(officer.email)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/en/organizations/dashboard/$"))

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    screens.shoot("link-used-twice")


def test_ten_wrong_passwords_lock_the_account(browser_page, screens, officer):
    page = browser_page
    for _ in range(10):
        organization_sign_in(page, officer.email, "not-my-password")

    organization_sign_in(page, officer.email, PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Account locked")
    expect(page.get_by_role("alert")).to_contain_text("locked after 10 failed attempts")
    screens.shoot("account-locked")
    page.goto("/en/organizations/dashboard/")
    expect(page).to_have_url(re.compile(r"/en/organizations/login/"))
