"""Admin screens: the queue of organization applications, and login lockouts to unlock; and
the press releases' section of the organization dashboard.

Both admin screens are wagtail-modeladmin listings whose permission helpers map each action to a
Django permission, so menu items, buttons and views agree on who may do what. The
queue's dashboard panel and menu count live in ``admin_queue``.
"""

from axes.models import AccessAttempt
from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.models import Locale
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import DeleteView, InstanceSpecificView

from core.page_states import row_locales
from pressroom.filing import newsroom_index_find

from .admin_queue import REVIEW_PERMISSION, ApplicationsMenuItem, badge_css, dashboard_panels_add
from .dashboard import organization_release_rows
from .forms import ApplicationReviewForm
from .lockout import lockout_reset
from .models import ApplicationStatus, OrganizationApplication
from .services import ApplicationDecisionError, application_approve, application_reject


class ApplicationPermissionHelper(PermissionHelper):
    """Applications are made on the public site and decided here, never added or deleted."""

    def user_can_list(self, user):
        return user.has_perm(REVIEW_PERMISSION)

    def user_can_inspect_obj(self, user, obj):
        return user.has_perm(REVIEW_PERMISSION)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return user.has_perm(REVIEW_PERMISSION) and obj.status == ApplicationStatus.PENDING_REVIEW

    def user_can_delete_obj(self, user, obj):
        return False


class ApplicationButtonHelper(ButtonHelper):
    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        return {**super().edit_button(pk, classnames_add, classnames_exclude), "label": _("Review")}


class ApplicationReviewView(InstanceSpecificView, FormView):
    """Modeladmin's edit slot, taken by the decision form: approve, or reject with a reason."""

    page_title = _("Review")
    form_class = ApplicationReviewForm

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_edit_obj(user, self.instance)

    def get_template_names(self):
        return ["accounts/admin/review.html"]

    def form_valid(self, form):
        try:
            if form.cleaned_data["decision"] == ApplicationReviewForm.APPROVE:
                application_approve(application=self.instance, reviewer=self.request.user)
                messages.success(self.request, _("Approved: the applicant can now log in."))
            else:
                application_reject(
                    application=self.instance,
                    reviewer=self.request.user,
                    reason=form.cleaned_data["reason"].strip(),
                )
                messages.success(self.request, _("Rejected: the applicant has been told why."))
        except ApplicationDecisionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return redirect(self.index_url)


class OrganizationApplicationAdmin(ModelAdmin):
    model = OrganizationApplication
    menu_label = _("Organization applications")
    menu_icon = "group"
    menu_order = 250
    permission_helper_class = ApplicationPermissionHelper
    button_helper_class = ApplicationButtonHelper
    edit_view_class = ApplicationReviewView
    inspect_view_enabled = True
    list_display = ("applicant_name", "email", "organization_name", "status", "created_at")
    list_filter = ("status", "language")
    search_fields = ("first_name", "last_name", "email", "organization__name")
    inspect_view_fields = (
        "first_name",
        "last_name",
        "email",
        "phone",
        "language",
        "organization",
        "proposed_organization",
        "status",
        "created_at",
        "verified_at",
        "decided_at",
        "decided_by",
        "rejection_reason",
    )

    def get_menu_item(self, order=None):
        return ApplicationsMenuItem(self, order or self.get_menu_order())


class LockoutPermissionHelper(PermissionHelper):
    """Listing needs axes' view permission; unlocking (deleting attempts) its delete one."""

    def user_can_list(self, user):
        return user.has_perm("axes.view_accessattempt") or self.user_can_unlock(user)

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_unlock(self, user):
        return user.has_perm("axes.delete_accessattempt")

    def user_can_delete_obj(self, user, obj):
        return self.user_can_unlock(user)


class LockoutButtonHelper(ButtonHelper):
    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        return {
            **super().delete_button(pk, classnames_add, classnames_exclude),
            "label": _("Unlock"),
            "title": _("Clear these failed logins"),
        }


class UnlockView(DeleteView):
    page_title = _("Unlock")

    def get_meta_title(self):
        return _("Unlock")

    def confirmation_message(self):
        return _(
            "Clear the failed logins of %(username)s and of address %(ip)s? Both can then "
            "try to log in again at once."
        ) % {"username": self.instance.username, "ip": self.instance.ip_address}

    def delete_instance(self):
        lockout_reset(username=self.instance.username, ip_address=self.instance.ip_address)

    def get_template_names(self):
        return ["accounts/admin/unlock.html"]


class AccessAttemptAdmin(ModelAdmin):
    model = AccessAttempt
    menu_label = _("Login lockouts")
    menu_icon = "lock"
    menu_order = 910
    add_to_settings_menu = True
    permission_helper_class = LockoutPermissionHelper
    button_helper_class = LockoutButtonHelper
    delete_view_class = UnlockView
    inspect_view_enabled = True
    list_display = ("username", "ip_address", "failures_since_start", "attempt_time")
    search_fields = ("username", "ip_address")
    inspect_view_fields = (
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "failures_since_start",
        "attempt_time",
    )


modeladmin_register(OrganizationApplicationAdmin)
modeladmin_register(AccessAttemptAdmin)
hooks.register("construct_homepage_panels", dashboard_panels_add)
hooks.register("insert_global_admin_css", badge_css)


@hooks.register("organization_dashboard_section", order=100)
def releases_section(organization, request) -> str:
    """The dashboard's first section: the newsroom's actions and every release, with each
    language's review state (``organization_dashboard_section``, accounts/dashboard.py)."""
    context = {
        "organization": organization,
        "newsroom": newsroom_index_find(organization=organization, locale=Locale.get_active()),
        "locales": row_locales(),
        "rows": organization_release_rows(organization=organization),
    }
    return render_to_string("accounts/includes/dashboard_releases.html", context, request=request)
