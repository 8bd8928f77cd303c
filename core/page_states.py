"""Where each page stands in its review, for lists that show many pages at once.

An officer needs to know what waits for whom: a draft, a submission in review, changes
requested (and the reviewer's words), an approved publication scheduled for a date, a live
page, or a live page with unpublished edits. These come from Wagtail's own workflow states,
scheduled revisions and page fields, read for the whole list in a fixed number of queries.
Any page type: the organization dashboard's sections (releases, events) all use it, with
``core/includes/page_state.html`` to show a state.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision, TaskState, WorkflowState


class PageState:
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    SCHEDULED = "scheduled"
    LIVE = "live"
    LIVE_WITH_CHANGES = "live_with_changes"


@dataclass
class PageVersion:
    """One page (one language of a release, say), with where it stands."""

    page: Page
    state: str
    comment: str = ""
    scheduled_at: datetime.datetime | None = None


def page_versions(pages: list[Page]) -> dict[int, PageVersion]:
    """Each page's state by its id, in four queries whatever the number of pages."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = [str(page.pk) for page in pages]
    workflows = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(base_content_type=page_type, object_id__in=ids)
        .order_by("created_at")
    }
    comments = {
        task.workflow_state_id: task.comment
        for task in TaskState.objects.filter(
            workflow_state__in=[
                w for w in workflows.values() if w.status == WorkflowState.STATUS_NEEDS_CHANGES
            ],
            status=TaskState.STATUS_REJECTED,
        ).order_by("finished_at")
    }
    scheduled = dict(
        Revision.objects.filter(
            base_content_type=page_type, object_id__in=ids, approved_go_live_at__isnull=False
        ).values_list("object_id", "approved_go_live_at")
    )
    versions = {}
    for page in pages:
        workflow = workflows.get(page.pk)
        version = PageVersion(page=page, state=PageState.DRAFT)
        if workflow is not None and workflow.status == WorkflowState.STATUS_IN_PROGRESS:
            version.state = PageState.IN_REVIEW
        elif workflow is not None:
            version.state = PageState.CHANGES_REQUESTED
            version.comment = comments.get(workflow.pk, "")
        elif str(page.pk) in scheduled:
            version.state = PageState.SCHEDULED
            version.scheduled_at = scheduled[str(page.pk)]
        elif page.live and page.has_unpublished_changes:
            version.state = PageState.LIVE_WITH_CHANGES
        elif page.live:
            version.state = PageState.LIVE
        versions[page.pk] = version
    return versions
