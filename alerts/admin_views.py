"""The admin's alert report: how many confirmed addresses follow each organization, topic and
saved search. Counts for staff allowed to view subscriptions; the addresses themselves only
for those also holding ``alerts.view_subscriber_address``."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .queries import query_label
from .selectors import subscription_addresses, subscription_counts

COUNTS_PERMISSION = "alerts.view_subscription"
ADDRESSES_PERMISSION = "alerts.view_subscriber_address"


class AlertCountsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Email alerts")
    header_icon = "mail"
    template_name = "alerts/admin/counts.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(COUNTS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = [
            {**row, "label": query_label(row["query"], kind=row["kind"], language=row["language"])}
            for row in subscription_counts()
        ]
        show_addresses = self.request.user.has_perm(ADDRESSES_PERMISSION)
        if show_addresses:
            addresses = subscription_addresses()
            for row in rows:
                row["addresses"] = addresses.get((row["query"], row["language"]), [])
        return super().get_context_data(rows=rows, show_addresses=show_addresses, **kwargs)
