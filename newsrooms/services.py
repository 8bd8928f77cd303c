"""Writes for newsrooms: the Communications group and workflow, and each organization's newsroom.

Everything here is idempotent, so approval can be retried and ``migrate`` can call
``newsrooms_setup`` every time. Access is expressed only in Wagtail's own permission rows
(group page, collection and model permissions) so that Wagtail's views enforce it.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.admin.models import Admin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from directory.models import Organization
from pressroom.filing import newsroom_index_ensure, newsroom_titles_sync
from pressroom.models import PressReleaseIndexPage
from pressroom.selectors import release_index_page

from .models import Newsroom

COMMUNICATIONS_GROUP = "Communications"
REVIEW_WORKFLOW = "Communications review"

# Communications staff edit and publish everything, like Wagtail's own "Moderators"; bulk
# deletion of whole subtrees stays with superusers.
COMMUNICATIONS_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
COMMUNICATIONS_MEDIA_PERMISSIONS = ["add", "change", "delete", "choose"]
COMMUNICATIONS_DIRECTORY_PERMISSIONS = ["add", "change", "delete", "view", "publish", "lock"]
# Applications queue of the accounts app, granted once that model exists.
APPLICATION_REVIEW_PERMISSION = "review_organizationapplication"

# An organization's users write and edit in their newsroom but never publish: their
# changes reach the public only through the Communications review workflow.
NEWSROOM_PAGE_PERMISSIONS = ["add", "change"]
NEWSROOM_MEDIA_PERMISSIONS = ["add", "change", "choose"]


def _permission(model: type[models.Model], action: str) -> Permission:
    """The model's permission, created if ``post_migrate`` has not reached its app yet.

    Our post_migrate handler runs for this app, before Django and Wagtail have created the
    permissions of apps listed after it in INSTALLED_APPS; they later find these rows.
    """
    opts = model._meta
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{opts.model_name}",
        defaults={"name": f"Can {action} {opts.verbose_name_raw}"},
    )
    return permission


def _admin_access() -> Permission:
    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Admin),
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    return permission


def _translation_permission() -> Permission:
    """wagtail-localize's "Translate this page": officers translate their own releases."""
    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def _application_review_permission() -> Permission | None:
    """The accounts app's permission to decide on applications, if that app defines it."""
    try:
        model = apps.get_model("accounts", "OrganizationApplication")
    except LookupError:
        return None
    names = dict(model._meta.permissions)
    if APPLICATION_REVIEW_PERMISSION not in names:
        return None
    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(model),
        codename=APPLICATION_REVIEW_PERMISSION,
        defaults={"name": str(names[APPLICATION_REVIEW_PERMISSION])},
    )
    return permission


def _lockout_permissions() -> list[Permission]:
    """Staff see django-axes' login lockouts and lift them (accounts' admin listing)."""
    try:
        model = apps.get_model("axes", "AccessAttempt")
    except LookupError:
        return []
    return [_permission(model, action) for action in ("view", "delete")]


def _grant_pages(group: Group, page: Page, actions: list[str]) -> None:
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(Page, action)
        )


def _grant_media(group: Group, collection: Collection, actions: list[str]) -> None:
    for model in (get_image_model(), get_document_model()):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(model, action)
            )


@transaction.atomic
def newsrooms_setup() -> Workflow:
    """Ensures the Communications group, its rights and the "Communications review" workflow.

    Only adds what is missing: staff may later add reviewers or tasks in the admin, and a
    rerun (every ``migrate``) must not undo that. Returns the workflow.
    """
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS_GROUP)
    group.permissions.add(
        _admin_access(),
        *(_permission(Organization, action) for action in COMMUNICATIONS_DIRECTORY_PERMISSIONS),
    )
    review = _application_review_permission()
    if review is not None:
        group.permissions.add(review)
    group.permissions.add(*_lockout_permissions())
    translation = _translation_permission()
    group.permissions.add(translation)
    for newsroom_group in Group.objects.filter(newsroom__isnull=False):
        newsroom_group.permissions.add(translation)
    _grant_pages(group, Page.get_first_root_node(), COMMUNICATIONS_PAGE_PERMISSIONS)
    _grant_media(group, Collection.get_first_root_node(), COMMUNICATIONS_MEDIA_PERMISSIONS)

    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=REVIEW_WORKFLOW, active=True)
        task = GroupApprovalTask.objects.create(name=REVIEW_WORKFLOW, active=True)
        task.groups.add(group)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # Directory entries are snippets: a workflow covers them by model, not by instance.
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Organization),
        defaults={"workflow": workflow},
    )
    return workflow


def _default_release_index() -> PressReleaseIndexPage:
    """The default locale's top press-release index, which the site tree places."""
    index = release_index_page(locale=Locale.get_default())
    if index is None:
        raise PressReleaseIndexPage.DoesNotExist(
            "No press-release index in the default language: build the site tree first "
            "(docs/deploy.md)."
        )
    return index


def _newsroom_pages(organization: Organization) -> list[PressReleaseIndexPage]:
    """The organization's newsroom index in every locale, the default locale's first.

    They may exist already: an organization's newsroom index is created with its first
    release (pressroom/filing.py), so approval finds its whole archive in place.
    """
    _default_release_index()
    default = Locale.get_default()
    locales = [default, *Locale.objects.exclude(pk=default.pk).order_by("language_code")]
    pages = [newsroom_index_ensure(organization=organization, locale=locale) for locale in locales]
    return [page for page in pages if page is not None]


@transaction.atomic
def newsroom_provision(*, organization: Organization) -> Newsroom:
    """The organization's newsroom, created with its pages, group, collection and workflow.

    The newsroom is the organization's ``PressReleaseIndexPage`` under each locale's
    press-release index (pressroom/filing.py), so its releases stay in the public lists
    and feeds.
    """
    # Two approvals for one organization at once would otherwise both build a newsroom.
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    newsroom_titles_sync(organization=organization)
    existing = Newsroom.objects.filter(organization=organization).first()
    if existing is not None:
        return existing
    workflow = newsrooms_setup()
    label = f"Newsroom {organization.pk}: {organization.short_name}"
    group, _ = Group.objects.get_or_create(name=label[:150])
    group.permissions.add(_admin_access(), _translation_permission())
    collection = Collection.get_first_root_node().add_child(
        instance=Collection(name=f"Newsroom: {organization.short_name}"[:255])
    )
    _grant_media(group, collection, NEWSROOM_MEDIA_PERMISSIONS)
    pages = _newsroom_pages(organization)
    for page in pages:
        _grant_pages(group, page, NEWSROOM_PAGE_PERMISSIONS)
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return Newsroom.objects.create(
        organization=organization, page=pages[0], group=group, collection=collection
    )


@transaction.atomic
def newsroom_member_add(*, organization: Organization, user) -> None:
    """Makes ``user`` an editor of the organization's newsroom, provisioning it if needed.

    Membership is the newsroom group alone, which carries admin access: removing the user
    from the group removes every right this gave.
    """
    newsroom = newsroom_provision(organization=organization)
    user.groups.add(newsroom.group)
