"""An officer of an organization whose archive predates its account, in a real browser.

Ten releases sat under the press-release index before newsrooms held them; filing them
(what the migration does) moves them into the organization's newsroom. The officer then
signs in, finds all ten on the dashboard, edits one and submits it; staff approve; the
change is live and the release's old URL redirects to it. Every link the officer can
reach from the dashboard and the admin pages it opens works. Screens go to
test-artifacts/browser/<test>/.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from accounts.models import ApplicationStatus, OrganizationApplication
from newsrooms.services import COMMUNICATIONS_GROUP, newsroom_member_add, newsrooms_setup
from pressroom.filing import releases_file_all
from pressroom.models import PressReleasePage
from tests.a11y import serious_violations
from tests.factories import OrganizationFactory, PressReleasePageFactory

from .conftest import PASSWORD
from .test_browser_journeys import Screens, admin_messages, admin_sign_in

pytestmark = pytest.mark.browser

# Links that act (sign out, lock, delete...) or only work by POST are not followed.
SKIPPED = re.compile(
    r"logout|delete|unpublish|/move/|/copy/|/lock/|/unlock/|revisions/\d+/revert|"
    r"workflow/(action|cancel)|/convert_alias/|/bulk/|/static/|/media/|^mailto:"
)
CRAWL_DEPTH = 2


@pytest.fixture
def screens(browser_page, request):
    return Screens(browser_page, request.node.name)


@pytest.fixture
def archive(site_tree, django_user_model):
    """ISAR's ten releases, filed into its newsroom as the migration does, then its officer."""
    newsrooms_setup()
    isar = OrganizationFactory(name="Institute for Social Action and Research", slug="isar")
    old_urls = {}
    for number in range(10):
        release = PressReleasePageFactory(
            parent=site_tree["en"].releases,
            organization=isar,
            title=f"ISAR release {number}",
            slug=f"isar-release-{number}",
        )
        old_urls[release.pk] = release.url
    releases_file_all()
    officer = django_user_model.objects.create_user("leyla@isar.example", "leyla@isar.example")
    officer.set_password(PASSWORD)
    officer.save()
    OrganizationApplication.objects.create(
        user=officer,
        first_name="Leyla",
        last_name="Mammadova",
        email=officer.email,
        phone="123456",
        language="en",
        organization=isar,
        status=ApplicationStatus.APPROVED,
    )
    newsroom_member_add(organization=isar, user=officer)
    staff = django_user_model.objects.create_user("comms", "comms@pressroom.example", PASSWORD)
    staff.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
    return {"officer": officer, "staff": staff, "old_urls": old_urls}


def officer_sign_in(page: Page) -> None:
    page.context.clear_cookies()
    page.goto("/en/organizations/login/")
    page.get_by_label(re.compile("Email|Username")).fill("leyla@isar.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/en/organizations/dashboard/$"))


def crawl(page: Page, start: str) -> tuple[dict[str, str], set[str]]:
    """Problems met following same-host links from ``start``, one URL per shape of path,
    and the shapes visited."""
    problems, seen = {}, set()
    queue = deque([(start, 0)])
    while queue:
        url, depth = queue.popleft()
        shape = re.sub(r"\d+", "N", urlsplit(url).path)
        if shape in seen:
            continue
        seen.add(shape)
        response = page.request.get(url)
        text = response.text()
        if response.status >= 400 or "do not have permission" in text:
            problems[url] = f"{response.status} from {response.url}"
            continue
        if depth == CRAWL_DEPTH or "html" not in response.headers.get("content-type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', text):
            link = urljoin(response.url, href.replace("&amp;", "&"))
            if urlsplit(link).netloc == urlsplit(response.url).netloc and not SKIPPED.search(link):
                queue.append((link, depth + 1))
    return problems, seen


def test_an_officer_edits_an_archived_release_and_staff_publish_it(browser_page, screens, archive):
    page = browser_page
    officer_sign_in(page)
    expect(page.locator(".dashboard-releases tbody tr")).to_have_count(10)
    expect(page.get_by_role("link", name="New press release")).to_be_visible()
    screens.shoot("dashboard-en")
    assert serious_violations(page) == []
    page.goto("/az/organizations/dashboard/")
    expect(page.locator(".dashboard-releases tbody tr")).to_have_count(10)
    screens.shoot("dashboard-az")
    assert serious_violations(page) == []

    page.goto("/en/organizations/dashboard/")
    row = page.locator(".dashboard-releases tbody tr").filter(has_text="ISAR release 9")
    row.get_by_role("link", name=re.compile("^Edit")).first.click()
    page.locator("#id_title").fill("ISAR release 9, corrected")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Communications review")).click()
    expect(admin_messages(page)).to_contain_text("submitted")
    page.goto("/en/organizations/dashboard/")
    expect(row).to_contain_text("In review")
    screens.shoot("dashboard-in-review")

    release = PressReleasePage.objects.get(title="ISAR release 9")
    admin_sign_in(page, archive["staff"].username, PASSWORD)
    page.goto(f"/admin/pages/{release.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Exploring")

    release.refresh_from_db()
    assert release.live and release.title == "ISAR release 9, corrected"
    page.context.clear_cookies()
    old_url = archive["old_urls"][release.pk]
    assert page.request.get(old_url, max_redirects=0).status == 301
    page.goto(old_url)
    expect(page).to_have_url(re.compile(re.escape(release.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("corrected")
    screens.shoot("corrected-release-live")

    officer_sign_in(page)
    problems, visited = crawl(page, "/en/organizations/dashboard/")
    assert problems == {}
    assert {"/admin/pages/N/edit/", "/admin/localize/submit/page/N/"} <= visited
    assert len(visited) > 20, sorted(visited)
