"""An officer submits a translation from wagtail-localize's editor to Communications review,
which that editor alone offers only to those who may publish."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from newsrooms.translation_review import SUBMIT_FIELD

from .helpers import actor_client

pytestmark = pytest.mark.django_db

TITLE_AZ = "A təşkilatının bəyanatı"


def translation_started(world):
    """The Azerbaijani translation of A's draft, its title translated, as the editor leaves it."""
    release, officer = world.releases["draft"], world.users["org_a"]
    azerbaijani = Locale.objects.get(language_code="az")
    source, _ = TranslationSource.get_or_create_from_instance(release)
    translation = Translation.objects.create(source=source, target_locale=azerbaijani)
    translation.save_target(user=officer, publish=False)
    title = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=azerbaijani, context=title.context, data=TITLE_AZ
    )
    return release.get_translation(azerbaijani)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_an_officer_submits_a_translation_with_its_strings_to_review(world):
    page = translation_started(world)
    officer = actor_client(world, "org_a")
    assert "Submit to Communications review" in officer.get(edit_url(page)).content.decode()
    mail.outbox.clear()

    response = officer.post(edit_url(page), {SUBMIT_FIELD: ""})

    assert response.status_code == 302
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    assert state.workflow.name == "Communications review"
    assert state.requested_by == world.users["org_a"]
    assert state.current_task_state.revision.as_object().title == TITLE_AZ
    assert {address for message in mail.outbox for address in message.to} == {
        world.users["staff"].email
    }
    page.refresh_from_db()
    assert not page.live
    assert "in Communications review" in officer.get(edit_url(page)).content.decode()


def test_a_translation_sent_back_is_resubmitted_to_the_same_review(world):
    page = translation_started(world)
    officer = actor_client(world, "org_a")
    officer.post(edit_url(page), {SUBMIT_FIELD: ""})
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    actor_client(world, "staff").post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": "Shorter title, please."},
    )
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "needs_changes"

    officer.post(edit_url(page), {SUBMIT_FIELD: ""})

    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_staff_who_publish_get_no_submit_form(world):
    page = translation_started(world)
    body = actor_client(world, "staff").get(edit_url(page)).content.decode()
    assert "Submit to Communications review" not in body


def test_another_organizations_officer_cannot_submit(world):
    page = translation_started(world)

    response = actor_client(world, "org_b").post(edit_url(page), {SUBMIT_FIELD: ""})

    assert response.status_code in (302, 403)
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
