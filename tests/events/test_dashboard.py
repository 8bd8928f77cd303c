"""The organization dashboard's "Your events": an officer sees their organization's events
still to come or awaiting publication, with each language's review state, and every link
they are shown opens for them."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from directory.models import Organization
from home.services import site_tree_create
from pressroom.filing import newsroom_index_ensure, newsroom_index_find
from tests.accounts.test_dashboard import DASHBOARD, officer_create, submitted
from tests.events.conftest import EventPageFactory, events_index_add
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@dataclass
class World:
    isar: Organization
    officer: object
    events: dict


def events_create(isar, officer, events_index) -> dict:
    english = Locale.get_default()
    newsroom = newsroom_index_find(organization=isar, locale=english)
    other = OrganizationFactory(name="Other NGO")
    soon = timezone.now() + datetime.timedelta(days=10)

    def event(title, parent=newsroom, organization=isar, start=soon, **kwargs):
        return EventPageFactory(
            parent=parent, organization=organization, title=title, start=start, end=None, **kwargs
        )

    events = {
        "upcoming": event("Upcoming meeting"),
        "draft": event("Draft training", live=False),
        "review": event("Training in review", live=False),
        "past": event("Past conference", start=timezone.now() - datetime.timedelta(days=400)),
        "staff_filed": event("Forum filed by staff", parent=events_index),
        "other": event(
            "Other meeting",
            parent=newsroom_index_ensure(organization=other, locale=english),
            organization=other,
        ),
    }
    submitted(events["review"], officer)
    translation = events["upcoming"].copy_for_translation(Locale.objects.get(language_code="az"))
    events["translation"] = translation
    return events


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at its end (as tests/accounts)."""
    with django_db_blocker.unblock(), transaction.atomic():
        tree = site_tree_create()
        events_index = events_index_add(tree)["en"]
        isar = OrganizationFactory(name="ISAR", slug="isar")
        officer = officer_create(isar)
        yield World(isar, officer, events_create(isar, officer, events_index))
        transaction.set_rollback(True)


def events_section(client, user) -> str:
    client.force_login(user)
    html = client.get(DASHBOARD).content.decode()
    start = html.index('<section class="dashboard-events"')
    return html[start : html.index("</section>", start)]


def row_of(html: str, title: str) -> str:
    start = html.index(f'<th scope="row">{title}</th>')
    return html[start : html.index("</tr>", start)]


def test_an_officer_sees_their_upcoming_and_unpublished_events_only(client, world):
    section = events_section(client, world.officer)

    titles = re.findall(r'<th scope="row">(.*?)</th>', section)
    assert titles == [
        "Upcoming meeting",
        "Draft training",
        "Training in review",
        "Forum filed by staff",
    ], "not the past event, nor another organization's"
    upcoming = row_of(section, "Upcoming meeting")
    assert "Live" in upcoming and "Draft" in upcoming, "English live, Azerbaijani draft"
    assert "In review" in row_of(section, "Training in review")
    assert "Your events" in section


def test_every_link_in_the_section_opens_for_the_officer(client, world):
    section = events_section(client, world.officer)
    newsroom = newsroom_index_find(organization=world.isar, locale=Locale.get_default())
    assert f'href="/admin/pages/add/events/eventpage/{newsroom.pk}/"' in section
    assert f"/admin/pages/{world.events['translation'].pk}/edit/" in section

    links = set(re.findall(r'href="(/[^"]*)"', section))
    assert len(links) >= 6
    for url in sorted(links):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert "you do not have permission" not in response.content.decode().lower(), url


def test_an_event_the_officer_may_not_edit_is_listed_without_links(client, world):
    row = row_of(events_section(client, world.officer), "Forum filed by staff")

    assert "Live" in row
    assert "href" not in row
    staff_filed = world.events["staff_filed"]
    assert client.get(f"/admin/pages/{staff_filed.pk}/edit/").status_code == 302
