"""The alert report in the admin's Reports menu, for staff allowed to view subscriptions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import COUNTS_PERMISSION, AlertCountsView


@hooks.register("register_admin_urls")
def alert_admin_urls():
    return [path("reports/alerts/", AlertCountsView.as_view(), name="alerts_counts")]


class AlertsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(COUNTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def alert_report_menu_item():
    return AlertsMenuItem(_("Email alerts"), reverse("alerts_counts"), icon_name="mail", order=900)
