"""What waits for the staff who decide applications: a dashboard panel and a menu count.

Both read the same queue (``applications_awaiting_review``) and link to the modeladmin
review screens of ``wagtail_hooks``, so the count on the menu, the panel and the listing
filtered to "Waiting for review" always agree.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail_modeladmin.helpers import AdminURLHelper
from wagtail_modeladmin.menus import ModelAdminMenuItem

from .models import ApplicationStatus, OrganizationApplication

REVIEW_PERMISSION = "accounts.review_organizationapplication"
_urls = AdminURLHelper(OrganizationApplication)


def applications_awaiting_review():
    """Verified applications no one has decided yet, the longest waiting first."""
    return (
        OrganizationApplication.objects.filter(status=ApplicationStatus.PENDING_REVIEW)
        .select_related("organization")
        .order_by("verified_at", "pk")
    )


def queue_url() -> str:
    """The applications listing, filtered to those waiting for review."""
    return (
        f"{reverse(_urls.get_action_url_name('index'))}?status={ApplicationStatus.PENDING_REVIEW}"
    )


class PendingApplicationsPanel(Component):
    """The admin dashboard's list of applications waiting for a decision."""

    name = "pending_organization_applications"
    template_name = "accounts/admin/pending_applications_panel.html"
    order = 50
    shown = 10

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        waiting = applications_awaiting_review()
        return {
            "count": waiting.count(),
            "applications": [
                (application, reverse(_urls.get_action_url_name("edit"), args=[application.pk]))
                for application in waiting[: self.shown]
            ],
            "queue_url": queue_url(),
        }


def dashboard_panels_add(request, panels: list) -> None:
    """``construct_homepage_panels``: the queue first, for those who decide applications."""
    if request.user.has_perm(REVIEW_PERMISSION):
        panels.insert(0, PendingApplicationsPanel())


class ApplicationsMenuItem(ModelAdminMenuItem):
    """The menu link to the applications, with the number waiting for review as a badge."""

    def render_component(self, request):
        count = applications_awaiting_review().count()
        attrs = {}
        if count:
            attrs = {
                "data-pending-count": str(count),
                "aria-label": ngettext(
                    "%(label)s, %(count)d waiting for review",
                    "%(label)s, %(count)d waiting for review",
                    count,
                )
                % {"label": self.label, "count": count},
            }
        return LinkMenuItem(
            self.name,
            str(self.label),
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=attrs,
        )


def badge_css() -> str:
    """``insert_global_admin_css``: draws the badge from the menu link's count."""
    return format_html('<link rel="stylesheet" href="{}">', static("accounts/admin.css"))
