"""Reads for newsrooms: which pages an organization's user may see listed in the admin.

Wagtail's page permissions decide what a user may edit, but its choosers, bulk-action
confirmations and some reports list every page in the tree. An organization's user sees
there only what the public sees, plus their own newsroom (and the pages above it, to
navigate); staff see everything, as Wagtail would show them.
"""

from django.db.models import F, Q, QuerySet
from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import page_permission_policy

from .models import Newsroom


def user_sees_all_pages(user) -> bool:
    """Whether the admin may list every page to ``user``, as Wagtail does by default.

    Only a newsroom member whose page rights stop below the root is narrowed: superusers
    and staff groups with rights over the whole tree (Communications) are not.
    """
    cached = getattr(user, "_sees_all_pages", None)
    if cached is None:
        cached = (
            user.is_superuser
            or not Newsroom.objects.filter(group__user=user).exists()
            or GroupPagePermission.objects.filter(group__user=user, page__depth=1).exists()
        )
        user._sees_all_pages = cached
    return cached


def pages_admin_visible(pages: QuerySet, *, user) -> QuerySet:
    """``pages`` narrowed to those the admin may list to ``user``.

    For an organization's user: the pages they may explore (their newsroom in every
    language and its ancestors) and live public pages whose draft title is their published
    title, since Wagtail's listings show the draft title. Another organization's scheduled,
    draft, in-review and private pages are left out.
    """
    if user_sees_all_pages(user):
        return pages
    public = Q(pk__in=Page.objects.live().public().filter(draft_title=F("title")).values_list("pk"))
    explorable = Q(pk__in=page_permission_policy.explorable_instances(user).values_list("pk"))
    visible = Page.objects.filter(public | explorable).values_list("pk", flat=True)
    return pages.filter(pk__in=visible)


def page_admin_visible(page_id: int, *, user) -> bool:
    """Whether the admin may show ``user`` the page with this id (title, status, URL)."""
    return pages_admin_visible(Page.objects.filter(pk=page_id), user=user).exists()
