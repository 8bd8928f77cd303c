"""Two Wagtail admin views narrowed for organizations' users, where Wagtail has no hook.

Both are Wagtail's own views; ``admin_urls`` puts them in front of Wagtail's routes.
"""

from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from .selectors import pages_admin_visible, user_sees_all_pages


class VisibleChosenMultipleView(ChosenMultipleView):
    """The page chooser's answer for several chosen pages, limited to pages the user may see.

    Wagtail answers any id with the page's title and URL.
    """

    def get(self, request):
        ids = [value for value in request.GET.getlist("id") if value.isascii() and value.isdigit()]
        visible = pages_admin_visible(Page.objects.filter(pk__in=ids), user=request.user)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        return super().get(request)


class StaffPageTypesUsageReportView(PageTypesUsageReportView):
    """The page types report, for staff only: it names each type's last edited page site-wide."""

    def user_has_any_permission(self, permissions) -> bool:
        return user_sees_all_pages(self.request.user) and super().user_has_any_permission(
            permissions
        )
