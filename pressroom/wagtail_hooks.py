"""The admin's read-only import log: what each import run created, updated or rejected."""

from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.admin_helpers import ReadOnlyPermissionHelper

from .models import ImportRun


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
        "publish",
        "created",
        "updated",
        "unchanged",
        "rejected",
    )
    list_filter = ("publish",)
    search_fields = ("source",)


modeladmin_register(ImportRunAdmin)
