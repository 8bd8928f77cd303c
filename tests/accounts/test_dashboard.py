"""The organization dashboard: each release once, with each language's review state, and
links the officer can use; staff open the same dashboard for any organization."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import Locale

from accounts.models import ApplicationStatus, OrganizationApplication
from directory.models import Organization
from home.services import site_tree_create
from newsrooms.services import COMMUNICATIONS_GROUP, newsroom_member_add
from pressroom.filing import newsroom_index_ensure, newsroom_index_find
from tests.factories import OrganizationFactory, PressReleasePageFactory

DASHBOARD = "/en/organizations/dashboard/"


@dataclass
class World:
    isar: Organization
    officer: object
    reviewer: object
    releases: dict


def officer_create(isar):
    user = get_user_model().objects.create_user("leyla@isar.example", "leyla@isar.example")
    OrganizationApplication.objects.create(
        user=user,
        first_name="Leyla",
        last_name="Mammadova",
        email=user.email,
        phone="123456",
        language="en",
        organization=isar,
        status=ApplicationStatus.APPROVED,
    )
    newsroom_member_add(organization=isar, user=user)
    return user


def submitted(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def releases_create(isar, officer) -> dict:
    """One release of ISAR in each state the dashboard names, in its newsroom."""
    newsroom = newsroom_index_find(organization=isar, locale=Locale.get_default())

    def release(title, **kwargs):
        return PressReleasePageFactory(parent=newsroom, organization=isar, title=title, **kwargs)

    pages = {
        "draft": release("A draft", live=False),
        "review": release("In review", live=False),
        "changes": release("Sent back", live=False),
        "scheduled": release("Embargoed", live=False),
        "live": release("Published", release_date=datetime.date(2025, 9, 16)),
        "edited": release("Published, then edited"),
    }
    submitted(pages["review"], officer)
    state = submitted(pages["changes"], officer)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, None, "reject", comment="Add a quote, please.")
    pages["scheduled"].go_live_at = timezone.now() + datetime.timedelta(days=3)
    pages["scheduled"].save_revision().publish()
    pages["edited"].title = "Published, then edited (draft)"
    pages["edited"].save_revision()
    pages["translated"] = pages["live"].copy_for_translation(Locale.objects.get(language_code="az"))
    return pages


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at its end (as tests/newsrooms)."""
    with django_db_blocker.unblock(), transaction.atomic():
        site_tree_create()
        isar = OrganizationFactory(name="ISAR", slug="isar")
        officer = officer_create(isar)
        reviewer = get_user_model().objects.create_user("comms", "comms@example.org")
        reviewer.groups.add(Group.objects.get(name=COMMUNICATIONS_GROUP))
        yield World(isar, officer, reviewer, releases_create(isar, officer))
        transaction.set_rollback(True)


def row_of(html: str, title: str) -> str:
    start = html.index(f'<th scope="row">{title}</th>')
    return html[start : html.index("</tr>", start)]


@pytest.mark.django_db
def test_each_release_is_one_row_with_its_state_in_each_language(client, world):
    releases = world.releases
    client.force_login(world.officer)

    html = client.get(DASHBOARD).content.decode()

    assert html.count('<th scope="row">') == 6, "the Azerbaijani translation shares its row"
    assert "Draft" in row_of(html, "A draft")
    assert "In review" in row_of(html, "In review")
    sent_back = row_of(html, "Sent back")
    assert "Changes requested" in sent_back and "Add a quote, please." in sent_back
    go_live = timezone.localtime(releases["scheduled"].go_live_at).strftime("%d.%m.%Y")
    assert re.search(rf"Scheduled for <time[^>]*>{go_live} \d\d:\d\d</time>", html)
    assert "Live, with unpublished changes" in row_of(html, "Published, then edited")
    published = row_of(html, "Published")
    assert '<td class="nowrap"><time datetime="2025-09-16">16.09.2025</time></td>' in published
    assert published.count("Live") == 1 and "Draft" in published, "English live, Azerbaijani draft"
    assert f"/admin/pages/{releases['translated'].pk}/edit/" in published
    draft = row_of(html, "A draft")
    assert "Add Azerbaijani translation" in draft
    assert f"/admin/localize/submit/page/{releases['draft'].pk}/" in draft


@pytest.mark.django_db
def test_every_dashboard_link_opens_for_the_officer(client, world):
    client.force_login(world.officer)
    html = client.get(DASHBOARD).content.decode()
    newsroom = newsroom_index_find(organization=world.isar, locale=Locale.get_default())
    new_release = f"/admin/pages/add/pressroom/pressreleasepage/{newsroom.pk}/"
    assert f'href="{new_release}"' in html and "New press release" in html

    links = {url for url in re.findall(r'href="(/[^"]*)"', html) if not url.startswith("/static/")}
    for url in sorted(links):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert "you do not have permission" not in response.content.decode().lower(), url


@pytest.mark.django_db
def test_officers_can_add_press_releases_but_no_index_page_in_their_newsroom(client, world):
    """Other apps' page types (PRESSROOM_NEWSROOM_PAGE_TYPES) may be offered beside releases."""
    client.force_login(world.officer)
    newsroom = newsroom_index_find(organization=world.isar, locale=Locale.get_default())

    response = client.get(f"/admin/pages/{newsroom.pk}/add_subpage/", follow=True)

    release_add = f"/admin/pages/add/pressroom/pressreleasepage/{newsroom.pk}/"
    assert release_add in (response.redirect_chain[-1][0] if response.redirect_chain else "") or (
        release_add in response.content.decode()
    )
    index_add = f"/admin/pages/add/pressroom/pressreleaseindexpage/{newsroom.pk}/"
    refused = client.get(index_add)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/"), "Wagtail's refusal"


@pytest.mark.django_db
def test_staff_open_the_dashboard_of_the_organization_they_choose(client, world):
    OrganizationFactory(name="Another NGO")
    client.force_login(world.reviewer)

    html = client.get(DASHBOARD, {"organization": world.isar.pk}).content.decode()

    assert f'<option value="{world.isar.pk}" selected>' in html
    assert html.count('<th scope="row">') == 6
    assert "Another NGO" not in html, "only organizations with a newsroom are offered"


@pytest.mark.django_db
def test_an_officer_cannot_open_another_organizations_dashboard(client, world):
    other = OrganizationFactory(name="Another NGO")
    newsroom_index_ensure(organization=other, locale=other.locale)
    client.force_login(world.officer)

    html = client.get(DASHBOARD, {"organization": other.pk}).content.decode()

    assert "Another NGO" not in html
    assert html.count('<th scope="row">') == 6


def followers_section(organization, request) -> str:
    return format_html("<h2>Followers of {}</h2>", organization.name)


def empty_section(organization, request) -> str:
    return ""


@pytest.mark.django_db
def test_content_apps_add_sections_after_the_press_releases_in_hook_order(client, world):
    """The ``organization_dashboard_section`` hook, which an events app uses for its events."""
    client.force_login(world.reviewer)

    with (
        hooks.register_temporarily("organization_dashboard_section", followers_section, order=200),
        hooks.register_temporarily("organization_dashboard_section", empty_section, order=150),
    ):
        html = client.get(DASHBOARD, {"organization": world.isar.pk}).content.decode()

    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == ["Press releases", "Followers of ISAR"]


@pytest.mark.django_db
def test_a_person_without_an_organization_sees_no_section(client, world):
    client.force_login(get_user_model().objects.create_user("nobody", "nobody@example.org"))

    with hooks.register_temporarily("organization_dashboard_section", followers_section):
        html = client.get(DASHBOARD).content.decode()

    assert "<h2>" not in html
    assert "Your account does not belong to an organization." in html
