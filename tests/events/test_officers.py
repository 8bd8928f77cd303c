"""Organization officers write events in their newsroom through the real admin, under the
same permissions and Communications review as releases; the event credits their organization."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventPage
from newsrooms.models import Newsroom
from tests.newsrooms.conftest import world  # noqa: F401 - the newsrooms' module-scoped world
from tests.newsrooms.helpers import BODY, actor_client

pytestmark = pytest.mark.django_db


def test_an_officer_creates_and_submits_an_event_that_review_publishes(world):  # noqa: F811
    newsroom = Newsroom.objects.get(organization__slug="org-a")
    officer = actor_client(world, "org_a")
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", newsroom.page.pk])
    form = officer.get(url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(BODY)
    data.update(
        {
            "title": "Annual meeting",
            "slug": "annual-meeting",
            "start": "2030-05-12 10:00",
            "organization": "",
            "action-submit": "1",
        }
    )

    response = officer.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="annual-meeting")
    assert not event.live and event.organization.slug == "org-a"
    assert event.start_date.isoformat() == "2030-05-12"
    task = TaskState.objects.get(
        workflow_state__object_id=str(event.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    staff = actor_client(world, "staff")
    staff.post(reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", task.pk]))
    event.refresh_from_db()
    assert event.live
    assert actor_client(world, "anonymous").get(event.url).status_code == 200


def test_another_organizations_officer_cannot_add_events_there(world):  # noqa: F811
    newsroom = Newsroom.objects.get(organization__slug="org-a")
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", newsroom.page.pk])

    assert actor_client(world, "org_b").get(url).status_code in (302, 403)
