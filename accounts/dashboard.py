"""Reads for the organization dashboard: each release once, with every language's state.

An officer needs to know, per release, what waits for whom: a draft, a submission in
Communications review, changes requested (and the reviewer's words), an approved
publication scheduled for a date, a live page, or a live page with unpublished edits.
These come from Wagtail's own workflow states, scheduled revisions and page fields, read
for the whole list in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import Locale, Page, Revision, TaskState, WorkflowState

from directory.models import Organization
from pressroom.models import PressReleaseIndexPage, PressReleasePage

# Staff who decide applications may open any organization's dashboard.
STAFF_PERMISSION = "accounts.review_organizationapplication"
# How many releases the dashboard lists; an archive larger than this is browsed in the admin.
RELEASES_MAX = 300


class ReleaseState:
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    SCHEDULED = "scheduled"
    LIVE = "live"
    LIVE_WITH_CHANGES = "live_with_changes"


@dataclass
class ReleaseVersion:
    """One language of a release, with where it stands."""

    page: PressReleasePage
    state: str
    comment: str = ""
    scheduled_at: datetime.datetime | None = None


@dataclass
class ReleaseRow:
    """A release in every language it exists in; ``cells`` follow the dashboard's locales."""

    title: str
    release_date: datetime.date
    cells: list[tuple[Locale, ReleaseVersion | None]] = field(default_factory=list)

    @property
    def source(self) -> ReleaseVersion:
        """The version a missing translation is made from: the first one listed."""
        return next(version for _, version in self.cells if version is not None)


def dashboard_locales() -> list[Locale]:
    """The site's languages, the default first: the dashboard's columns."""
    default = Locale.get_default()
    return [default, *Locale.objects.exclude(pk=default.pk).order_by("language_code")]


def _states(pages: list[PressReleasePage]) -> dict[int, ReleaseVersion]:
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
        version = ReleaseVersion(page=page, state=ReleaseState.DRAFT)
        if workflow is not None and workflow.status == WorkflowState.STATUS_IN_PROGRESS:
            version.state = ReleaseState.IN_REVIEW
        elif workflow is not None:
            version.state = ReleaseState.CHANGES_REQUESTED
            version.comment = comments.get(workflow.pk, "")
        elif str(page.pk) in scheduled:
            version.state = ReleaseState.SCHEDULED
            version.scheduled_at = scheduled[str(page.pk)]
        elif page.live and page.has_unpublished_changes:
            version.state = ReleaseState.LIVE_WITH_CHANGES
        elif page.live:
            version.state = ReleaseState.LIVE
        versions[page.pk] = version
    return versions


def organization_release_rows(*, organization: Organization) -> list[ReleaseRow]:
    """Every release the organization issued, drafts included, one row per release with its
    translations: its members' own dashboard, never shown to anyone else. Newest first."""
    pages = list(
        PressReleasePage.objects.filter(organization__translation_key=organization.translation_key)
        .order_by("-release_date", "-pk")
        .only(
            "title", "release_date", "live", "has_unpublished_changes", "locale", "translation_key"
        )[:RELEASES_MAX]
    )
    versions = _states(pages)
    locales = dashboard_locales()
    grouped: dict = {}
    for page in pages:
        grouped.setdefault(page.translation_key, {})[page.locale_id] = versions[page.pk]
    rows = []
    for by_locale in grouped.values():
        cells = [(locale, by_locale.get(locale.pk)) for locale in locales]
        first = next(version for _, version in cells if version is not None)
        rows.append(
            ReleaseRow(title=first.page.title, release_date=first.page.release_date, cells=cells)
        )
    return rows


def dashboard_organizations(*, locale: Locale) -> QuerySet[Organization]:
    """Organizations staff may open the dashboard of: those with a newsroom, in ``locale``."""
    keys = PressReleaseIndexPage.objects.filter(organization__isnull=False).values(
        "organization__translation_key"
    )
    return Organization.objects.filter(locale=locale, translation_key__in=keys).order_by("name")
