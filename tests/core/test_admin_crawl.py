"""A staff member following every admin link from the dashboard meets no error page.

Depth-bounded, same host, GET only (logout skipped): each page must answer without a
403, 404 or 500 or a "permission" refusal, and each static file it asks for must exist.
"""

import json
import re
from collections import deque
from urllib.parse import urlsplit

from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from accounts.models import ApplicationStatus, OrganizationApplication
from partners.models import Webhook
from partners.services import partner_site_create
from pressroom.models import ImportRun
from tests.factories import OrganizationFactory, PressReleasePageFactory

DEPTH = 2
PAGE_LIMIT = 250
SKIPPED = ("/admin/logout/",)
REFUSALS = ("do not have permission", "Sorry, you do not have")


def admin_content(site_tree, user) -> None:
    """One of each thing the admin lists, so the crawl reaches their own pages too."""
    issuer = OrganizationFactory(name="Institute for Social Action and Research", acronym="ISAR")
    issuer.copy_for_translation(Locale.objects.get(language_code="az")).save()
    PressReleasePageFactory(
        parent=site_tree["en"].releases, organization=issuer, participants=[OrganizationFactory()]
    )
    OrganizationApplication.objects.create(
        first_name="Leyla",
        last_name="Mammadova",
        email="leyla@isar.example",
        phone="123456",
        language="en",
        organization=issuer,
        status=ApplicationStatus.PENDING_REVIEW,
    )
    ImportRun.objects.create(source="releases.csv", publish=True, created=3)
    partner = partner_site_create(name="Report.az")
    Webhook.objects.create(partner=partner, url="https://report.example/hook")
    AccessAttempt.objects.create(
        username="someone@ngo.example",
        ip_address="192.0.2.1",
        failures_since_start=3,
        get_data="",
        post_data="",
    )


def page_links(html: str) -> set[str]:
    """Admin paths linked from the page, the script-drawn sidebar menu included."""
    soup = BeautifulSoup(html, "html.parser")
    # Bulk-action links are buttons whose script adds the chosen items to the address.
    hrefs = {anchor["href"] for anchor in soup.select("a[href]:not([data-bulk-action-button])")}
    sidebar = soup.select_one("#wagtail-sidebar-props")
    if sidebar is not None:
        hrefs |= set(re.findall(r'"url": "([^"]+)"', json.dumps(json.loads(sidebar.string))))
    # One visit per view: orderings and filters of a listing are its query strings.
    return {urlsplit(href).path for href in hrefs if urlsplit(href).path.startswith("/admin/")}


def static_files(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    urls = {
        tag.get("src") or tag.get("href")
        for tag in soup.select("script[src], img[src], link[href]")
    }
    return {urlsplit(url).path for url in urls if url and urlsplit(url).path.startswith("/static/")}


def test_every_admin_page_a_staff_member_can_reach_answers(client, site_tree, django_user_model):
    user = django_user_model.objects.create_superuser("comms", "comms@pressroom.example", "pw")
    admin_content(site_tree, user)
    client.force_login(user)

    seen, queue, problems, missing_static = {"/admin/"}, deque([("/admin/", 0)]), [], set()
    visited = 0
    while queue and visited < PAGE_LIMIT:
        url, depth = queue.popleft()
        visited += 1
        response = client.get(url, follow=True)
        if response.status_code != 200:
            problems.append(f"{url} → {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if any(refusal in html for refusal in REFUSALS):
            problems.append(f"{url} → permission refused")
        missing_static |= {
            path
            for path in static_files(html)
            if finders.find(path.removeprefix("/static/")) is None
        }
        if depth < DEPTH:
            for link in page_links(html) - seen:
                seen.add(link)
                if not link.startswith(SKIPPED):
                    queue.append((link, depth + 1))

    assert problems == []
    assert missing_static == set()
    assert visited > 50, visited  # the crawl went beyond the dashboard
