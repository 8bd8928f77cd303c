"""The admin's view of the directory: a snippet viewset staff search and filter."""

from functools import wraps

import django_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import LocaleColumn, UpdatedAtColumn
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .models import Organization, OrganizationType


class OrganizationFilterSet(WagtailFilterSet):
    organization_type = django_filters.ChoiceFilter(choices=OrganizationType.choices, label="Type")
    city = django_filters.CharFilter(lookup_expr="iexact", label="City or region")

    class Meta:
        model = Organization
        # Without "locale" here, Wagtail adds its own language filter (with "All").
        fields = ["organization_type", "city", "live"]


# Any of these on an entry lets a user reach its admin pages (edit, history, preview...).
ENTRY_ACTIONS = ["add", "change", "delete", "view", "publish", "lock", "unlock"]


class OrganizationIndexView(IndexView):
    """One row per organization: the list opens in the language the admin is shown in,
    as every organization has one entry per language; the language filter offers the
    others and "All"."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "locale" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["locale"] = Locale.get_active().language_code
            kwargs["data"] = data
        return kwargs

    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ENTRY_ACTIONS
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


def _entry_permission_required(view):
    """Asks the permission policy about the entry a URL names, before the view runs.

    Wagtail's generic snippet views check the model permission only (the default policy
    is per model), while our policy (newsrooms/permissions.py) grants an organization's
    users their own entry alone: one check here covers edit, history, revisions, preview,
    workflow and the rest, instead of one per view class.
    """

    @wraps(view)
    def checked(request, *args, **kwargs):
        entry = get_object_or_404(Organization, pk=unquote(str(kwargs["pk"])))
        policy = policy_registry.get_by_type(Organization)
        if not policy.user_has_any_permission_for_instance(request.user, ENTRY_ACTIONS, entry):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    index_view_class = OrganizationIndexView
    icon = "group"
    menu_label = "Directory"
    menu_name = "directory"
    add_to_admin_menu = True
    menu_order = 200
    list_display = [
        "name",
        LocaleColumn(label=_("Language")),
        "acronym",
        "organization_type",
        "city",
        UpdatedAtColumn(),
    ]
    list_export = ["name", "acronym", "name_az", "organization_type", "city", "email", "website"]
    list_per_page = 50
    filterset_class = OrganizationFilterSet
    search_fields = ["name", "acronym", "name_az", "city"]
    # Search these fields with the ORM (case-insensitive substrings) rather than the search
    # backend: restricting fields crashes SQLite's full-text backend ("no such column",
    # wagtail/wagtail#10217), and staff expect "ISA" to find ISAR on every database.
    search_backend_name = None

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = _entry_permission_required(pattern.callback)
        return patterns
