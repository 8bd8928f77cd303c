"""Submitting a translation to review from wagtail-localize's translation editor.

wagtail-localize replaces Wagtail's page editor for a synced translation and offers only
"Publish", so an officer, who may edit but not publish, could translate a release but never
send it to Communications. Its template (overridden here, extended not copied) gains a
"Submit to <workflow>" form for those who may submit; the POST is answered by a
``before_edit_page`` hook that runs before wagtail-localize's own.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

SUBMIT_FIELD = "newsroom-submit-translation"


def translation_submit_for_review(*, translation: Translation, page: Page, user) -> None:
    """Saves the translated strings as a draft of ``page`` and submits that draft to the
    page's workflow, resuming it where changes were requested, as Wagtail's editor does."""
    if not page.permissions_for_user(user).can_submit_for_moderation():
        raise PermissionDenied
    translation.save_target(user=user, publish=False)
    page.refresh_from_db()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)


def submit_translation_view(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The editor's submit form; anything else is left to wagtail-localize."""
    if request.method != "POST" or SUBMIT_FIELD not in request.POST:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    workflow = page.get_workflow()
    try:
        translation_submit_for_review(translation=translation, page=page, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("'%(title)s' in %(language)s was submitted to %(workflow)s.")
            % {
                "title": page.get_admin_display_title(),
                "language": page.locale.get_display_name(),
                "workflow": workflow.name,
            },
        )
    return redirect(request.path)
