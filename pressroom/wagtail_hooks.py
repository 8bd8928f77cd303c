"""The admin's read-only import log, and releases as the importer's first line type."""

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.admin_helpers import ReadOnlyPermissionHelper, yes_no_column

from .filing import release_file
from .importing.releases import release_line_type
from .models import ImportRun, PressReleasePage


class ImportRunAdmin(ModelAdmin):
    model = ImportRun
    menu_label = "Import log"
    menu_icon = "history"
    menu_order = 900
    add_to_settings_menu = True
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "source",
        "started_at",
        yes_no_column(ImportRun, "publish"),
        "created",
        "updated",
        "unchanged",
        "rejected",
    )
    list_filter = ("publish",)
    search_fields = ("source",)


modeladmin_register(ImportRunAdmin)


@hooks.register("after_create_page")
def release_file_after_create(request, page):
    """A release staff write outside a newsroom goes into its issuer's (docs/newsrooms.md)."""
    if isinstance(page, PressReleasePage) and release_file(page):
        page.refresh_from_db()


hooks.register("register_import_line_type", release_line_type)
