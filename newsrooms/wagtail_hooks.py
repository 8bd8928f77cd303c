"""Narrows the admin's page listings for an organization's user (see ``selectors``).

Wagtail's chooser, explorer and bulk actions list pages beyond what a user may edit; these
hooks give them only the pages ``pages_admin_visible`` allows. A page that is not visible
cannot be opened as the chooser's or the explorer's parent either, since its title, status
and URL head the listing.

The edit-page hook lets an officer submit a translation from wagtail-localize's editor
(``translation_review``).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_list_or_404
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)

from .selectors import page_admin_visible, pages_admin_visible, user_sees_all_pages
from .translation_review import submit_translation_view


@hooks.register("construct_page_chooser_queryset")
def chooser_pages_visible(pages, request):
    """Browse, search, link and move choosers; Wagtail passes no parent, the URL names it."""
    parent_page_id = request.resolver_match.kwargs.get("parent_page_id")
    if parent_page_id is not None and not page_admin_visible(parent_page_id, user=request.user):
        raise PermissionDenied
    return pages_admin_visible(pages, user=request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_pages_visible(parent_page, pages, request):
    """The explorer's listing, search and results, and the admin API behind its menu."""
    if not page_admin_visible(parent_page.pk, user=request.user):
        raise PermissionDenied
    return pages_admin_visible(pages, user=request.user)


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    """Its view refuses organizations' users (``views.StaffPageTypesUsageReportView``)."""
    if not user_sees_all_pages(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class VisiblePagesBulkActionMixin:
    """A page bulk action that ignores the ids of pages the user may not see.

    Wagtail's confirmation lists every requested page, the ones the user may not act on
    by title; here those the user may not even see are dropped (404 when none is left).
    """

    def get_queryset(self, model, object_ids):
        pages = model._default_manager.filter(pk__in=object_ids)
        return get_list_or_404(pages_admin_visible(pages, user=self.request.user))


# Registered after Wagtail's own (order 0), which these replace for the same action names.
for action_class in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register(
        "register_bulk_action",
        type(action_class.__name__, (VisiblePagesBulkActionMixin, action_class), {}),
        order=1,
    )


# Before wagtail-localize's hook (order 0), which answers every edit of a synced translation.
hooks.register("before_edit_page", submit_translation_view, order=-1)
