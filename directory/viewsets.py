"""The admin's view of the directory: a snippet viewset staff search and filter."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organization, OrganizationType


class OrganizationFilterSet(WagtailFilterSet):
    organization_type = django_filters.ChoiceFilter(choices=OrganizationType.choices, label="Type")
    city = django_filters.CharFilter(lookup_expr="iexact", label="City or region")

    class Meta:
        model = Organization
        fields = ["organization_type", "city", "live", "locale"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = "Directory"
    menu_name = "directory"
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["name", "acronym", "organization_type", "city", UpdatedAtColumn()]
    list_export = ["name", "acronym", "name_az", "organization_type", "city", "email", "website"]
    list_per_page = 50
    filterset_class = OrganizationFilterSet
    search_fields = ["name", "acronym", "name_az", "city"]
    # Search these fields with the ORM (case-insensitive substrings) rather than the search
    # backend: restricting fields crashes SQLite's full-text backend ("no such column",
    # wagtail/wagtail#10217), and staff expect "ISA" to find ISAR on every database.
    search_backend_name = None
