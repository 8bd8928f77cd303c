"""Communications review: organization users submit, Communications staff decide, and the
decision reaches the public only as the workflow and the embargo allow. Translations are
submitted from wagtail-localize's editor, which alone offers them only to publishers."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from newsrooms.translation_review import SUBMIT_FIELD
from pressroom.models import PressReleasePage

from .helpers import actor_client, release_post

pytestmark = pytest.mark.django_db


def submit(world, release) -> str:
    mail.outbox.clear()
    title = release_post(world, actor_client(world, "org_a"), release, **{"action-submit": "1"})
    return title


def decide(world, release, action: str, comment: str = "") -> None:
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(release.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    mail.outbox.clear()
    response = actor_client(world, "staff").post(
        reverse("wagtailadmin_pages:workflow_action", args=[release.pk, action, task_state.pk]),
        {"comment": comment} if comment else {},
    )
    assert response.status_code in (200, 302)


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_submission_notifies_communications_staff_only(world):
    release = world.releases["draft"]
    submit(world, release)

    state = WorkflowState.objects.active().get(object_id=str(release.pk))
    assert state.workflow.name == "Communications review"
    assert state.requested_by == world.users["org_a"]
    assert recipients() == {world.users["staff"].email}
    assert not PressReleasePage.objects.get(pk=release.pk).live


def test_approval_publishes_and_tells_the_submitter(world):
    release = world.releases["draft"]
    title = submit(world, release)

    decide(world, release, "approve")

    page = PressReleasePage.objects.get(pk=release.pk)
    assert page.live and page.title == title
    assert actor_client(world, "anonymous").get(page.url).status_code == 200
    assert world.users["org_a"].email in recipients()


def test_request_changes_returns_the_release_with_the_comment(world):
    release = world.releases["draft"]
    submit(world, release)

    decide(world, release, "reject", comment="Please add the contact person.")

    state = WorkflowState.objects.get(object_id=str(release.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please add the contact person."
    assert not PressReleasePage.objects.get(pk=release.pk).live
    message = next(m for m in mail.outbox if world.users["org_a"].email in m.to)
    assert "Please add the contact person." in message.body


def test_a_release_sent_back_can_be_corrected_and_resubmitted(world):
    release = world.releases["draft"]
    submit(world, release)
    decide(world, release, "reject", comment="Please add the contact person.")

    submit(world, release)

    assert WorkflowState.objects.active().filter(object_id=str(release.pk)).exists()
    assert recipients() == {world.users["staff"].email}


EMBARGO = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=3)


def public_appearances(client, release) -> dict[str, bool]:
    """Where the public can find the release: its page, lists, feeds, search, sitemap, API."""
    word = release.title  # the search query is one word of it, so the page echoes only that
    return {
        "page": client.get(release.url).status_code == 200,
        "release list": word in client.get("/en/press-releases/").content.decode(),
        "newsroom": word in client.get(release.get_parent().url).content.decode(),
        "rss": word in client.get("/en/feeds/releases.rss").content.decode(),
        # Hits may highlight the title, so look for the link.
        "search": f'href="{release.url}"'
        in client.get("/en/search/", {"q": "Embargoed"}).content.decode(),
        "sitemap": release.slug in client.get("/sitemap.xml").content.decode(),
        "api pages": word
        in client.get("/api/v3/pages/", {"type": "pressroom.PressReleasePage"}).content.decode(),
        "api releases": word in client.get("/api/v3/press-releases/").content.decode(),
    }


def test_approved_embargoed_release_stays_hidden_until_its_time_then_publishes(world, monkeypatch):
    release = world.releases["draft"]
    release.title = "Embargoed release"
    mail.outbox.clear()
    release_post(
        world,
        actor_client(world, "org_a"),
        release,
        go_live_at=EMBARGO,
        **{"action-submit": "1"},
    )
    decide(world, release, "approve")

    page = PressReleasePage.objects.get(pk=release.pk)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == EMBARGO
    anonymous = actor_client(world, "anonymous")
    hidden = public_appearances(anonymous, page)
    assert not any(hidden.values()), hidden

    call_command("publish_scheduled")
    assert not PressReleasePage.objects.get(pk=release.pk).live

    monkeypatch.setattr(timezone, "now", lambda: EMBARGO + datetime.timedelta(minutes=1))
    call_command("publish_scheduled")

    page = PressReleasePage.objects.get(pk=release.pk)
    assert page.live
    shown = public_appearances(anonymous, page)
    assert all(shown.values()), shown


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
