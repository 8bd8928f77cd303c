"""Where each page stands in its review, for lists that show many pages at once.

An officer needs to know what waits for whom: a draft, a submission in review, changes
requested (and the reviewer's words), an approved publication scheduled for a date, a live
page, or a live page with unpublished edits. These come from Wagtail's own workflow states,
scheduled revisions and page fields, read for the whole list in a fixed number of queries.
Any page type: the organization dashboard's sections (releases, events) all use it, with
``core/includes/page_state.html`` to show a state, and ``page_rows`` to show each page
once with its translations side by side.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Revision, TaskState, WorkflowState


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


@dataclass
class PageRow:
    """A page in every language it exists in; ``cells`` follow ``row_locales()``."""

    cells: list[tuple[Locale, PageVersion | None]] = field(default_factory=list)

    @property
    def source(self) -> PageVersion:
        """The version a missing translation is made from, and the row's title and date:
        the first one listed."""
        return next(version for _, version in self.cells if version is not None)


def row_locales() -> list[Locale]:
    """The site's languages, the default first: the columns of ``page_rows``."""
    default = Locale.get_default()
    return [default, *Locale.objects.exclude(pk=default.pk).order_by("language_code")]


def page_rows(pages: list[Page]) -> list[PageRow]:
    """One row per page and its translations (one ``translation_key``), in the order the
    first of them comes in ``pages``, with each language's state."""
    versions = page_versions(pages)
    locales = row_locales()
    grouped: dict = {}
    for page in pages:
        grouped.setdefault(page.translation_key, {})[page.locale_id] = versions[page.pk]
    return [
        PageRow(cells=[(locale, by_locale.get(locale.pk)) for locale in locales])
        for by_locale in grouped.values()
    ]
